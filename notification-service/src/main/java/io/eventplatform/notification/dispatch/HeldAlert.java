package io.eventplatform.notification.dispatch;

import java.time.Instant;

/** An alert and when it was raised, as a held delivery keeps it for its digest. */
record HeldAlert<T>(Instant time, T alert) {
}
