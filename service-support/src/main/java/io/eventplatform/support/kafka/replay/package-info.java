/** Rewinding a service's consumer groups to a point in time, so its listeners read the retained events again. */
@NullMarked
package io.eventplatform.support.kafka.replay;

import org.jspecify.annotations.NullMarked;
