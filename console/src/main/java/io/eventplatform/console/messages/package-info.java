/** Bounded reads of a topic or partition from an offset or a time, with personal data masked for viewers. */
@NullMarked
package io.eventplatform.console.messages;

import org.jspecify.annotations.NullMarked;
