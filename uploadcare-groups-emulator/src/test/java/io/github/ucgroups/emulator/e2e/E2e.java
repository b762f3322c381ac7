package io.github.ucgroups.emulator.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareCdnAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;
import io.github.ucgroups.autoconfigure.health.UploadcareHealthContributorAutoConfiguration;
import io.github.ucgroups.emulator.UploadcareEmulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Shared set-up of the end-to-end tests: the client's own auto-configuration, configured only
 * through {@code uploadcare.*} properties that point at a running emulator.
 */
final class E2e {

	static final AutoConfigurations CLIENT = AutoConfigurations.of(UploadcareAutoConfiguration.class,
			UploadcareRestAutoConfiguration.class, UploadcareCdnAutoConfiguration.class,
			UploadcareHealthContributorAutoConfiguration.class);

	private E2e() {
	}

	/**
	 * A runner whose context talks to the emulator with its public key and no secret key; short
	 * back-offs so that retries of server errors do not slow the build down.
	 */
	static ApplicationContextRunner runner(UploadcareEmulator uc, String... properties) {
		List<String> values = new ArrayList<>(List.of("uploadcare.public-key=" + uc.publicKey(),
				"uploadcare.upload-url=" + uc.uploadUrl(), "uploadcare.rest-url=" + uc.restUrl(),
				"uploadcare.cdn-url=" + uc.cdnUrl(), "uploadcare.retry.initial-delay=20ms",
				"uploadcare.retry.max-delay=100ms"));
		values.addAll(List.of(properties));
		return new ApplicationContextRunner().withConfiguration(CLIENT)
			.withPropertyValues(values.toArray(String[]::new));
	}

	/** Seeds a small text file and returns its UUID. */
	static String seed(UploadcareEmulator uc, String text) {
		return uc.addFile(text.getBytes(StandardCharsets.UTF_8), text + ".txt", "text/plain");
	}

}
