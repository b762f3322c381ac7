package io.github.ucgroups.sample;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.StoredFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page "Upload in the browser" over HTTP: its File Uploader settings, an honest submission,
 * and tampered ones (another project's group, a made-up id, too many files, a refused type, a
 * foreign host), each re-showing the form with what was wrong.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.max-files=3")
class BrowserUploadPageHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	UploadcareEmulator emulator;

	@Autowired
	GroupService groups;

	RestClient http;

	@BeforeEach
	void setUp() {
		this.http = TestHttp.client(this.port);
	}

	@Test
	void pageConfiguresTheFileUploaderForTheEmulatorAndTheForm() {
		String html = this.http.get().uri("/browser").retrieve().body(String.class);
		assertThat(html).contains("pubkey=\"" + this.emulator.publicKey() + "\"")
			.contains("base-url=\"" + this.emulator.uploadUrl() + "\"")
			.contains("cdn-cname=\"" + this.emulator.cdnUrl() + "\"")
			.contains("group-output=\"true\"")
			.contains("multiple-max=\"3\"")
			.contains("quality-insights=\"false\"")
			.contains("source-list=\"local\"")
			.contains("data-credentials-url=\"/uploadcare/upload-credentials\"")
			.contains("<uc-form-input ctx-name=\"sample-uploader\" name=\"group\">")
			.contains("/vendor/uploadcare-file-uploader/uc-file-uploader-inline.min.css")
			.doesNotContain("demosecretkey");
		assertThat(this.http.get().uri("/browser-upload.js").retrieve().body(String.class))
			.contains("./vendor/uploadcare-file-uploader/file-uploader.min.js")
			.contains("secureUploadsSignatureResolver");
	}

	@Test
	void honestGroupIsVerifiedStoredAndShown() {
		String a = text("a.txt");
		String b = this.emulator.addFile(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "b.png", "image/png");
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(a, b)));
		ResponseEntity<String> response = post("group", this.emulator.cdnUrl() + "/" + group.id() + "/");
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/groups/" + group.id());
		assertThat(List.of(a, b)).allSatisfy((uuid) -> assertThat(this.emulator.file(uuid).map(StoredFile::isStored))
			.contains(true));
	}

	@Test
	void postedFileUrlsBecomeAGroup() {
		ResponseEntity<String> response = post("group[]", this.emulator.cdnUrl() + "/" + text("x.txt") + "/",
				this.emulator.cdnUrl() + "/" + text("y.txt") + "/");
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		assertThat(response.getHeaders().getLocation().getPath()).matches("/groups/[0-9a-f-]{36}~2");
	}

	@Test
	void groupOfAnotherProjectIsRefused() {
		try (UploadcareEmulator other = UploadcareEmulator.builder().publicKey("otherpublickey").start()) {
			String theirs = other.addFile("theirs".getBytes(StandardCharsets.UTF_8), "t.txt", "text/plain");
			String foreignId = RestClient.create(other.uploadUrl().toString())
				.post()
				.uri("/group/")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("pub_key=otherpublickey&files[0]=" + theirs)
				.retrieve()
				.body(String.class)
				.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			assertThat(other.group(foreignId)).isPresent();
			refused(post("group", this.emulator.cdnUrl() + "/" + foreignId + "/"),
					"group " + foreignId + " is not a group of this Uploadcare project");
		}
	}

	@Test
	void madeUpGroupIsRefused() {
		String madeUp = UUID.randomUUID() + "~2";
		refused(post("group", "https://ucarecdn.com/" + madeUp + "/"),
				"group " + madeUp + " is not a group of this Uploadcare project");
	}

	@Test
	void tooManyFilesAreRefused() {
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(text("1.txt"), text("2.txt"), text("3.txt"), text("4.txt"))));
		refused(post("group", this.emulator.cdnUrl() + "/" + group.id() + "/"),
				"4 files were uploaded, at most 3 are allowed");
	}

	@Test
	void refusedTypeIsNamed() {
		String zip = this.emulator.addFile("PK".getBytes(StandardCharsets.US_ASCII), "evil.zip", "application/zip");
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(text("ok.txt"), zip)));
		refused(post("group", this.emulator.cdnUrl() + "/" + group.id() + "/"),
				"file 2 &#39;evil.zip&#39; (" + zip + ") is of type application/zip");
	}

	@Test
	void foreignHostIsRefused() {
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(text("h.txt"))));
		refused(post("group", "https://cdn.evil.example/" + group.id() + "/"),
				"&#39;https://cdn.evil.example/" + group.id() + "/&#39; is not on an allowed Uploadcare CDN host");
	}

	@Test
	void emptySubmissionIsRefused() {
		refused(post("group", ""), "No upload was posted");
	}

	private String text(String name) {
		return this.emulator.addFile(name.getBytes(StandardCharsets.UTF_8), name, "text/plain", java.util.Map.of());
	}

	private ResponseEntity<String> post(String field, String... values) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (String value : values) {
			form.add(field, value);
		}
		return this.http.post()
			.uri("/browser/groups")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(String.class);
	}

	private static void refused(ResponseEntity<String> response, String message) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("id=\"error\"").contains(message).contains("<uc-config");
	}

}
