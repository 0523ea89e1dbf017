package io.eventplatform.local;

import java.nio.file.Path;
import java.util.Optional;

import io.eventplatform.local.LocalPlatformCommand.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalPlatformCommandTests {

	@Test
	void runsWithoutDemoTrafficInTheDefaultDataDirectoryWhenGivenNoOptions() {
		assertThat(Options.parse()).isEqualTo(new Options(false, Optional.empty(), false, Optional.empty(), 1));
	}

	@Test
	void acceptsTheDemoFlagAndADataDirectoryInEitherForm() {
		assertThat(Options.parse("--demo", "--data-dir", "/tmp/a").dataDir()).hasValue(Path.of("/tmp/a"));
		assertThat(Options.parse("--data-dir=/tmp/b", "--demo").demo()).isTrue();
		assertThat(Options.parse("--data-dir=/tmp/b").dataDir()).hasValue(Path.of("/tmp/b"));
	}

	@Test
	void rejectsUnknownOptionsAndAMissingPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--demo", "--fast"))
			.withMessage("Unknown option: --fast");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--data-dir"))
			.withMessage("--data-dir needs a path");
	}

	@Test
	void acceptsAnAddressForTheGatewayToListenOnInEitherForm() {
		assertThat(Options.parse("--listen", "0.0.0.0").listen()).hasValue("0.0.0.0");
		assertThat(Options.parse("--listen=192.0.2.7").listen()).hasValue("192.0.2.7");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--listen"))
			.withMessageContaining("--listen needs an IP address");
	}

	@Test
	void runsOneBrokerOrAClusterOfThree() {
		assertThat(Options.parse().brokers()).isEqualTo(1);
		assertThat(Options.parse("--brokers", "3").brokers()).isEqualTo(3);
		assertThat(Options.parse("--brokers=3", "--demo").brokers()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--brokers", "2"))
			.withMessage("--brokers must be 1 or 3, not '2'");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--brokers"))
			.withMessageContaining("--brokers needs a number");
	}

}
