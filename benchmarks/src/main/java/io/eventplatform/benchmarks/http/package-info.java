/** HTTP load with wrk, the nginx reverse-proxy baseline and the request bodies they send. */
package io.eventplatform.benchmarks.http;
