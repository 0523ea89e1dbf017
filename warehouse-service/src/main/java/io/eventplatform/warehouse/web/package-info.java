/** History queries over the warehouse tables, paged, newest first. */
package io.eventplatform.warehouse.web;
