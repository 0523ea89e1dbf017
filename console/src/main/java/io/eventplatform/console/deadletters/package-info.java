/** Dead-letter topics: records with their cause, redrive to the original topic or discard, each once and audited. */
@NullMarked
package io.eventplatform.console.deadletters;

import org.jspecify.annotations.NullMarked;
