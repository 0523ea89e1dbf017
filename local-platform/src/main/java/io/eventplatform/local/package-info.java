/**
 * Runs the whole platform on one machine with only a JDK: a Kafka broker, a mail server and every service, each as
 * its own process, started in order and stopped in reverse.
 */
@NullMarked
package io.eventplatform.local;

import org.jspecify.annotations.NullMarked;
