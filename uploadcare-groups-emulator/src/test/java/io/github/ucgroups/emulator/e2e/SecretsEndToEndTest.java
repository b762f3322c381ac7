package io.github.ucgroups.emulator.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.autoconfigure.UploadcareProperties;
import io.github.ucgroups.autoconfigure.health.UploadcareHealthIndicator;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.UploadcareEmulatorTestAutoConfiguration;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import io.github.ucgroups.signing.UploadSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No secret key, signature or token shows up in logs (with the client's and Spring's HTTP
 * logging turned up), exception messages, health details or {@code toString()} of the beans,
 * during a run with successes, retries and failures.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsEndToEndTest {

	static final String SECRET = "E2E-secret-key-do-not-leak-4711";

	static final String WRONG_SECRET = "E2E-wrong-secret-do-not-leak-0815";

	/** A legacy signature: lowercase hex of HMAC-SHA256. */
	static final Pattern HEX_64 = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])");

	/** A REST API {@code Authorization} value: public key and HMAC-SHA1 signature. */
	static final Pattern REST_AUTHORIZATION = Pattern.compile("Uploadcare(\\.Simple)? [^\\s:]+:[0-9a-fA-F]{40}");

	/** The start of every JWT ({@code {"} in base64url). */
	static final String JWT_START = "eyJ";

	static final String[] LOGGERS = { "io.github.ucgroups", "org.springframework.web", "org.springframework.http" };

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension(
			(builder) -> builder.secretKey(SECRET).signedUploadsRequired(true));

	private final List<String> texts = new ArrayList<>();

	private Instant start;

	@BeforeEach
	void turnUpLogging() {
		this.start = Instant.now();
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		for (String logger : LOGGERS) {
			logging.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterEach
	void restoreLogging() {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		for (String logger : LOGGERS) {
			logging.setLogLevel(logger, null);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "signature", "jwt" })
	void noSecretSignatureOrTokenLeaksDuringARunWithRetriesAndFailures(String scheme, UploadcareEmulator emulator,
			CapturedOutput output) {
		String a = E2e.seed(emulator, "secret-a");
		E2e.runner(emulator, "uploadcare.secret-key=" + SECRET, "uploadcare.signed-uploads.scheme=" + scheme,
				"uploadcare.retry.max-attempts=4").run((context) -> {
					GroupService groups = context.getBean(GroupService.class);
					GroupAdminService admin = context.getBean(GroupAdminService.class);

					emulator.faults().throttle("/group/", 1).fail("/group/", 1, 503).drop("/group/", 1);
					GroupId id = groups.createGroup(FileRef.parseAll(List.of(a))).id();
					assertThat(emulator.journal().count("/group/")).as("three retries, then success").isEqualTo(4);

					collect(UploadcareInvalidRequestException.class,
							() -> groups.createGroup(FileRef.parseAll(List.of(UUID.randomUUID().toString()))));
					emulator.faults().fail("/group/", 4, 500);
					collect(UploadcareServerException.class, () -> groups.createGroup(FileRef.parseAll(List.of(a))));

					emulator.faults().throttle("/rest/groups/", 1);
					assertThat(admin.listGroups(GroupListOptions.defaults()).map((group) -> group.id()))
						.contains(id);
					collect(UploadcareNotFoundException.class,
							() -> admin.getGroup(GroupId.parse(UUID.randomUUID() + "~1")));

					Health health = context.getBean(UploadcareHealthIndicator.class).health();
					this.texts.add(health.toString());
					this.texts.add(String.valueOf(health.getDetails()));
					checkBeans(context);
				});
		E2e.runner(emulator, "uploadcare.secret-key=" + WRONG_SECRET, "uploadcare.signed-uploads.scheme=" + scheme)
			.run((context) -> {
				collect(UploadcareAuthenticationException.class,
						() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))));
				collect(UploadcareAuthenticationException.class,
						() -> context.getBean(GroupAdminService.class).getGroup(GroupId.parse(UUID.randomUUID() + "~1")));
				checkBeans(context);
			});
		emulator.journal().entries().forEach((entry) -> this.texts.add(entry.toString()));

		assertThat(output.getAll()).as("request bodies are logged, so the checks below mean something")
			.contains("Writing [{pub_key=");
		this.texts.add(output.getAll());
		assertNoCredentials();
	}

	@Test
	void emulatorConnectionDetailsAndTheirBeansDoNotShowTheSecret(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareEmulatorTestAutoConfiguration.class))
			.withConfiguration(E2e.CLIENT)
			.withPropertyValues("uploadcare.emulator.secret-key=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(UploadcareConnectionDetails.class).getSecretKey()).isEqualTo(SECRET);
				assertThat(context.getBean(UploadcareEmulator.class).secretKey()).isEqualTo(SECRET);
				assertThat(context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(E2e.seed(
						context.getBean(UploadcareEmulator.class), "details"))))).isNotNull();
				checkBeans(context);
			});
		this.texts.add(output.getAll());
		assertNoCredentials();
	}

	private <E extends UploadcareException> void collect(Class<E> type, Runnable call) {
		assertThatExceptionOfType(type).isThrownBy(call::run).satisfies((ex) -> {
			this.texts.add(ex.getMessage());
			this.texts.add(ex.toString());
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			this.texts.add(trace.toString());
		});
	}

	private void checkBeans(AssertableApplicationContext context) {
		UploadcareConnectionDetails details = context.getBean(UploadcareConnectionDetails.class);
		assertThat(details.getSecretKey()).as("the secret is there to leak").isNotNull();
		this.texts.add(details.toString());
		this.texts.add(context.getBean(UploadcareProperties.class).toString());
		this.texts.add(context.getBean(UploadSigner.class).toString());
		this.texts.add(context.getBean(UploadSigner.class).authorize("/group/").toString());
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			if (bean.getClass().getName().startsWith("io.github.ucgroups")) {
				this.texts.add(name + " = " + bean);
			}
		}
	}

	private void assertNoCredentials() {
		List<String> signatures = possibleSignatures();
		for (String text : this.texts) {
			assertThat(text).doesNotContain(SECRET, WRONG_SECRET, JWT_START);
			assertThat(HEX_64.matcher(text).find()).as("a 64-hex signature in: %s", text).isFalse();
			assertThat(REST_AUTHORIZATION.matcher(text).find()).as("a REST signature in: %s", text).isFalse();
			for (String signature : signatures) {
				assertThat(text).doesNotContain(signature.substring(0, 16));
			}
		}
	}

	/** Every legacy signature the client may have made in this run, computed independently. */
	private List<String> possibleSignatures() {
		Duration lifetime = new UploadcareProperties().getSignedUploads().getLifetime();
		long from = this.start.plus(lifetime).getEpochSecond() - 5;
		long to = Instant.now().plus(lifetime).getEpochSecond() + 5;
		List<String> signatures = new ArrayList<>();
		for (String key : List.of(SECRET, WRONG_SECRET)) {
			for (long expire = from; expire <= to; expire++) {
				signatures.add(hmacSha256Hex(key, Long.toString(expire)));
			}
		}
		return signatures;
	}

	static String hmacSha256Hex(String key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static {
		// The independent signature computation must agree with the recorded real test vector.
		String vector = hmacSha256Hex("demosecretkey", "60");
		if (!vector.equals("7d2e71d1843788a02d0c7fe6f5d71edf657363a369112e78d4f37ace3f884b00")) {
			throw new IllegalStateException("HMAC test vector mismatch: " + vector);
		}
	}


}
