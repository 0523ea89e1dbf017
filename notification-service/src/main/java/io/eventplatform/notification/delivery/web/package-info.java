/** The HTTP API of the delivery history. */
package io.eventplatform.notification.delivery.web;
