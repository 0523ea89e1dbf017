/** History queries over the warehouse tables, paged, newest first. */
@NullMarked
package io.eventplatform.warehouse.web;

import org.jspecify.annotations.NullMarked;
