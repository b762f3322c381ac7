package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StoreMode;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.client.DefaultGroupService;
import io.github.ucgroups.client.DefaultUploadService;
import io.github.ucgroups.client.OrphanFileRemover;
import io.github.ucgroups.client.UploadSettings;
import io.github.ucgroups.observation.RetryObserver;
import io.github.ucgroups.signing.JwtUploadSigner;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.testsupport.Wire;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadcareAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareAutoConfiguration.class));

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void defaults() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(GroupService.class).hasSingleBean(DefaultGroupService.class);
			assertThat(context).hasSingleBean(UploadcareConnectionDetails.class);
			assertThat(context.getBean(UploadSigner.class)).isSameAs(UploadSigner.NONE);
			assertThat(context).doesNotHaveBean(RetryObserver.class);
			UploadcareProperties properties = context.getBean(UploadcareProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getPublicKey()).isEqualTo(PUBLIC_KEY);
			assertThat(properties.getSecretKey()).isNull();
			assertThat(properties.getUploadUrl()).isEqualTo(URI.create("https://upload.uploadcare.com"));
			assertThat(properties.getRestUrl()).isEqualTo(URI.create("https://api.uploadcare.com"));
			assertThat(properties.getCdnUrl()).as("unset: the project's own CDN host applies").isNull();
			assertThat(context.getBean(UploadcareConnectionDetails.class).getCdnUrl())
				.isEqualTo(URI.create("https://1s4oyld5dc.ucarecd.net"));
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getSignedUploads().getEnabled()).isNull();
			assertThat(properties.getSignedUploads().getScheme()).isEqualTo(UploadcareProperties.SignatureScheme.SIGNATURE);
			assertThat(properties.getSignedUploads().getLifetime()).isEqualTo(Duration.ofMinutes(30));
			assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
			assertThat(properties.getRetry().getInitialDelay()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.getRetry().getMaxDelay()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(3));
			UploadcareConnectionDetails details = context.getBean(UploadcareConnectionDetails.class);
			assertThat(details.getUploadUrl()).isEqualTo(URI.create("https://upload.uploadcare.com"));
			assertThat(details.getSecretKey()).isNull();
		});
	}

	@Test
	void bindsEveryProperty() {
		this.runner.withPropertyValues("uploadcare.public-key= pk-1 ", "uploadcare.secret-key=sk-1",
				"uploadcare.upload-url=http://upload.example", "uploadcare.rest-url=http://rest.example",
				"uploadcare.cdn-url=http://cdn.example", "uploadcare.connect-timeout=1s", "uploadcare.read-timeout=2s",
				"uploadcare.signed-uploads.enabled=true", "uploadcare.signed-uploads.scheme=jwt",
				"uploadcare.signed-uploads.lifetime=2h", "uploadcare.retry.max-attempts=5",
				"uploadcare.retry.initial-delay=100ms", "uploadcare.retry.max-delay=3s",
				"uploadcare.retry.max-retry-after=7s", "uploadcare.health.cache-ttl=11s", "uploadcare.health.timeout=4s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				UploadcareProperties properties = context.getBean(UploadcareProperties.class);
				assertThat(properties.getSecretKey()).isEqualTo("sk-1");
				assertThat(properties.getUploadUrl()).isEqualTo(URI.create("http://upload.example"));
				assertThat(properties.getRestUrl()).isEqualTo(URI.create("http://rest.example"));
				assertThat(properties.getCdnUrl()).isEqualTo(URI.create("http://cdn.example"));
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getSignedUploads().getEnabled()).isTrue();
				assertThat(properties.getSignedUploads().getScheme()).isEqualTo(UploadcareProperties.SignatureScheme.JWT);
				assertThat(properties.getSignedUploads().getLifetime()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialDelay()).isEqualTo(Duration.ofMillis(100));
				assertThat(properties.getRetry().getMaxDelay()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(properties.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(11));
				assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(4));
				UploadcareConnectionDetails details = context.getBean(UploadcareConnectionDetails.class);
				assertThat(details.getPublicKey()).isEqualTo("pk-1");
				assertThat(details.getSecretKey()).isEqualTo("sk-1");
				assertThat(context.getBean(UploadSigner.class)).isInstanceOf(JwtUploadSigner.class);
				assertThat(UploadcareAutoConfiguration.retrySettings(properties).maxAttempts()).isEqualTo(5);
			});
	}

	@Test
	void secretKeyTurnsOnLegacySigning() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.secret-key=" + SECRET_KEY)
			.run((context) -> assertThat(context.getBean(UploadSigner.class)).isInstanceOf(SignatureUploadSigner.class));
	}

	@Test
	void blankSecretKeyMeansNoSigning() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.secret-key=  ")
			.run((context) -> assertThat(context.getBean(UploadSigner.class)).isSameAs(UploadSigner.NONE));
	}

	@Test
	void backsOffForAUserGroupService() {
		GroupService mine = org.mockito.Mockito.mock(GroupService.class);
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY)
			.withBean("myGroupService", GroupService.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasSingleBean(GroupService.class).doesNotHaveBean(DefaultGroupService.class);
				assertThat(context.getBean(GroupService.class)).isSameAs(mine);
			});
	}

	@Test
	void backsOffForAUserSigner() {
		UploadSigner mine = (scope) -> io.github.ucgroups.signing.UploadAuthorization.NONE;
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.secret-key=" + SECRET_KEY)
			.withBean(UploadSigner.class, () -> mine)
			.run((context) -> assertThat(context.getBean(UploadSigner.class)).isSameAs(mine));
	}

	@Test
	void userConnectionDetailsWinOverProperties() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		URI serverUrl = URI.create(Wire.baseUrl(this.server));
		this.runner.withPropertyValues("uploadcare.public-key=from-properties", "uploadcare.upload-url=http://127.0.0.1:9")
			.withBean(UploadcareConnectionDetails.class, () -> new TestConnectionDetails("from-bean", serverUrl))
			.run((context) -> {
				assertThat(context).hasSingleBean(UploadcareConnectionDetails.class);
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(Wire.multipartFields(Wire.take(this.server))).containsEntry("pub_key", "from-bean");
			});
	}

	@Test
	void userConnectionDetailsNeedNoPublicKeyProperty() {
		this.runner
			.withBean(UploadcareConnectionDetails.class,
					() -> new TestConnectionDetails("from-bean", URI.create("http://127.0.0.1:9")))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GroupService.class));
	}

	@Test
	void missingPublicKeyFailsStartupWithAdvice() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable root = NestedExceptionUtils.getRootCause(context.getStartupFailure());
			assertThat(root).isInstanceOf(MissingPublicKeyException.class);
			FailureAnalysis analysis = new UploadcareFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("uploadcare.public-key");
			assertThat(analysis.getAction()).contains("uploadcare.public-key");
		});
	}

	@Test
	void blankPublicKeyFailsStartupToo() {
		this.runner.withPropertyValues("uploadcare.public-key=   ")
			.run((context) -> assertThat(NestedExceptionUtils.getRootCause(context.getStartupFailure()))
				.isInstanceOf(MissingPublicKeyException.class));
	}

	@Test
	void signingWithoutSecretKeyFailsStartupWithAdvice() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.signed-uploads.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getRootCause(context.getStartupFailure()))
					.isInstanceOf(SigningWithoutSecretKeyException.class);
				FailureAnalysis analysis = new UploadcareFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("uploadcare.signed-uploads.enabled");
				assertThat(analysis.getAction()).contains("uploadcare.secret-key");
			});
	}

	@Test
	void analyzerIgnoresOtherFailures() {
		assertThat(new UploadcareFailureAnalyzer().analyze(new IllegalStateException("something else"))).isNull();
		assertThat(new UploadcareFailureAnalyzer().analyze(new RuntimeException("x"))).isNull();
	}

	@Test
	void invalidRetrySettingsFailStartup() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.retry.max-attempts=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void disabled() {
		this.runner.withPropertyValues("uploadcare.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GroupService.class).doesNotHaveBean(UploadcareProperties.class);
		});
	}

	@Test
	void worksWithoutMicrometerCoreBootHttpClientAndHealth() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		this.runner
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.http.client",
					"org.springframework.boot.health"))
			.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class,
					io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
			.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.upload-url=" + Wire.baseUrl(this.server))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RetryObserver.class);
				Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(group.filesCount()).isEqualTo(1);
				assertThat(Wire.take(this.server).getTarget()).isEqualTo("/group/?jsonerrors=1");
			});
	}

	@Test
	void restClientCustomizersAreApplied() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.upload-url=" + Wire.baseUrl(this.server))
			.withBean(UploadcareRestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Test", "customized"))
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(Wire.take(this.server).getHeaders().get("X-Test")).isEqualTo("customized");
			});
	}

	@Test
	void startsFromBootsRestClientBuilder() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withBean(org.springframework.boot.restclient.RestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-Boot", "yes"))
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(Wire.take(this.server).getHeaders().get("X-From-Boot")).isEqualTo("yes");
			});
	}

	@Test
	void toStringMasksTheSecretKey() {
		this.runner.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.secret-key=" + SECRET_KEY)
			.run((context) -> {
				assertThat(context.getBean(UploadcareProperties.class).toString()).doesNotContain(SECRET_KEY)
					.contains(PUBLIC_KEY);
				assertThat(context.getBean(UploadcareConnectionDetails.class).toString()).doesNotContain(SECRET_KEY);
				assertThat(context.getBean(UploadSigner.class).toString()).doesNotContain(SECRET_KEY);
				assertThat(context.getBean(GroupService.class).toString()).doesNotContain(SECRET_KEY);
			});
	}

	record TestConnectionDetails(String publicKey, URI uploadUrl) implements UploadcareConnectionDetails {

		@Override
		public String getPublicKey() {
			return this.publicKey;
		}

		@Override
		public @Nullable String getSecretKey() {
			return null;
		}

		@Override
		public URI getUploadUrl() {
			return this.uploadUrl;
		}

		@Override
		public URI getRestUrl() {
			return URI.create("http://127.0.0.1:9");
		}

		@Override
		public URI getCdnUrl() {
			return URI.create("http://127.0.0.1:9");
		}

	}

	/** The upload and group services, against a fake Upload API. */
	@Nested
	class Uploads {

		private static final String UUID_1 = "94a2218e-3526-428a-945e-65fbc06e7b35";

		private MockWebServer server;

		private final List<String> paths = new CopyOnWriteArrayList<>();

		private volatile boolean groupFails;

		@BeforeEach
		void start() throws Exception {
			this.server = new MockWebServer();
			this.server.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					String path = request.getUrl().encodedPath();
					Uploads.this.paths.add(path);
					if (path.equals("/base/")) {
						return json("{\"file\":\"" + UUID_1 + "\"}");
					}
					if (path.equals("/group/") && !Uploads.this.groupFails) {
						return json("{\"id\":\"d496a4df-0b36-4281-8156-268ae9524d4a~1\","
								+ "\"datetime_created\":\"2021-10-19T08:36:22.326641Z\",\"files_count\":1,"
								+ "\"cdn_url\":\"https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~1/\","
								+ "\"files\":[{\"uuid\":\"" + UUID_1 + "\"}]}");
					}
					return new MockResponse.Builder().code(500).body("Internal error.").build();
				}
			});
			this.server.start();
		}

		@AfterEach
		void stop() {
			this.server.close();
		}

		private static MockResponse json(String body) {
			return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
		}

		private ApplicationContextRunner runner() {
			String url = this.server.url("/").toString();
			return new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
						ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
						UploadcareAutoConfiguration.class, UploadcareCdnAutoConfiguration.class))
				.withPropertyValues("uploadcare.public-key=demopublickey",
						"uploadcare.upload-url=" + url.substring(0, url.length() - 1), "uploadcare.retry.max-attempts=1");
		}

		@Test
		void defaultsGiveAnUploadServiceAndAGroupServiceThatUploads() {
			runner().run((context) -> {
				assertThat(context).hasSingleBean(UploadService.class);
				UploadSettings settings = context.getBean(DefaultUploadService.class).getSettings();
				assertThat(settings.multipartThreshold()).isEqualTo(10L * 1024 * 1024);
				assertThat(settings.partSize()).isEqualTo(5L * 1024 * 1024);
				assertThat(settings.partConcurrency()).isEqualTo(4);
				assertThat(settings.maxConcurrentFiles()).isEqualTo(10);
				assertThat(settings.store()).isEqualTo(StoreMode.AUTO);
				assertThat(settings.fromUrlTimeout()).isEqualTo(Duration.ofSeconds(60));
				assertThat(context.getBean(DefaultUploadService.class).getShutdownTimeout())
					.isEqualTo(Duration.ofSeconds(30));

				GroupService groups = context.getBean(GroupService.class);
				assertThat(groups.uploadGroup(UploadRequest.allOf(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain"))))
					.files()).hasSize(1);
				assertThat(this.paths).containsExactly("/base/", "/group/");
			});
		}

		@Test
		void everyCdnUrlIsOnTheProjectsOwnHostWhateverHostTheAnswerNames() {
			// The fake answers "cdn_url": "https://ucarecdn.com/…", as the live service still does.
			runner().run((context) -> {
				Group group = context.getBean(GroupService.class)
					.uploadGroup(UploadRequest.allOf(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain"))));
				String project = "https://1s4oyld5dc.ucarecd.net/";
				assertThat(group.cdnUrl()).hasToString(project + group.id() + "/");
				assertThat(group.nthFileUrl(0)).hasToString(project + group.id() + "/nth/0/");
				CdnUrls cdn = context.getBean(CdnUrls.class);
				assertThat(cdn.groupUrl(group)).isEqualTo(group.cdnUrl());
				assertThat(cdn.nthFileUrl(group, 0, CdnOperations.NONE)).isEqualTo(group.nthFileUrl(0));
				assertThat(cdn.fileUrl(FileRef.of(UUID_1))).hasToString(project + UUID_1 + "/");
				assertThat(context.getBean(UploadcareConnectionDetails.class).getCdnUrl())
					.isEqualTo(URI.create("https://1s4oyld5dc.ucarecd.net"));
			});
		}

		@Test
		void anExplicitCdnUrlWinsForGroupsAndEveryOtherCdnUrl() {
			for (String base : List.of("https://ucarecdn.com", "https://files.example.com/cdn/")) {
				runner().withPropertyValues("uploadcare.cdn-url=" + base).run((context) -> {
					String expected = base.endsWith("/") ? base : base + "/";
					Group group = context.getBean(GroupService.class)
						.uploadGroup(UploadRequest.allOf(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain"))));
					assertThat(group.cdnUrl()).hasToString(expected + group.id() + "/");
					assertThat(group.nthFileUrl(0, CdnOperations.of("resize/x800")))
						.hasToString(expected + group.id() + "/nth/0/-/resize/x800/");
					assertThat(context.getBean(CdnUrls.class).groupUrl(group)).isEqualTo(group.cdnUrl());
				});
			}
		}

		@Test
		void propertiesAreBound() {
			runner()
				.withPropertyValues("uploadcare.upload.multipart-threshold=20MB", "uploadcare.upload.part-size=8MB",
						"uploadcare.upload.part-concurrency=2", "uploadcare.upload.max-concurrent-files=3",
						"uploadcare.upload.store=false", "uploadcare.upload.from-url-timeout=5s",
						"uploadcare.upload.shutdown-timeout=2s")
				.run((context) -> {
					assertThat(context.getBean(DefaultUploadService.class).getShutdownTimeout())
						.isEqualTo(Duration.ofSeconds(2));
					UploadSettings settings = context.getBean(DefaultUploadService.class).getSettings();
					assertThat(settings.multipartThreshold()).isEqualTo(20L * 1024 * 1024);
					assertThat(settings.partSize()).isEqualTo(8L * 1024 * 1024);
					assertThat(settings.partConcurrency()).isEqualTo(2);
					assertThat(settings.maxConcurrentFiles()).isEqualTo(3);
					assertThat(settings.store()).isEqualTo(StoreMode.FALSE);
					assertThat(settings.fromUrlTimeout()).isEqualTo(Duration.ofSeconds(5));
				});
			runner().withPropertyValues("uploadcare.upload.store=true")
				.run((context) -> assertThat(context.getBean(DefaultUploadService.class).getSettings().store())
					.isEqualTo(StoreMode.TRUE));
		}

		@Test
		void aPartSizeBelowFiveMegabytesFailsAtStartupWithAClearMessage() {
			runner().withPropertyValues("uploadcare.upload.part-size=4MB").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 5MB");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under 'uploadcare.upload'")
					.hasStackTraceContaining("property part-size");
			});
			runner().withPropertyValues("uploadcare.upload.multipart-threshold=5MB")
				.run((context) -> assertThat(context).hasFailed());
		}

		@Test
		void orphansAreDeletedThroughARemoverBeanWhenConfigured() {
			this.groupFails = true;
			List<List<String>> deleted = new CopyOnWriteArrayList<>();
			runner().withPropertyValues("uploadcare.upload.orphans=delete")
				.withBean(OrphanFileRemover.class, () -> deleted::add)
				.run((context) -> {
					GroupService groups = context.getBean(GroupService.class);
					assertThatExceptionOfType(UploadcareBatchUploadException.class).isThrownBy(() -> groups
						.uploadGroup(UploadRequest.allOf(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain")))))
						.satisfies((ex) -> assertThat(ex.getOrphans())
							.isEqualTo(UploadcareBatchUploadException.OrphanOutcome.DELETED));
					assertThat(deleted).containsExactly(List.of(UUID_1));
				});
		}

		@Test
		void anApplicationUploadServiceReplacesOursAndIsUsedForGroups() {
			UploadService own = new UploadService() {
				@Override
				public UploadedFile upload(UploadSource source, UploadOptions options) {
					throw new UnsupportedOperationException();
				}

				@Override
				public List<UploadedFile> uploadAll(List<UploadSource> sources, UploadOptions options) {
					return sources.stream().map((s) -> new UploadedFile(UUID_1, s.filename(), s.size(), s.contentType()))
						.toList();
				}

				@Override
				public UploadedFile uploadFromUrl(URI url, UploadOptions options) {
					throw new UnsupportedOperationException();
				}
			};
			runner().withBean(UploadService.class, () -> own).run((context) -> {
				assertThat(context).doesNotHaveBean(DefaultUploadService.class);
				context.getBean(GroupService.class)
					.uploadGroup(UploadRequest.allOf(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain"))));
				assertThat(this.paths).containsExactly("/group/");
			});
		}

	}
}
