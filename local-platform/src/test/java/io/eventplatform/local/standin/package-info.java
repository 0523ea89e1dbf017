/**
 * Tiny processes that stand in for the platform's parts in tests: they start in a fraction of a second and behave
 * as a test needs (ready, crashing, never ready).
 */
package io.eventplatform.local.standin;
