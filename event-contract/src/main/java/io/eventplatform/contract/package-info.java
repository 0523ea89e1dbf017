/**
 * The contract every service shares: one immutable record per event, the registry of topics with their key,
 * partitions and retention, and the CloudEvents binary-mode headers. Deliberately free of Spring.
 */
@NullMarked
package io.eventplatform.contract;

import org.jspecify.annotations.NullMarked;
