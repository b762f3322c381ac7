package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StoreMode;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.client.DefaultUploadService;
import io.github.ucgroups.client.OrphanFileRemover;
import io.github.ucgroups.client.UploadSettings;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadAutoConfigurationTest {

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
				UploadAutoConfigurationTest.this.paths.add(path);
				if (path.equals("/base/")) {
					return json("{\"file\":\"" + UUID_1 + "\"}");
				}
				if (path.equals("/group/") && !UploadAutoConfigurationTest.this.groupFails) {
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
			assertThat(groups.createGroupFromUploads(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain")))
				.files()).hasSize(1);
			assertThat(this.paths).containsExactly("/base/", "/group/");
		});
	}

	@Test
	void everyCdnUrlIsOnTheProjectsOwnHostWhateverHostTheAnswerNames() {
		// The fake answers "cdn_url": "https://ucarecdn.com/…", as the live service still does.
		runner().run((context) -> {
			Group group = context.getBean(GroupService.class)
				.createGroupFromUploads(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain")));
			String project = "https://1s4oyld5dc.ucarecd.net/";
			assertThat(group.cdnUrl()).hasToString(project + group.id() + "/");
			assertThat(group.nthCdnUrl(0)).hasToString(project + group.id() + "/nth/0/");
			CdnUrls cdn = context.getBean(CdnUrls.class);
			assertThat(cdn.groupUrl(group)).isEqualTo(group.cdnUrl());
			assertThat(cdn.nthFileUrl(group, 0, CdnOperations.NONE)).isEqualTo(group.nthCdnUrl(0));
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
					.createGroupFromUploads(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain")));
				assertThat(group.cdnUrl()).hasToString(expected + group.id() + "/");
				assertThat(group.nthCdnUrl(0, CdnOperations.of("resize/x800")))
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
					.createGroupFromUploads(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain"))))
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
				.createGroupFromUploads(List.of(UploadSource.of(new byte[] { 1 }, "a.txt", "text/plain")));
			assertThat(this.paths).containsExactly("/group/");
		});
	}

}
