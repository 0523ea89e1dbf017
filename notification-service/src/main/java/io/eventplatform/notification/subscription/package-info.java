/** Who wants which alerts (weather stations, accounts as security contact), and who wants no non-critical mail. */
package io.eventplatform.notification.subscription;
