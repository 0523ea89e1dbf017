/**
 * Rewinding a service's consumer groups (to an instant, an end of the partitions or given offsets), so its listeners read
 * the retained events again, with every instance of the service stopping and starting its listeners together.
 */
@NullMarked
package io.eventplatform.support.kafka.replay;

import org.jspecify.annotations.NullMarked;
