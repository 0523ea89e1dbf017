/**
 * The warehouse: users, transactions and weather readings copied from their topics into SQL tables by a consumer
 * group of its own, once per event id, for history queries and analysts' SQL.
 */
@NullMarked
package io.eventplatform.warehouse;

import org.jspecify.annotations.NullMarked;
