package io.eventplatform.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventplatform.local.StartupCacheTraining;
import io.eventplatform.local.process.ServiceJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The AOT caches trained for the real applications this build made (the reactor has packaged them before this
 * module's tests, which local-platform's own come before), with a JDK 25 or newer found beside the one running the
 * tests, as {@code ./run.sh} finds it; the benchmark starts the platform with them.
 */
class StartupCacheTrainingIntegrationTests {

	static final Path PROJECT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

	static final List<String> APPLICATIONS = Benchmark.PARTS.subList(2, Benchmark.PARTS.size());

	@Test
	void writesACacheForEveryApplicationThatItsJvmThenTakes(@TempDir Path temp) throws Exception {
		// Given
		Path java = newestJdk().orElseGet(() -> abort("No JDK " + ServiceJvm.AOT_CACHE_RELEASE + " or newer beside "
				+ System.getProperty("java.home") + ": the AOT cache is not trained here (the CDS archive serves)"));
		assertThat(APPLICATIONS).allSatisfy(name -> assertThat(extracted(name))
			.as("built with the extracted layout (not -Dplatform.app-cds.skip=true)").isRegularFile());

		// When: trained as run.sh trains them, with a shorter workload
		Path output = temp.resolve("training.log");
		Process training = new ProcessBuilder(java.toString(), "-Xmx128m", "-Dproject.root=" + PROJECT, "-cp",
				System.getProperty("java.class.path"), StartupCacheTraining.class.getName(), "--workload", "PT20S")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean ended = training.waitFor(12, TimeUnit.MINUTES);
		if (!ended) {
			training.destroyForcibly();
		}

		// Then: every cache written, newer than its layout
		String log = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(ended).as(log).isTrue();
		assertThat(training.exitValue()).as(log).isZero();
		assertThat(APPLICATIONS).as(log)
			.allSatisfy(name -> assertThat(ServiceJvm.startupCache(aotCache(name), PROJECT.resolve("none.jsa"),
					extracted(name), true)).isEqualTo(ServiceJvm.StartupCache.AOT_CACHE));
		assertThat(log).contains("queries").doesNotContain("no cache written");
		// Every kind of call the workload makes is a valid one: a refused call trains the error path, not the real one
		Path trafficLog = PROJECT.resolve("local-platform/target/startup-cache-training/training-traffic.log");
		String traffic = Files.readString(trafficLog, StandardCharsets.UTF_8);
		assertThat(traffic).as("the workload's answers").contains("200 ×").doesNotContain("400 ×", "401 ×", "403 ×");

		// And: the JVM takes the cache for the options the platform starts it with (AOTMode=on fails otherwise)
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(ServiceJvm.withAotCache(aotCache("registration-service")));
		command.addAll(List.of("-XX:AOTMode=on", "-Dspring.context.exit=onRefresh", "-jar",
				extracted("registration-service").toString(), "--server.port=0",
				"--platform.data-dir=" + temp.resolve("data"), "--spring.kafka.admin.auto-create=false",
				"--logging.level.root=WARN"));
		Process start = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(temp.resolve("start.log").toFile())
			.start();
		assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(start.exitValue()).as(Files.readString(temp.resolve("start.log"))).isZero();
	}

	private static Path extracted(String name) {
		return PROJECT.resolve(name).resolve("target/app").resolve(name + ".jar");
	}

	private static Path aotCache(String name) {
		return PROJECT.resolve(name).resolve("target/app").resolve(name + ".aot");
	}

	/**
	 * The JDK {@code local-platform/platform-java.sh} picks, as {@code ./run.sh} runs it, with the tests' JDK as
	 * {@code JAVA_HOME}; empty when it is older than the AOT cache.
	 */
	static Optional<Path> newestJdk() throws IOException, InterruptedException {
		ProcessBuilder pick = new ProcessBuilder("bash", "-c",
				". local-platform/platform-java.sh && platform_java && echo \"$java\" && java_feature_version \"$java\"")
			.directory(PROJECT.toFile())
			.redirectErrorStream(true);
		pick.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pick.environment().remove("PLATFORM_JAVA_HOME");
		Process process = pick.start();
		List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("platform-java.sh found a JDK: %s", lines).isZero();
		assertThat(lines).as("the java and its feature version").hasSize(2);
		return Integer.parseInt(lines.get(1)) >= ServiceJvm.AOT_CACHE_RELEASE ? Optional.of(Path.of(lines.get(0)))
				: Optional.empty();
	}

}
