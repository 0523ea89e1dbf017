/**
 * Starting, watching and stopping the platform's parts as separate operating-system processes.
 */
package io.eventplatform.local.process;
