package io.eventplatform.local.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every message received, oldest first. Bounded, because {@code ./run.sh --demo} sends mail for hours and the mail
 * server has a small heap.
 */
final class Mailbox {

	static final int CAPACITY = 1000;

	private final Deque<ReceivedMail> messages = new ArrayDeque<>();

	synchronized void add(ReceivedMail mail) {
		messages.addLast(mail);
		if (messages.size() > CAPACITY) {
			messages.removeFirst();
		}
	}

	synchronized List<ReceivedMail> all() {
		return List.copyOf(messages);
	}

	synchronized List<ReceivedMail> addressedTo(String address) {
		return messages.stream().filter(mail -> mail.isAddressedTo(address)).toList();
	}

	synchronized void purge() {
		messages.clear();
	}

}
