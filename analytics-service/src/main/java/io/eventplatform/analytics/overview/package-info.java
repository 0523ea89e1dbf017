/** The platform at a glance: events per input topic per minute. */
package io.eventplatform.analytics.overview;
