package io.github.ucgroups.client;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.OrphanPolicy;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.testsupport.TestTransports;
import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.RetryObserver;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.testsupport.Wire;

import org.springframework.web.client.RestClient;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static io.github.ucgroups.testsupport.Wire.FILE_2;
import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The exact requests {@link DefaultGroupService} sends, through the real auto-configuration. */
class GroupServiceWireTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void createSendsIndexedMultipartFieldsWithoutSignature() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			Group group = groups.createGroup(FileRef.parseAll(List.of(FILE_1, FILE_2 + "/-/resize/x800/")));

			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getTarget()).isEqualTo("/group/?jsonerrors=1");
			assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
			assertThat(request.getHeaders().get("Authorization")).isNull();
			assertThat(request.getHeaders().get("User-Agent")).contains(PUBLIC_KEY);
			// written at once (TextMultipartBody): sized, not chunked
			assertThat(request.getHeaders().get("Transfer-Encoding")).isNull();
			assertThat(request.getHeaders().get("Content-Length")).isEqualTo(Long.toString(request.getBodySize()));
			Map<String, String> fields = Wire.multipartFields(request);
			assertThat(new ArrayList<>(fields.keySet())).containsExactly("pub_key", "files[0]", "files[1]");
			assertThat(fields).containsEntry("pub_key", PUBLIC_KEY)
				.containsEntry("files[0]", FILE_1)
				.containsEntry("files[1]", FILE_2 + "/-/resize/x800/");

			assertThat(group.id()).isEqualTo(GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~1"));
			assertThat(group.createdAt()).isEqualTo(Instant.parse("2021-10-19T08:36:22.326641Z"));
			assertThat(group.filesCount()).isEqualTo(1);
			// the answer names ucarecdn.com; the project's own host is used instead
			assertThat(group.cdnUrl()).hasToString("https://1s4oyld5dc.ucarecd.net/d496a4df-0b36-4281-8156-268ae9524d4a~1/");
			assertThat(group.url()).hasToString("https://api.uploadcare.com/groups/d496a4df-0b36-4281-8156-268ae9524d4a~1/");
			assertThat(group.files()).hasSize(1);
			GroupFile file = group.files().get(0);
			assertThat(file.uuid()).isEqualTo(FILE_1);
			assertThat(file.originalFilename()).isEqualTo("instellar_logo_main (1).png");
			assertThat(file.size()).isEqualTo(3303);
			assertThat(file.mimeType()).isEqualTo("image/png");
			assertThat(file.image()).isTrue();
			assertThat(file.stored()).isTrue();
			assertThat(file.ready()).isTrue();
			assertThat(file.defaultEffects()).isEqualTo(CdnOperations.NONE);
			assertThat(file.imageInfo()).isEqualTo(new GroupFile.ImageInfo(134, 60, "PNG"));
		});
	}

	@Test
	void createSendsManyFilesInOrderAndAcceptsRefsAndUrls() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).run((context) -> {
			List<String> files = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				files.add(String.format("%08d-3526-428a-945e-65fbc06e7b35", i));
			}
			files.add("https://ucarecdn.com/" + FILE_2 + "/-/preview/photo.jpg");
			context.getBean(GroupService.class).createGroup(FileRef.parseAll(files));
			Map<String, String> fields = Wire.multipartFields(Wire.take(this.server));
			List<String> expectedNames = new ArrayList<>(List.of("pub_key"));
			for (int i = 0; i < 13; i++) {
				expectedNames.add("files[" + i + "]");
			}
			assertThat(new ArrayList<>(fields.keySet())).containsExactlyElementsOf(expectedNames);
			assertThat(fields.get("files[10]")).isEqualTo("00000010-3526-428a-945e-65fbc06e7b35");
			assertThat(fields.get("files[12]")).isEqualTo(FILE_2 + "/-/preview/");
		});
	}

	@Test
	void createIsSignedWhenASecretKeyIsSet() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.secret-key=" + SECRET_KEY, "uploadcare.signed-uploads.lifetime=10m")
			.run((context) -> {
				long before = Instant.now().getEpochSecond();
				context.getBean(GroupService.class).createGroup(List.of(FileRef.parse(FILE_1)));
				long after = Instant.now().getEpochSecond();
				RecordedRequest request = Wire.take(this.server);
				Map<String, String> fields = Wire.multipartFields(request);
				assertThat(new ArrayList<>(fields.keySet())).containsExactly("pub_key", "files[0]", "signature",
						"expire");
				long expire = Long.parseLong(fields.get("expire"));
				assertThat(expire).isBetween(before + 600, after + 600);
				assertThat(fields.get("signature")).isEqualTo(SignatureUploadSigner.sign(SECRET_KEY, expire));
				assertThat(request.getHeaders().get("Authorization")).isNull();
				assertThat(request.getBody().utf8()).doesNotContain(SECRET_KEY);
			});
	}

	@Test
	void signingCanBeSwitchedOffDespiteASecretKey() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.secret-key=" + SECRET_KEY, "uploadcare.signed-uploads.enabled=false")
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(Wire.multipartFields(Wire.take(this.server))).containsOnlyKeys("pub_key", "files[0]");
			});
	}

	@Test
	void jwtSchemeSendsBearerToken() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.secret-key=" + SECRET_KEY, "uploadcare.signed-uploads.scheme=jwt")
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				RecordedRequest request = Wire.take(this.server);
				String authorization = request.getHeaders().get("Authorization");
				assertThat(authorization).startsWith("Bearer ");
				String[] parts = authorization.substring("Bearer ".length()).split("\\.");
				assertThat(parts).hasSize(3);
				String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
				assertThat(payload).contains("\"/group/\"");
				assertThat(Wire.multipartFields(request)).containsOnlyKeys("pub_key", "files[0]");
			});
	}

	@Test
	void getGroupSendsQueryAndReadsNullEntriesAsPurgedFiles() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-info-deleted-files-response.json")));
		Wire.runner(this.server).run((context) -> {
			Group group = context.getBean(GroupService.class).getGroup(" 8B1362ED-b477-4a15-819a-2c6bb497d8bd~3 ");
			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getTarget()).isEqualTo(
					"/group/info/?jsonerrors=1&pub_key=" + PUBLIC_KEY + "&group_id=8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
			assertThat(group.id()).hasToString("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
			assertThat(group.filesCount()).isEqualTo(3);
			assertThat(group.files()).hasSize(3).containsOnly(GroupFile.purged());
			assertThat(group.files()).allMatch(GroupFile::isRemoved);
			assertThat(group.presentFiles()).isEmpty();
			assertThat(group.hasRemovedFiles()).isTrue();
			assertThat(group.nthFileUrl(2))
				.hasToString("https://1s4oyld5dc.ucarecd.net/8b1362ed-b477-4a15-819a-2c6bb497d8bd~3/nth/2/");
		});
	}

	@Test
	void readsLenientlyUnknownFieldsAndStringCount() {
		String body = """
				{"id":"d496a4df-0b36-4281-8156-268ae9524d4a~2","datetime_created":"2021-10-19T08:36:22.326641Z",
				 "files_count":"2","cdn_url":"https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~2/",
				 "url":null,"content_info":{"x":1},"metadata":{},"s3_bucket":null,"brand_new_field":[1,2,3],
				 "files":[{"uuid":"94a2218e-3526-428a-945e-65fbc06e7b35","size":"12","default_effects":"resize/x800/",
				   "new_file_field":true,"is_image":false,"is_ready":true},null]}
				""";
		this.server.enqueue(Wire.json(200, body));
		Wire.runner(this.server).run((context) -> {
			Group group = context.getBean(GroupService.class).getGroup("d496a4df-0b36-4281-8156-268ae9524d4a~2");
			assertThat(group.filesCount()).isEqualTo(2);
			assertThat(group.url()).isNull();
			assertThat(group.files()).hasSize(2);
			assertThat(group.files().get(1)).isEqualTo(GroupFile.purged());
			GroupFile file = group.files().get(0);
			assertThat(file.isRemoved()).isFalse();
			assertThat(file.defaultEffects().operations()).containsExactly("resize/x800");
			assertThat(file.size()).isEqualTo(12);
		});
	}

	@Test
	void readsFileEntriesSentAsStrings() {
		// The seed schema shows files as strings; an entry that is a string is a present file, not a deleted one.
		String body = """
				{"id":"d496a4df-0b36-4281-8156-268ae9524d4a~3","datetime_created":"2021-10-19T08:36:22.326641Z",
				 "files_count":3,"cdn_url":"https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/",
				 "files":["94a2218e-3526-428a-945e-65fbc06e7b35","b1026315-8116-4632-8364-607e64fca723/-/resize/x800/",null]}
				""";
		this.server.enqueue(Wire.json(200, body));
		Wire.runner(this.server).run((context) -> {
			Group group = context.getBean(GroupService.class).getGroup("d496a4df-0b36-4281-8156-268ae9524d4a~3");
			assertThat(group.files()).hasSize(3);
			assertThat(group.files().get(0).uuid()).isEqualTo(FILE_1);
			assertThat(group.files().get(0).isRemoved()).isFalse();
			assertThat(group.files().get(1).uuid()).isEqualTo(FILE_2);
			assertThat(group.files().get(1).defaultEffects().operations()).containsExactly("resize/x800");
			assertThat(group.files().get(2).isRemoved()).isTrue();
			assertThat(group.presentFiles()).hasSize(2);
		});
	}

	@Test
	void aFileWithDatetimeRemovedIsRemovedAndKeepsWhatIsKnownOfIt() {
		// A recently deleted file stays an object with datetime_removed set (REST, recorded 2023).
		String body = """
				{"id":"d496a4df-0b36-4281-8156-268ae9524d4a~2","datetime_created":"2021-10-19T08:36:22.326641Z",
				 "files_count":2,"cdn_url":"https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~2/",
				 "files":[{"uuid":"94a2218e-3526-428a-945e-65fbc06e7b35","size":3303,"is_image":true,
				   "datetime_removed":"2023-03-01T10:00:00.123456Z","datetime_stored":null,"is_ready":true,
				   "original_filename":"logo.png","mime_type":"image/png","default_effects":""},
				  {"uuid":"b1026315-8116-4632-8364-607e64fca723","size":10,"datetime_removed":null,"is_ready":true}]}
				""";
		this.server.enqueue(Wire.json(200, body));
		Wire.runner(this.server).run((context) -> {
			Group group = context.getBean(GroupService.class).getGroup("d496a4df-0b36-4281-8156-268ae9524d4a~2");
			GroupFile removed = group.files().get(0);
			assertThat(removed.isRemoved()).isTrue();
			assertThat(removed.removedAt()).isEqualTo(Instant.parse("2023-03-01T10:00:00.123456Z"));
			assertThat(removed.uuid()).isEqualTo(FILE_1);
			assertThat(removed.originalFilename()).isEqualTo("logo.png");
			assertThat(group.files().get(1).isRemoved()).isFalse();
			assertThat(group.files().get(1).removedAt()).isNull();
			assertThat(group.presentFiles()).extracting(GroupFile::uuid).containsExactly(FILE_2);
			assertThat(group.hasRemovedFiles()).isTrue();
		});
	}

	@Test
	void keepsAPathPrefixOfTheBaseUrl() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).withPropertyValues("uploadcare.upload-url=" + Wire.baseUrl(this.server) + "/uc")
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(Wire.take(this.server).getTarget()).isEqualTo("/uc/group/?jsonerrors=1");
			});
	}

	@Test
	void encodesQueryValues() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-info-deleted-files-response.json")));
		Wire.runner(this.server).withPropertyValues("uploadcare.public-key=pk+with&odd=chars %").run((context) -> {
			context.getBean(GroupService.class).getGroup("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getUrl().queryParameter("pub_key")).isEqualTo("pk+with&odd=chars %");
			assertThat(request.getUrl().queryParameter("group_id")).isEqualTo("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
			assertThat(request.getUrl().queryParameter("jsonerrors")).isEqualTo("1");
		});
	}

	@Test
	void acceptsABaseUrlWithTrailingSlash() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).withPropertyValues("uploadcare.upload-url=" + this.server.url("/")).run((context) -> {
			context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
			assertThat(Wire.take(this.server).getTarget()).isEqualTo("/group/?jsonerrors=1");
		});
	}

	@Test
	void refusesBadInputBeforeSending() {
		Wire.runner(this.server).run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of())))
				.withMessageContaining("empty");
			List<String> tooMany = new ArrayList<>();
			for (int i = 0; i < 1001; i++) {
				tooMany.add(FILE_1);
			}
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(tooMany)))
				.withMessageContaining("1001");
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(FILE_1, "  "))))
				.withMessageContaining("files[1]");
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(FILE_1, "nonsense"))))
				.withMessageContaining("files[1]")
				.withMessageContaining("nonsense");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(FILE_1 + "/-/resize/x800?/"))))
				.withMessageContaining("files[0]");
			List<FileRef> withNull = new ArrayList<>();
			withNull.add(FileRef.of(FILE_1));
			withNull.add(null);
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(withNull))
				.withMessageContaining("files[1]");
			assertThatIllegalArgumentException().isThrownBy(() -> groups.getGroup("d496a4df~1"))
				.withMessageContaining("d496a4df~1");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> groups.getGroup("d496a4df-0b36-4281-8156-268ae9524d4a~0"));
		});
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void acceptsExactlyAThousandFiles() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).run((context) -> {
			List<String> files = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				files.add(FILE_1);
			}
			context.getBean(GroupService.class).createGroup(FileRef.parseAll(files));
			Map<String, String> fields = Wire.multipartFields(Wire.take(this.server));
			assertThat(fields).hasSize(1001).containsKey("files[999]");
		});
	}

	@Test
	void blankPublicKeyIsRefusedAtConstruction() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> groupService("  "));
		assertThatIllegalArgumentException().isThrownBy(() -> groupService(null));
		assertThat(this.server.getRequestCount()).isZero();
	}

	private DefaultGroupService groupService(String publicKey) {
		UploadcareTransport transport = transport();
		GroupUploads uploads = new GroupUploads(
				new DefaultUploadService(transport, UploadSigner.NONE, "demopublickey", UploadSettings.defaults()),
				OrphanPolicy.KEEP, null, ObservationRegistry.NOOP, null);
		return new DefaultGroupService(transport, UploadSigner.NONE, publicKey,
				new CdnUrls(URI.create("https://ucarecdn.com")), uploads);
	}

	private UploadcareTransport transport() {
		return TestTransports.over(RestClient.create(Wire.baseUrl(this.server)), RetrySettings.NONE);
	}

}
