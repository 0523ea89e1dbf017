/** Consumer groups with their members, offsets and lag, and rewinds through the owning service's replay. */
@NullMarked
package io.eventplatform.console.groups;

import org.jspecify.annotations.NullMarked;
