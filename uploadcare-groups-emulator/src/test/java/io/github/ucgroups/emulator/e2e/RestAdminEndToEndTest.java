package io.github.ucgroups.emulator.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareCdnAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GroupAdminService} (REST API v0.7, signed requests) and {@link CdnUrls} against the
 * emulator; the admin bean exists because the emulator's connection details carry a secret key.
 */
@SpringBootTest(classes = RestAdminEndToEndTest.Config.class)
@AutoConfigureUploadcareEmulator
@DirtiesContext
class RestAdminEndToEndTest {

	@Autowired
	GroupService groups;

	@Autowired
	GroupAdminService admin;

	@Autowired
	CdnUrls cdnUrls;

	@Autowired
	UploadcareEmulator emulator;

	@BeforeEach
	void cleanSlate() {
		this.emulator.reset();
	}

	@Test
	void listingPageByPageFollowsNextAndSeesEveryGroup() {
		String a = E2e.seed(this.emulator, "list-a");
		Group first = this.groups.createGroup(FileRef.parseAll(List.of(a)));
		Group second = this.groups.createGroup(FileRef.parseAll(List.of(a, a)));
		Group third = this.groups.createGroup(FileRef.parseAll(List.of(a + "/-/resize/x800/")));

		List<Group> listed = this.admin.listGroups(GroupListOptions.defaults().withLimit(2)).toList();

		assertThat(listed).extracting(Group::id).containsExactly(first.id(), second.id(), third.id());
		assertThat(listed).allSatisfy((group) -> assertThat(group.files()).isEmpty());
		assertThat(listed).extracting(Group::filesCount).containsExactly(1, 2, 1);
		assertThat(this.emulator.journal().entries("/rest/groups/")).hasSize(2)
			.allSatisfy((entry) -> {
				assertThat(entry.method()).isEqualTo("GET");
				assertThat(entry.status()).isEqualTo(200);
				assertThat(entry.query()).contains("limit=2");
			});
	}

	@Test
	void listingNewestFirstAndFromACreationTime() {
		String a = E2e.seed(this.emulator, "order");
		List<Group> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.groups.createGroup(FileRef.parseAll(List.of(a))));
		}
		List<GroupId> ids = created.stream().map(Group::id).toList();
		List<GroupId> newestFirst = new ArrayList<>(ids);
		Collections.reverse(newestFirst);

		assertThat(this.admin
			.listGroups(GroupListOptions.defaults().withLimit(2).withOrdering(GroupListOptions.Ordering.CREATED_DESCENDING))
			.map(Group::id)).containsExactlyElementsOf(newestFirst);
		assertThat(this.admin.listGroups(GroupListOptions.defaults().withFrom(created.get(2).createdAt()))
			.map(Group::id)).containsExactlyElementsOf(ids.subList(2, 5));
		assertThat(this.admin.listGroups(GroupListOptions.defaults().withLimit(1)).limit(2).map(Group::id))
			.as("lazy: a short stream fetches only the pages it needs")
			.containsExactlyElementsOf(ids.subList(0, 2));
		assertThat(this.emulator.journal().entries("/rest/groups/")).hasSize(3 + 1 + 2);
	}

	@Test
	void readsStoresAndDeletesAGroupThroughRest() {
		String a = E2e.seed(this.emulator, "rest-a");
		String b = E2e.seed(this.emulator, "rest-b");
		Group created = this.groups.createGroup(FileRef.parseAll(List.of(a, b + "/-/resize/x800/")));

		Group read = this.admin.getGroup(created.id());
		assertThat(read.id()).isEqualTo(created.id());
		assertThat(read.filesCount()).isEqualTo(2);
		assertThat(read.files()).extracting(GroupFile::uuid).containsExactly(a, b);
		assertThat(read.files().get(1).defaultEffects().operations()).containsExactly("resize/x800");
		assertThat(this.emulator.journal().last("/rest/groups/").orElseThrow().header("Authorization"))
			.as("signed (and redacted by the journal)")
			.isNotNull();

		StorageResult stored = this.admin.storeGroupFiles(created.id());
		assertThat(stored.succeeded()).containsExactlyInAnyOrder(a, b);
		assertThat(stored.isComplete()).isTrue();
		assertThat(this.emulator.journal().last("/rest/files/storage/").orElseThrow().method()).isEqualTo("PUT");

		this.admin.deleteGroup(created.id());
		assertThat(this.emulator.group(created.id())).isEmpty();
		assertThat(this.emulator.file(a)).as("deleting a group keeps its files").isPresent();
		assertThatExceptionOfType(UploadcareNotFoundException.class)
			.isThrownBy(() -> this.admin.getGroup(created.id()))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404));
		assertThat(this.admin.findGroup(created.id())).isEmpty();
		assertThat(this.groups.findGroup(created.id())).as("gone from the Upload API too").isEmpty();
		assertThatExceptionOfType(UploadcareNotFoundException.class)
			.isThrownBy(() -> this.admin.deleteGroup(created.id()));
	}

	@Test
	void storingManyFilesGoesInBatchesOfAHundredAndReportsProblems() {
		List<String> uuids = new ArrayList<>();
		for (int i = 0; i < 230; i++) {
			uuids.add(E2e.seed(this.emulator, "batch" + i));
		}
		String missing = java.util.UUID.randomUUID().toString();
		List<String> request = new ArrayList<>(uuids);
		request.add(missing);
		request.add(uuids.get(0)); // duplicates are sent once
		this.emulator.faults().fail("/rest/files/storage/", 1, 503);

		StorageResult result = this.admin.storeFiles(request);

		assertThat(result.succeeded()).containsExactlyInAnyOrderElementsOf(uuids);
		assertThat(result.problems()).containsOnlyKeys(missing);
		assertThat(this.emulator.journal().entries("/rest/files/storage/")).extracting((entry) -> entry.status())
			.as("the first batch retried after a 503, then three batches of at most 100")
			.containsExactly(503, 200, 200, 200);
	}

	@Test
	void cdnUrlsServeTheGroupsFiles() throws Exception {
		byte[] text = "plain text bytes".getBytes(StandardCharsets.UTF_8);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };
		String a = this.emulator.addFile(text, "notes.txt", "text/plain");
		String b = this.emulator.addFile(png, "pixel.png", "image/png");
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(a, b)));

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<byte[]> first = get(http, this.cdnUrls.nthFileUrl(group.id(), 0));
		HttpResponse<byte[]> second = get(http, this.cdnUrls.nthFileUrl(group.id(), 1));
		HttpResponse<byte[]> viaGroup = get(http, group.nthFileUrl(1));
		HttpResponse<byte[]> listing = get(http, this.cdnUrls.groupUrl(group));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(text);
		assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(png);
		assertThat(second.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(viaGroup.body()).isEqualTo(png);
		assertThat(listing.statusCode()).isEqualTo(200);
		assertThat(listing.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
		assertThat(new String(listing.body(), StandardCharsets.UTF_8)).contains(group.id() + "/nth/0/",
				group.id() + "/nth/1/");
		assertThat(this.cdnUrls.groupUrl(group)).isEqualTo(group.cdnUrl());
	}

	private static HttpResponse<byte[]> get(HttpClient http, URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ UploadcareAutoConfiguration.class, UploadcareRestAutoConfiguration.class,
			UploadcareCdnAutoConfiguration.class })
	static class Config {

	}

}
