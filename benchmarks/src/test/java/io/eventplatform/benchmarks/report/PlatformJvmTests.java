package io.eventplatform.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformJvmTests {

	private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

	@TempDir
	Path project;

	@Test
	void namesTheAotCacheOnJdk25AndTheCdsArchiveBeforeIt() throws Exception {
		// Given a build that wrote the jar, then the extracted layout, then both caches
		file("gateway/target/gateway.jar", 0);
		file("gateway/target/app/gateway.jar", 1);
		file("gateway/target/app/gateway.aot", 2);
		file("gateway/target/app/gateway.jsa", 2);

		// When / Then
		assertThat(PlatformJvm.startupCache(project, "gateway", true)).isEqualTo("AOT cache gateway/target/app/gateway.aot");
		assertThat(PlatformJvm.startupCache(project, "gateway", false)).isEqualTo("CDS archive gateway/target/app/gateway.jsa");
	}

	@Test
	void namesNoCacheWhenItIsOlderThanTheLayoutOrTheLayoutOlderThanTheJar() throws Exception {
		// Given a cache left from an earlier build
		file("gateway/target/gateway.jar", 0);
		file("gateway/target/app/gateway.aot", 1);
		file("gateway/target/app/gateway.jar", 2);
		// and a layout older than a rebuilt jar
		file("console/target/app/console.jar", 0);
		file("console/target/app/console.aot", 1);
		file("console/target/console.jar", 2);

		assertThat(PlatformJvm.startupCache(project, "gateway", true)).isEqualTo("none (extracted layout)");
		assertThat(PlatformJvm.startupCache(project, "console", true)).isEqualTo("none (executable jar)");
	}

	@Test
	void summarisesTheStartupCacheByKind() {
		PlatformJvm jvm = new PlatformJvm("JDK", "/jdk", java.util.List.of(), "C2",
				Map.of("gateway", "AOT cache gateway/target/app/gateway.aot"));

		assertThat(jvm.startupCacheSummary()).isEqualTo("AOT cache: gateway");
	}

	private void file(String path, int minutesAfterBuild) throws Exception {
		Path file = project.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, path);
		Files.setLastModifiedTime(file, FileTime.from(BUILT.plusSeconds(60L * minutesAfterBuild)));
	}

}
