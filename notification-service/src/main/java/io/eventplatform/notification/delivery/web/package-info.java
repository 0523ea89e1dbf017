/** The HTTP API of the delivery history. */
@NullMarked
package io.eventplatform.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
