package io.eventplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseDataUpgradeTests {

	@TempDir
	Path data;

	@Test
	void movesTheWarehousesTablesFromAnalyticsServiceToWarehouseServiceOnce() throws IOException {
		// Given a data directory from before warehouse-service: the tables in analytics-service's file
		Path old = write(data.resolve("analytics-service/db.mv.db"), "the warehouse's tables");
		Files.createDirectories(data.resolve("analytics-service/streams"));

		// When
		var moved = WarehouseDataUpgrade.moveAnalyticsDatabase(data);

		// Then
		assertThat(moved).contains(data.resolve("warehouse-service/db.mv.db"));
		assertThat(data.resolve("warehouse-service/db.mv.db")).hasContent("the warehouse's tables");
		assertThat(old).doesNotExist();
		assertThat(data.resolve("analytics-service/streams")).isDirectory();
		assertThat(WarehouseDataUpgrade.moveAnalyticsDatabase(data)).isEmpty();
	}

	@Test
	void leavesBothFilesAloneWhenWarehouseServiceHasItsOwnAlready() throws IOException {
		// Given
		write(data.resolve("analytics-service/db.mv.db"), "older");
		write(data.resolve("warehouse-service/db.mv.db"), "the warehouse's own");

		// When
		var moved = WarehouseDataUpgrade.moveAnalyticsDatabase(data);

		// Then
		assertThat(moved).isEmpty();
		assertThat(data.resolve("warehouse-service/db.mv.db")).hasContent("the warehouse's own");
		assertThat(data.resolve("analytics-service/db.mv.db")).hasContent("older");
	}

	@Test
	void doesNothingInANewDataDirectory() {
		assertThat(WarehouseDataUpgrade.moveAnalyticsDatabase(data)).isEmpty();
		assertThat(data.resolve("warehouse-service")).doesNotExist();
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}
}
