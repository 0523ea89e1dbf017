/** HTTP load with wrk, the nginx reverse-proxy baseline and the request bodies they send. */
@NullMarked
package io.eventplatform.benchmarks.http;

import org.jspecify.annotations.NullMarked;
