/** The rules of who gets which message about which event, opt-outs, and the throttling of bursts of alerts. */
package io.eventplatform.notification.dispatch;
