/** The listeners of fraud and weather alerts. */
@NullMarked
package io.eventplatform.notification.alert;

import org.jspecify.annotations.NullMarked;
