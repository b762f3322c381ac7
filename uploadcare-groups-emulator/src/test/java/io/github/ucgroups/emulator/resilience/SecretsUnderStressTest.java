package io.github.ucgroups.emulator.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.autoconfigure.UploadcareSanitizingAutoConfiguration;
import io.github.ucgroups.autoconfigure.health.UploadcareHealthIndicator;
import io.github.ucgroups.emulator.UploadcareEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a recognisable secret key, runs uploads (direct and multipart), groups, failures,
 * retries, REST admin calls and the health probe with DEBUG logging of
 * {@code io.github.ucgroups} and {@code org.springframework.web.client}, then checks that the
 * secret, any legacy upload signature (HMAC-SHA256 of the secret over any {@code expire} in a
 * wide window around now), any REST signature and any JWT appear in no log line, exception
 * message, {@code toString()}, health detail or actuator {@code configprops}/{@code env} output
 * (with {@code show-values=always}, the worst case an operator can configure).
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
class SecretsUnderStressTest {

	private static final String SECRET = "RECOGNISABLE-secret-7f3a9c41e2";

	private static final String[] LOGGERS = { "io.github.ucgroups", "org.springframework.web.client" };

	private UploadcareEmulator uc;

	private final Map<String, Level> levels = new java.util.HashMap<>();

	@BeforeEach
	void start() {
		this.uc = UploadcareEmulator.builder().secretKey(SECRET).signedUploadsRequired(true).start();
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.levels.put(name, logger.getLevel());
			logger.setLevel(Level.DEBUG);
		}
	}

	@AfterEach
	void stop() {
		this.uc.close();
		this.levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	@ParameterizedTest
	@ValueSource(strings = { "signature", "jwt" })
	void noSecretSignatureOrTokenLeaksAnywhere(String scheme, CapturedOutput output) throws Exception {
		List<String> texts = new ArrayList<>();
		Resilience
			.runner(this.uc, "uploadcare.secret-key=" + SECRET, "uploadcare.signed-uploads.scheme=" + scheme,
					"uploadcare.retry.max-attempts=2")
			.withConfiguration(AutoConfigurations.of(UploadcareSanitizingAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				GroupService groups = context.getBean(GroupService.class);
				UploadService uploads = context.getBean(UploadService.class);
				GroupAdminService admin = context.getBean(GroupAdminService.class);

				// Successes, with retries on the way.
				this.uc.faults().throttle("/group/", 1).fail("/base/", 1, 503).drop("/s3-part/", 1);
				Group group = groups.uploadGroup(UploadRequest.allOf(List.of(Resilience.small("a"), Resilience.large("big"))));
				texts.add(group.toString());
				texts.add(uploads.upload(Resilience.small("single")).toString());
				texts.add(groups.getGroup(group.id()).toString());
				texts.add(admin.getGroup(group.id()).toString());
				admin.listGroups().limit(5).forEach((each) -> texts.add(each.toString()));
				texts.add(admin.storeGroupFiles(group.id()).toString());

				// Failures of every kind.
				this.uc.faults().fail("/base/", 10, 500);
				texts.addAll(failure(() -> groups.uploadGroup(UploadRequest.allOf(List.of(Resilience.small("x"))))));
				this.uc.faults().reset();
				texts.addAll(failure(() -> groups.createGroup(FileRef.parseAll(List.of("b1026315-8116-4632-8364-607e64fca723")))));
				this.uc.faults().throttle("/group/", 10, Duration.ofSeconds(60));
				texts.addAll(failure(() -> groups.createGroup(List.of(FileRef.parse(group.files().get(0).uuid())))));
				this.uc.faults().reset();
				texts.addAll(failure(() -> admin.getGroup(io.github.ucgroups.GroupId.parse(
						"d496a4df-0b36-4281-8156-268ae9524d4a~1"))));
				this.uc.faults().fail("/rest/", 10, 502);
				texts.addAll(failure(() -> admin.listGroups().toList()));
				this.uc.faults().reset();
				admin.deleteGroup(group.id());

				// Health (UP, then DOWN), toString() of every bean of ours.
				Health health = context.getBean(UploadcareHealthIndicator.class).health();
				texts.add(String.valueOf(health.getDetails()));
				for (String name : context.getBeanDefinitionNames()) {
					Object bean = context.getBean(name);
					if (bean.getClass().getName().startsWith("io.github.ucgroups")) {
						texts.add(name + "=" + bean);
					}
				}

				// Actuator configprops and env, as JSON, built as Boot's endpoint auto-configuration
				// does (with the context's SanitizingFunction beans) and with show-values=always,
				// the worst case an operator can configure.
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				ConfigurationPropertiesReportEndpoint configpropsEndpoint = new ConfigurationPropertiesReportEndpoint(
						sanitizers, Show.ALWAYS);
				configpropsEndpoint.setApplicationContext(context.getSourceApplicationContext());
				EnvironmentEndpoint envEndpoint = new EnvironmentEndpoint(context.getEnvironment(), sanitizers,
						Show.ALWAYS);
				JsonMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
				String configprops = json.writeValueAsString(configpropsEndpoint.configurationProperties());
				String env = json.writeValueAsString(envEndpoint.environment(null));
				assertThat(configprops).as("the report includes our properties").contains("uploadcare");
				assertThat(env).contains("uploadcare.secret-key");
				texts.add(configprops);
				texts.add(env);
				texts.add(json.writeValueAsString(
						envEndpoint.environmentEntry("uploadcare.secret-key")));
			});
		assertThat(output.getAll()).as("DEBUG logging did happen").contains("DEBUG");
		texts.add(output.getAll());
		Set<String> signatures = legacySignatures(Instant.now());
		for (String text : texts) {
			assertNoSecret(text, signatures);
		}
	}

	private static List<String> failure(Runnable call) {
		try {
			call.run();
		}
		catch (UploadcareException ex) {
			List<String> texts = new ArrayList<>();
			for (Throwable each = ex; each != null; each = each.getCause()) {
				texts.add(each.toString());
				texts.add(String.valueOf(each.getMessage()));
				for (Throwable suppressed : each.getSuppressed()) {
					texts.add(suppressed.toString());
				}
			}
			return texts;
		}
		throw new AssertionError("expected an UploadcareException");
	}

	private static final Pattern HEX64 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

	private static void assertNoSecret(String text, Set<String> signatures) {
		assertThat(text).doesNotContain(SECRET)
			.doesNotContain(SECRET.toLowerCase())
			.doesNotContain("eyJ") // any JWT (header or payload)
			.doesNotContainPattern("signature=[0-9a-f]")
			.doesNotContainPattern("expire=\\d")
			.doesNotContainPattern("Uploadcare [A-Za-z0-9]+:[0-9a-f]{40}") // a REST request signature
			.doesNotContainPattern("(?i)authorization[\"=:\\s]+\\[?\"?(Bearer|Uploadcare)");
		Matcher matcher = HEX64.matcher(text);
		while (matcher.find()) {
			assertThat(signatures).as("a legacy upload signature").doesNotContain(matcher.group());
		}
	}

	/** HMAC-SHA256(secret, expire) for every expire from an hour ago to a day ahead. */
	private static Set<String> legacySignatures(Instant now) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		Set<String> signatures = new HashSet<>();
		long from = now.getEpochSecond() - 3600;
		long to = now.getEpochSecond() + 24 * 3600;
		for (long expire = from; expire <= to; expire++) {
			signatures.add(HexFormat.of().formatHex(mac.doFinal(Long.toString(expire).getBytes(StandardCharsets.UTF_8))));
		}
		return signatures;
	}

}
