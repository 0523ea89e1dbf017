package io.eventplatform.console.messages;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.ConsoleProperties;
import io.eventplatform.console.kafka.KafkaReads;
import io.eventplatform.console.web.PageProblem;

/**
 * Reads a page of a topic, or of one partition, from a cursor (an offset per partition), an offset or a time. Every
 * read is bounded: at most a page of records returned, at most {@code maxScanned} looked at, at most
 * {@code readTimeout} spent polling; the page says when a bound cut it short.
 */
@Component
public class MessageReader {

	private final KafkaReads reads;

	private final ConsoleProperties.Messages limits;

	private final JsonMapper json;

	MessageReader(KafkaReads reads, ConsoleProperties properties, JsonMapper json) {
		this.reads = reads;
		this.limits = properties.messages();
		this.json = json;
	}

	public int pageSize() {
		return limits.pageSize();
	}

	/**
	 * @param mask whether personal data is masked (for viewers); masking happens here, before anything leaves the
	 * server
	 */
	public MessagePage read(ReadRequest request, boolean mask) {
		return reads.read(consumer -> read(consumer, request, mask));
	}

	private MessagePage read(Consumer<byte[], byte[]> consumer, ReadRequest request, boolean mask) {
		List<TopicPartition> partitions = partitions(consumer, request.topic(), request.partition());
		Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
		Map<TopicPartition, Long> start = startPositions(consumer, request, partitions, begin, end);
		long deadline = System.nanoTime() + limits.readTimeout().toNanos();
		int budget = Math.max(limits.pageSize(), limits.maxScanned() / partitions.size());
		Predicate<ConsumerRecord<byte[], byte[]>> filter = filter(request);

		List<ConsumerRecord<byte[], byte[]>> matches = new ArrayList<>();
		Map<Integer, Long> scannedEdge = new HashMap<>();
		int scanned = 0;
		boolean truncated = false;
		for (TopicPartition partition : partitions) {
			long from;
			long to;
			if (request.backward()) {
				to = at(start, partition);
				from = Math.max(at(begin, partition), to - budget);
			}
			else {
				from = at(start, partition);
				to = at(end, partition);
			}
			Range range = scan(consumer, partition, from, to, budget, deadline, filter, request.backward());
			matches.addAll(range.matches());
			scanned += range.scanned();
			truncated |= range.cut();
			scannedEdge.put(partition.partition(), request.backward() ? from : range.position());
		}
		Comparator<ConsumerRecord<byte[], byte[]>> order = Comparator
			.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
			.thenComparingInt(ConsumerRecord::partition)
			.thenComparingLong(ConsumerRecord::offset);
		matches.sort(order);
		List<ConsumerRecord<byte[], byte[]>> page = request.backward()
				? matches.subList(Math.max(0, matches.size() - limits.pageSize()), matches.size())
				: matches.subList(0, Math.min(limits.pageSize(), matches.size()));
		Map<Integer, Long> previous = new TreeMap<>();
		Map<Integer, Long> next = new TreeMap<>();
		for (TopicPartition partition : partitions) {
			int number = partition.partition();
			List<Long> offsets = page.stream().filter(record -> record.partition() == number).map(ConsumerRecord::offset).toList();
			boolean hadMatches = matches.stream().anyMatch(record -> record.partition() == number);
			if (!offsets.isEmpty()) {
				previous.put(number, offsets.stream().min(Long::compare).orElseThrow());
				next.put(number, offsets.stream().max(Long::compare).orElseThrow() + 1);
			}
			else if (request.backward()) {
				// Nothing from this partition made the page: the page before starts where the scan began if it
				// found nothing at all, else where this page ended.
				previous.put(number, hadMatches ? at(start, partition) : java.util.Objects.requireNonNullElse(scannedEdge.get(number), 0L));
				next.put(number, at(start, partition));
			}
			else {
				previous.put(number, at(start, partition));
				next.put(number, hadMatches ? at(start, partition) : java.util.Objects.requireNonNullElse(scannedEdge.get(number), 0L));
			}
		}
		List<MessageView> views = page.stream().map(record -> view(record, mask)).toList();
		return new MessagePage(views, previous, next, scanned, truncated);
	}

