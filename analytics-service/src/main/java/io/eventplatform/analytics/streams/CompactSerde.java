package io.eventplatform.analytics.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.eventplatform.contract.kafka.EventJson;

/**
 * Store values written on every event in a compact binary form: one version byte, then the fields in a fixed order.
 * Written by hand for the few aggregates that every reading reads and writes back (as JSON they took a fifth of
 * analytics' CPU per reading); the rarer ones stay {@link JsonSerde JSON}. A value that starts with <code>{</code>
 * is read as JSON, so the changelogs and stores written before this format restore as they were.
 */
public final class CompactSerde {

	/** The first byte of every value in this format; JSON values start with <code>{</code>, never with it. */
	static final byte VERSION_1 = 1;

	private CompactSerde() {
	}

	/** Writes one value's fields. */
	@FunctionalInterface
	public interface Writer<T> {

		void write(T value, DataOutput out) throws IOException;

	}

	/** Reads one value's fields, in the order its {@link Writer} wrote them. */
	@FunctionalInterface
	public interface Reader<T> {

		T read(DataInputStream in) throws IOException;

	}

	public static <T> Serde<T> of(Class<T> type, Writer<T> writer, Reader<T> reader) {
		return Serdes.serdeFrom((topic, value) -> {
			if (value == null) {
				return null;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.writeByte(VERSION_1);
				writer.write(value, out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}, (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			if (bytes.length > 0 && bytes[0] == '{') {
				return EventJson.mapper().readValue(bytes, type);
			}
			if (bytes.length == 0 || bytes[0] != VERSION_1) {
				throw new SerializationException("A " + type.getSimpleName() + " in an unknown format (first byte "
						+ (bytes.length == 0 ? "missing" : bytes[0]) + ")");
			}
			T value;
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
			try {
				value = reader.read(in);
				if (in.available() > 0) {
					throw new SerializationException("A " + type.getSimpleName() + " with " + in.available()
							+ " bytes more than its fields");
				}
			}
			catch (IOException ex) {
				throw new SerializationException("A " + type.getSimpleName() + " cut short", ex);
			}
			catch (RuntimeException ex) {
				throw ex instanceof SerializationException ? ex
						: new SerializationException("A " + type.getSimpleName() + " that cannot be read", ex);
			}
			return value;
		});
	}

	/** Any length, unlike {@link DataOutput#writeUTF} (at most 65,535 bytes): station ids come from outside. */
	public static void writeString(String text, DataOutput out) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	public static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new SerializationException("A string of " + length + " bytes where " + in.available() + " are left");
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	public static void writeInstant(Instant instant, DataOutput out) throws IOException {
		out.writeLong(instant.getEpochSecond());
		out.writeInt(instant.getNano());
	}

	public static Instant readInstant(DataInput in) throws IOException {
		return Instant.ofEpochSecond(in.readLong(), in.readInt());
	}
}
