package io.eventplatform.local.mail;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxTests {

	@Test
	void keepsOnlyTheNewestMessagesOnceFull() {
		// Given
		Mailbox mailbox = new Mailbox();

		// When
		LongStream.rangeClosed(1, Mailbox.CAPACITY + 5).forEach(id -> mailbox.add(mail(id)));

		// Then
		List<ReceivedMail> all = mailbox.all();
		assertThat(all).hasSize(Mailbox.CAPACITY);
		assertThat(all.get(0).id()).isEqualTo(6);
		assertThat(all.get(all.size() - 1).id()).isEqualTo(Mailbox.CAPACITY + 5);
	}

	private static ReceivedMail mail(long id) {
		return new ReceivedMail(id, "no-reply@eventplatform.local", List.of("ada@example.com"), "Hello", Instant.now(),
				"Hello", null);
	}

}