	/** The records at these offsets, as they are (for a redrive). Missing ones are left out. */
	public List<ConsumerRecord<byte[], byte[]>> fetch(String topic, Map<Integer, List<Long>> offsets) {
		return reads.read(consumer -> {
			List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
			long deadline = System.nanoTime() + limits.readTimeout().toNanos() * 4;
			offsets.forEach((partition, wanted) -> {
				TopicPartition tp = new TopicPartition(topic, partition);
				for (long offset : wanted.stream().sorted().distinct().toList()) {
					Range range = scan(consumer, tp, offset, offset + 1, 1, deadline, record -> true, false);
					found.addAll(range.matches());
				}
			});
			return found;
		});
	}

	/** Every record of the topic, oldest first per partition, at most {@code limit} (for "redrive all"). */
	public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int limit) {
		return reads.read(consumer -> {
			List<TopicPartition> partitions = partitions(consumer, topic, null);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
			long deadline = System.nanoTime() + limits.readTimeout().toNanos() * 10;
			List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
			for (TopicPartition partition : partitions) {
				if (all.size() >= limit) {
					break;
				}
				all.addAll(scan(consumer, partition, at(begin, partition), at(end, partition), limit - all.size(),
						deadline, record -> true, false).matches());
			}
			return all;
		});
	}

	private static List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic,
			@Nullable Integer only) {
		List<PartitionInfo> infos;
		try {
			infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "Could not describe topic " + topic + ": " + ex.getMessage());
		}
		if (infos == null || infos.isEmpty()) {
			throw new PageProblem(HttpStatus.NOT_FOUND, "No topic " + topic);
		}
		List<TopicPartition> partitions = infos.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.filter(partition -> only == null || partition.partition() == only)
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
		if (partitions.isEmpty()) {
			throw new PageProblem(HttpStatus.NOT_FOUND, "Topic " + topic + " has no partition " + only);
		}
		return partitions;
	}

	private static Map<TopicPartition, Long> startPositions(Consumer<byte[], byte[]> consumer, ReadRequest request,
			List<TopicPartition> partitions, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
		Map<TopicPartition, Long> start = new HashMap<>();
		Map<TopicPartition, OffsetAndTimestamp> byTime = Map.of();
		Instant fromTime = request.fromTime();
		if (request.cursor().isEmpty() && fromTime != null) {
			Map<TopicPartition, Long> times = new HashMap<>();
			partitions.forEach(partition -> times.put(partition, fromTime.toEpochMilli()));
			byTime = consumer.offsetsForTimes(times, Duration.ofSeconds(5));
		}
		for (TopicPartition partition : partitions) {
			long position;
			Long cursor = request.cursor().get(partition.partition());
			if (cursor != null) {
				position = cursor;
			}
			else if (request.fromTime() != null) {
				OffsetAndTimestamp found = byTime.get(partition);
				position = found == null ? at(end, partition) : found.offset();
			}
			else if (request.fromOffset() != null) {
				position = request.fromOffset();
			}
			else {
				position = request.backward() ? at(end, partition) : at(begin, partition);
			}
			start.put(partition, Math.max(at(begin, partition), Math.min(at(end, partition), position)));
		}
		return start;
	}

	/** Reads [from, to) of one partition, keeping what passes the filter, until the budget or the deadline. */
	private static Range scan(Consumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to,
			int budget, long deadline, Predicate<ConsumerRecord<byte[], byte[]>> filter, boolean keepLast) {
		List<ConsumerRecord<byte[], byte[]>> matches = new ArrayList<>();
		if (from >= to) {
			return new Range(matches, 0, from, false);
		}
		consumer.assign(List.of(partition));
		consumer.seek(partition, from);
		int scanned = 0;
		long position = from;
		while (position < to) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0 || scanned >= budget || (!keepLast && matches.size() >= budget)) {
				return new Range(matches, scanned, position, true);
			}
			boolean consumedAll = true;
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofNanos(Math.min(remaining, 500_000_000L)))) {
				if (record.offset() >= to || scanned >= budget) {
					consumedAll = false;
					break;
				}
				scanned++;
				position = record.offset() + 1;
				if (filter.test(record)) {
					matches.add(record);
				}
			}
			if (consumedAll) {
				// Past what this poll returned, e.g. transaction markers: the consumer's position says how far it read.
				position = Math.max(position, consumer.position(partition));
			}
		}
		return new Range(matches, scanned, Math.min(position, to), false);
	}

	private static Predicate<ConsumerRecord<byte[], byte[]>> filter(ReadRequest request) {
		Predicate<ConsumerRecord<byte[], byte[]>> filter = record -> true;
		String key = request.key();
		if (key != null && !key.isBlank()) {
			byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
			filter = filter.and(record -> record.key() != null && java.util.Arrays.equals(record.key(), wanted));
		}
		String type = request.type();
		if (type != null && !type.isBlank()) {
			String wanted = type.toLowerCase(Locale.ROOT);
			filter = filter.and(record -> {
				Header header = record.headers().lastHeader("ce_type");
				return header != null && header.value() != null
						&& new String(header.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(wanted);
			});
		}
		return filter;
	}

	/** A record as a page shows it; with {@code mask}, personal data is masked in key, headers and value. */
	public MessageView view(ConsumerRecord<byte[], byte[]> record, boolean mask) {
		Map<String, String> cloudEvent = new LinkedHashMap<>();
		Map<String, String> other = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			String value = headerText(header.value());
			if (mask) {
				value = Masking.maskText(value);
			}
			if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
				cloudEvent.put(header.key(), value);
			}
			else {
				other.put(header.key(), value);
			}
		}
		String key = record.key() == null ? null : text(record.key());
		if (key != null && mask) {
			key = Masking.maskText(key);
		}
		String value;
		String format;
		byte[] bytes = record.value();
		JsonNode tree = bytes == null ? null : parse(bytes);
		if (bytes == null) {
			value = "(null: a tombstone)";
			format = "text";
		}
		else if (tree != null) {
			if (mask) {
				Masking.maskJson(tree);
			}
			value = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
			format = "json";
		}
		else if (isText(bytes)) {
			value = new String(bytes, StandardCharsets.UTF_8);
			value = mask ? Masking.maskText(value) : value;
			format = "text";
		}
		else {
			// Bytes that are no text could still hold personal data: a viewer sees their length only.
			value = mask ? "(" + bytes.length + " bytes, not text)" : HexFormat.ofDelimiter(" ").formatHex(bytes);
			format = "hex";
		}
		return new MessageView(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()), key, cloudEvent, other, value, format);
	}

	private @Nullable JsonNode parse(byte[] bytes) {
		try {
			JsonNode tree = json.readTree(bytes);
			return tree != null && (tree.isObject() || tree.isArray()) ? tree : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	/** Header values are text (CloudEvents) or numbers in binary (spring-kafka's dead-letter headers). */
	static String headerText(byte @Nullable [] value) {
		if (value == null) {
			return "";
		}
		if (isText(value)) {
			return new String(value, StandardCharsets.UTF_8);
		}
		if (value.length == 4) {
			return String.valueOf(ByteBuffer.wrap(value).getInt());
		}
		if (value.length == 8) {
			return String.valueOf(ByteBuffer.wrap(value).getLong());
		}
		return HexFormat.ofDelimiter(" ").formatHex(value);
	}

	private static String text(byte[] bytes) {
		return isText(bytes) ? new String(bytes, StandardCharsets.UTF_8) : HexFormat.of().formatHex(bytes);
	}

	static boolean isText(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static long at(Map<TopicPartition, Long> offsets, TopicPartition partition) {
		return java.util.Objects.requireNonNullElse(offsets.get(partition), 0L);
	}

	private record Range(List<ConsumerRecord<byte[], byte[]>> matches, int scanned, long position, boolean cut) {
	}

	/**
	 * What to read.
	 *
	 * @param partition one partition, or all when null
	 * @param cursor where to continue, per partition (from a page's previous/next); empty for a first page
	 * @param fromOffset the first page starts here (in every partition read)
	 * @param fromTime the first page starts at the first record at or after this time
	 * @param backward the page ends just before the cursor (the "previous" page)
	 */
	public record ReadRequest(String topic, @Nullable Integer partition, Map<Integer, Long> cursor,
			@Nullable Long fromOffset, @Nullable Instant fromTime, boolean backward, @Nullable String key,
			@Nullable String type) {

		public static Map<Integer, Long> parseCursor(@Nullable String cursor) {
			Map<Integer, Long> positions = new TreeMap<>();
			if (cursor == null || cursor.isBlank()) {
				return positions;
			}
			try {
				for (String part : cursor.split(",")) {
					String[] pair = part.split(":");
					positions.put(Integer.parseInt(pair[0].strip()), Long.parseLong(pair[1].strip()));
				}
			}
			catch (RuntimeException ex) {
				throw new PageProblem(HttpStatus.BAD_REQUEST, "A cursor is partition:offset,partition:offset, not " + cursor);
			}
			return positions;
		}
	}
}
