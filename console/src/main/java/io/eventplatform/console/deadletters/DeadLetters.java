package io.eventplatform.console.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.console.audit.AuditLog;
import io.eventplatform.console.kafka.RedriveProducer;
import io.eventplatform.console.messages.MessagePage;
import io.eventplatform.console.messages.MessageReader;
import io.eventplatform.console.messages.MessageView;
import io.eventplatform.console.web.PageProblem;
import io.eventplatform.contract.Topics;

/**
 * Dead letters: read with their cause, redriven to the topic they came from, or discarded. Each record is claimed in
 * the console's database before it is sent, in one transaction with the send's acknowledgement: a record is redriven
 * at most once by the console (a failed send leaves it unclaimed), and its event id lets the consumers ignore a
 * redrive of something they had processed after all.
 */
@Component
class DeadLetters {

	static final String SUFFIX = "-dlt";

	static final String REDRIVEN_FROM = "platform-redriven-from";

	/** The most "redrive all" sends in one go; the rest waits for the next press. */
	static final int ALL_AT_MOST = 10_000;

	private final Admin admin;

	private final MessageReader reader;

	private final DeadLetterStatuses statuses;

	private final RedriveProducer redrive;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	DeadLetters(Admin admin, MessageReader reader, DeadLetterStatuses statuses, RedriveProducer redriveProducer,
			TransactionTemplate transaction, AuditLog audit) {
		this.admin = admin;
		this.reader = reader;
		this.statuses = statuses;
		this.redrive = redriveProducer;
		this.transaction = transaction;
		this.audit = audit;
	}

	Set<String> topics() throws Exception {
		Set<String> topics = new TreeSet<>();
		admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(name -> name.endsWith(SUFFIX)).forEach(topics::add);
		return topics;
	}

	long handled(String topic) {
		return statuses.count(topic);
	}

	Page page(String topic, Map<Integer, Long> cursor, boolean backward, boolean mask) {
		requireDeadLetterTopic(topic);
		MessagePage page = reader.read(new MessageReader.ReadRequest(topic, null, cursor, null, null, backward, null, null), mask);
		Map<String, DeadLetterStatuses.Status> known = statuses.of(topic);
		List<DeadLetter> letters = page.records().stream().map(record -> deadLetter(record, known.get(record.id()))).toList();
		return new Page(letters, page);
	}

	/** @return how many were sent (records already handled, or without an original topic, are skipped) */
	int redrive(String topic, Map<Integer, List<Long>> selection, String person) {
		requireDeadLetterTopic(topic);
		return redrive(topic, reader.fetch(topic, selection), person, "dead-letters.redrive");
	}

	int redriveAll(String topic, String person) {
		requireDeadLetterTopic(topic);
		return redrive(topic, reader.readAll(topic, ALL_AT_MOST), person, "dead-letters.redrive-all");
	}

	int discard(String topic, Map<Integer, List<Long>> selection, String person) {
		requireDeadLetterTopic(topic);
		List<String> done = new ArrayList<>();
		selection.forEach((partition, offsets) -> offsets.forEach(offset -> {
			if (statuses.claim(topic, partition, offset, DeadLetterStatuses.DISCARDED, person)) {
				done.add(partition + ":" + offset);
			}
		}));
		audit.record(person, "dead-letters.discard", topic, "partition:offset " + String.join(", ", done), done.size());
		return done.size();
	}

	private int redrive(String topic, List<ConsumerRecord<byte[], byte[]>> records, String person, String action) {
		Map<String, List<String>> sent = new TreeMap<>();
		int count = 0;
		try {
			for (ConsumerRecord<byte[], byte[]> record : records) {
				String target = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
				if (target == null || !mayRedriveTo(topic, target)) {
					continue;
				}
				Boolean done = transaction.execute(status -> {
					if (!statuses.claim(topic, record.partition(), record.offset(), DeadLetterStatuses.REDRIVEN,
							person)) {
						return false;
					}
					send(target, topic, record);
					return true;
				});
				if (Boolean.TRUE.equals(done)) {
					count++;
					sent.computeIfAbsent(target, name -> new ArrayList<>())
						.add(record.partition() + ":" + record.offset());
				}
			}
		}
		finally {
			// Also when a send fails part-way: what went out before it is in the audit log.
			StringBuilder details = new StringBuilder();
			sent.forEach((target, offsets) -> details.append("to ").append(target).append(": partition:offset ")
				.append(String.join(", ", offsets)).append("; "));
			audit.record(person, action, topic,
					details.length() == 0 ? "nothing left to redrive" : details.toString().strip(), count);
		}
		return count;
	}

	private void send(String target, String deadLetterTopic, ConsumerRecord<byte[], byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			// The dead-letter topic's own headers (cause, origin) stay behind; the event's own go along.
			if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().equals(REDRIVEN_FROM)) {
				headers.add(header);
			}
		}
		headers.add(REDRIVEN_FROM, (deadLetterTopic + "/" + record.partition() + "/" + record.offset())
			.getBytes(StandardCharsets.UTF_8));
		try {
			redrive.sendAndWait(new ProducerRecord<>(target, null, record.key(), record.value(), headers));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PageProblem(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while redriving to " + target);
		}
		catch (Exception ex) {
			throw new PageProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"The broker did not take the redrive to " + target + ": " + ex.getMessage());
		}
	}

	private static DeadLetter deadLetter(MessageView record, DeadLetterStatuses.@Nullable Status status) {
		Map<String, String> headers = record.otherHeaders();
		// A listener's failure arrives wrapped (ListenerExecutionFailedException); what failed is its cause.
		String exception = headers.getOrDefault(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
				headers.get(KafkaHeaders.DLT_EXCEPTION_FQCN));
		return new DeadLetter(record, exception,
				headers.get(KafkaHeaders.DLT_EXCEPTION_MESSAGE), headers.get(KafkaHeaders.DLT_ORIGINAL_TOPIC),
				headers.get(KafkaHeaders.DLT_ORIGINAL_PARTITION), headers.get(KafkaHeaders.DLT_ORIGINAL_OFFSET), status);
	}

	private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * Back where it came from only, whatever else a header names: {@code <topic>-dlt} to {@code <topic>}; a Kafka
	 * Streams application's own dead-letter topic (one for all its inputs) to a topic of the platform's contract that
	 * listeners read, never to the fraud rules, a replay-control or an internal topic.
	 */
	static boolean mayRedriveTo(String deadLetterTopic, String target) {
		if (deadLetterTopic.equals(target + SUFFIX)) {
			return true;
		}
		return Topics.byName(target).filter(known -> !known.compacted()).isPresent()
				&& Topics.byName(deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length())).isEmpty();
	}

	private static void requireDeadLetterTopic(String topic) {
		if (!topic.endsWith(SUFFIX)) {
			throw new PageProblem(HttpStatus.BAD_REQUEST, topic + " is no dead-letter topic (<topic>" + SUFFIX + ")");
		}
	}

	record Page(List<DeadLetter> letters, MessagePage page) {
	}
}
