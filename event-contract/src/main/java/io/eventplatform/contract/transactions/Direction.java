package io.eventplatform.contract.transactions;

/** Whether money left the account or came into it. */
public enum Direction {

	DEBIT, CREDIT

}
