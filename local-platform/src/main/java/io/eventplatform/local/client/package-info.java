/**
 * What every client of the local platform needs: access tokens from the gateway's token endpoint, for the demo
 * traffic, the end-to-end tests and the benchmarks alike.
 */
@NullMarked
package io.eventplatform.local.client;

import org.jspecify.annotations.NullMarked;
