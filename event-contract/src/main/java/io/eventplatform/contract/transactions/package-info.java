/** Events about bank transactions and the fraud suspected in them. */
@NullMarked
package io.eventplatform.contract.transactions;

import org.jspecify.annotations.NullMarked;
