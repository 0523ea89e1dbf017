/** The audit log: who did what, when, to which records. */
@NullMarked
package io.eventplatform.console.audit;

import org.jspecify.annotations.NullMarked;
