/** The listeners of fraud and weather alerts. */
package io.eventplatform.notification.alert;
