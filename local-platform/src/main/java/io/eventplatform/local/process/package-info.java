/**
 * Starting, watching and stopping the platform's parts as separate operating-system processes.
 */
@NullMarked
package io.eventplatform.local.process;

import org.jspecify.annotations.NullMarked;
