package io.eventplatform.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports that are free right now, for tests that must not collide with a platform already running. */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * {@code count} ports, all different: each is held open until every one is chosen. A port could still be taken
	 * between here and the part binding it; on a test machine that is rare enough.
	 */
	public static int[] take(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
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
