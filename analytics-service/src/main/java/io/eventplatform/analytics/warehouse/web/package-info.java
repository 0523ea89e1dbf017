/** History queries over the warehouse tables, paged, newest first. */
package io.eventplatform.analytics.warehouse.web;
