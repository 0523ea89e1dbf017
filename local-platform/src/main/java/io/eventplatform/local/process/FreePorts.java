package io.eventplatform.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ports that are free right now, for tests that must not collide with a platform already running. */
public final class FreePorts {

	/**
	 * Every port handed out by this JVM: one platform's settings come from several calls (its parts, its Kafka nodes,
	 * its monitoring, another instance), and the system may offer a port again once an earlier call has let it go.
	 */
	private static final Set<Integer> GIVEN = new HashSet<>();

	private FreePorts() {
	}

	/**
	 * {@code count} ports, all different and none given before by this JVM: each is held open until every one is
	 * chosen. A port could still be taken by another process between here and the part binding it; on a test machine
	 * that is rare enough.
	 */
	public static synchronized int[] take(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count;) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				if (GIVEN.add(socket.getLocalPort())) {
					ports[i++] = socket.getLocalPort();
				}
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find free ports", ex);
		}
		finally {
			sockets.forEach(FreePorts::closeQuietly);
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Only probing; nothing to release.
		}
	}
}
