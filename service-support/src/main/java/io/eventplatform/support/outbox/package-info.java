/**
 * The transactional outbox: an event is stored in the business transaction and published after commit, in the order
 * it was stored, and deleted only once the broker acknowledged it. See {@code docs/adr/0001-ordered-outbox.md}.
 */
@NullMarked
package io.eventplatform.support.outbox;

import org.jspecify.annotations.NullMarked;
