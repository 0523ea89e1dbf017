/** Events about bank transactions and the fraud suspected in them. */
package io.eventplatform.contract.transactions;
