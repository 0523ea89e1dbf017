package io.eventplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A data directory from before warehouse-service existed keeps the warehouse's tables in analytics-service's H2 file.
 * warehouse-service resumes from the offsets its consumer groups committed then, so it must find those tables in its
 * own file, or the history written before the upgrade would be missing for good. Moved once, before anything starts;
 * analytics-service keeps no database any more.
 */
final class WarehouseDataUpgrade {

	static final String DATABASE_FILE = "db.mv.db";

	private WarehouseDataUpgrade() {
	}

	/**
	 * Moves {@code <dataDir>/analytics-service/db.mv.db} to {@code <dataDir>/warehouse-service/db.mv.db} when only the
	 * former exists.
	 * @return where the file went, if it was moved
	 */
	static Optional<Path> moveAnalyticsDatabase(Path dataDir) {
		Path old = dataDir.resolve("analytics-service").resolve(DATABASE_FILE);
		Path moved = dataDir.resolve("warehouse-service").resolve(DATABASE_FILE);
		if (!Files.isRegularFile(old) || Files.exists(moved)) {
			return Optional.empty();
		}
		try {
			Files.createDirectories(moved.getParent());
			return Optional.of(Files.move(old, moved));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not move the warehouse's database " + old + " to " + moved, ex);
		}
	}
}
