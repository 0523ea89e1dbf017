/** The listeners of fraud, weather and platform alerts. */
@NullMarked
package io.eventplatform.notification.alert;

import org.jspecify.annotations.NullMarked;
