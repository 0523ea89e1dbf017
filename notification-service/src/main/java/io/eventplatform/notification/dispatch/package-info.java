/** The rules of who gets which message about which event, opt-outs, and the throttling of bursts of alerts. */
@NullMarked
package io.eventplatform.notification.dispatch;

import org.jspecify.annotations.NullMarked;
