package io.github.ucgroups.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.emulator.UploadcareEmulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint and error of the sample app, over HTTP, against the embedded emulator (started
 * because no {@code uploadcare.public-key} is configured).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "uploadcare.retry.max-attempts=2", "uploadcare.retry.initial-delay=10ms",
				"uploadcare.retry.max-delay=20ms", "uploadcare.retry.max-retry-after=1s", "sample.max-files=5" })
@ExtendWith(OutputCaptureExtension.class)
class SampleAppHttpTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	UploadcareEmulator emulator;

	RestClient http;

	@BeforeEach
	void setUp() {
		this.http = TestHttp.client(this.port);
		this.emulator.resetFaultsAndJournal();
	}

	@Test
	void formShowsTheFieldsAndLimits() {
		String html = this.http.get().uri("/").retrieve().body(String.class);
		assertThat(html).contains("enctype=\"multipart/form-data\"")
			.contains("name=\"files\" multiple")
			.contains("value=\"RESIZE_800\"")
			.contains("<strong>5</strong> files");
	}

	@Test
	void formSubmissionRedirectsToTheGroupPage() {
		ResponseEntity<String> response = postForm("/groups", files(file("a.txt", "alpha"), file("b.txt", "beta")),
				"NONE");
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		String location = response.getHeaders().getLocation().toString();
		assertThat(location).matches(".*/groups/[0-9a-f-]{36}~2");

		String page = this.http.get().uri(location).retrieve().body(String.class);
		assertThat(page).contains("a.txt").contains("b.txt").contains("archive/zip/").contains("nth/0/");
	}

	@Test
	void fileNamesAreEscapedInHtml() {
		ResponseEntity<String> response = postForm("/groups",
				files(file("<script>alert(1)</script>.png", "not really a png")), "NONE");
		String page = this.http.get().uri(response.getHeaders().getLocation()).retrieve().body(String.class);
		assertThat(page).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;.png");
	}

	@Test
	void transformationIsAppliedToEveryFile() throws Exception {
		ResponseEntity<String> response = postApi(files(file("a.txt", "alpha"), file("b.txt", "beta")), "RESIZE_800");
		JsonNode body = json.readTree(response.getBody());
		String id = body.get("id").asString();
		assertThat(this.emulator.group(id).orElseThrow().entries()).hasSize(2)
			.allSatisfy((entry) -> assertThat(entry.defaultEffects()).isEqualTo("resize/800x/"));
	}

	@Test
	void emptySubmissionReshowsTheFormWithAMessage() {
		// The browser test covers the empty file part a browser sends; here the part is missing.
		ResponseEntity<String> response = postForm("/groups", new LinkedMultiValueMap<>(), "NONE");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("Choose at least one file.").contains("name=\"files\"");
	}

	@Test
	void tooManyFilesReshowsTheForm() {
		ResponseEntity<String> response = postForm("/groups", manyFiles(6), "NONE");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("Too many files: 6 were chosen, at most 5");
		assertThat(this.emulator.journal().count("/base/")).isZero();
	}

	@Test
	void malformedAndUnknownGroupPagesAreFriendly() {
		ResponseEntity<String> malformed = this.http.get().uri("/groups/not-a-group").retrieve().toEntity(String.class);
		assertThat(malformed.getStatusCode().value()).isEqualTo(400);
		assertThat(malformed.getBody()).contains("This is not a group id").contains("not-a-group");

		ResponseEntity<String> unknown = this.http.get()
			.uri("/groups/d496a4df-0b36-4281-8156-268ae9524d4a~1")
			.retrieve()
			.toEntity(String.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody()).contains("No such group");
	}

	@Test
	void apiCreatesAndReadsAGroup() throws Exception {
		ResponseEntity<String> created = postApi(files(file("one.txt", "1"), file("two.txt", "22")), "NONE");
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		JsonNode body = json.readTree(created.getBody());
		String id = body.get("id").asString();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/groups/" + id);
		assertThat(body.get("filesCount").asInt()).isEqualTo(2);
		assertThat(body.get("cdnUrl").asString()).endsWith("/" + id + "/");
		assertThat(body.get("createdAt").asString()).isNotBlank();
		JsonNode first = body.get("files").get(0);
		assertThat(first.get("originalFilename").asString()).isEqualTo("one.txt");
		assertThat(first.get("size").asLong()).isEqualTo(1);
		assertThat(first.get("mimeType").asString()).startsWith("text/plain");
		assertThat(first.get("uuid").asString()).hasSize(36);
		assertThat(first.get("cdnUrl").asString()).endsWith("/" + id + "/nth/0/");
		assertThat(fieldNames(first)).containsExactlyInAnyOrder("uuid", "originalFilename", "size", "mimeType",
				"cdnUrl");

		ResponseEntity<String> read = this.http.get().uri("/api/groups/" + id).retrieve().toEntity(String.class);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(read.getBody())).isEqualTo(body);
	}

	@Test
	void apiErrorsAreProblemDetails() throws Exception {
		assertProblem(this.http.get().uri("/api/groups/nope").retrieve().toEntity(String.class), 400, "nope");
		assertProblem(this.http.get()
			.uri("/api/groups/d496a4df-0b36-4281-8156-268ae9524d4a~1")
			.retrieve()
			.toEntity(String.class), 404, "does not know");
		MultiValueMap<String, Object> empty = new LinkedMultiValueMap<>();
		empty.add("transformation", "NONE");
		assertProblem(this.http.post()
			.uri("/api/groups")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(empty)
			.retrieve()
			.toEntity(String.class), 400, "Choose at least one file.");
		assertProblem(postApi(manyFiles(6), "NONE"), 400, "Too many files");
	}

	@Test
	void throttlingThatOutlastsRetriesIs503WithRetryAfter() throws Exception {
		this.emulator.faults().throttle("/group/", 5, Duration.ofSeconds(30));
		ResponseEntity<String> response = postApi(files(file("a.txt", "alpha")), "NONE");
		JsonNode problem = assertProblem(response, 503, "throttled");
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
		assertThat(problem.get("uploadedFiles")).hasSize(1);
	}

	@Test
	void groupFailureAfterUploadsListsTheUploadedFiles() throws Exception {
		this.emulator.faults().fail("/group/", 5, 500);
		ResponseEntity<String> response = postApi(files(file("a.txt", "alpha"), file("b.txt", "beta")), "NONE");
		JsonNode problem = assertProblem(response, 502, "");
		List<String> uploaded = problem.get("uploadedFiles").valueStream().map(JsonNode::asString).toList();
		assertThat(uploaded).hasSize(2).allSatisfy((uuid) -> assertThat(this.emulator.file(uuid)).isPresent());
	}

	@Test
	void groupsCanBeDeletedFromThePageAndTheApi() throws Exception {
		ResponseEntity<String> created = postForm("/groups", files(file("a.txt", "alpha")), "NONE");
		String location = created.getHeaders().getLocation().toString();
		String id = location.substring(location.lastIndexOf('/') + 1);
		ResponseEntity<String> deleted = this.http.post().uri("/groups/" + id + "/delete").retrieve().toEntity(String.class);
		assertThat(deleted.getStatusCode().value()).isEqualTo(303);
		assertThat(this.emulator.group(id)).isEmpty();

		String other = json.readTree(postApi(files(file("b.txt", "beta")), "NONE").getBody()).get("id").asString();
		ResponseEntity<Void> apiDeleted = this.http.delete().uri("/api/groups/" + other).retrieve().toBodilessEntity();
		assertThat(apiDeleted.getStatusCode().value()).isEqualTo(204);
		assertThat(this.emulator.group(other)).isEmpty();
		assertThat(this.http.get().uri("/api/groups/" + other).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void actuatorShowsUploadcareHealthAndOperationMetrics() throws Exception {
		postApi(files(file("a.txt", "alpha")), "NONE");
		JsonNode health = json.readTree(this.http.get().uri("/actuator/health").retrieve().body(String.class));
		assertThat(health.at("/components/uploadcare/status").asString()).isEqualTo("UP");

		JsonNode metric = json.readTree(
				this.http.get().uri("/actuator/metrics/uploadcare.operations").retrieve().body(String.class));
		List<String> operations = metric.at("/availableTags").valueStream()
			.filter((tag) -> tag.get("tag").asString().equals("operation"))
			.flatMap((tag) -> tag.get("values").valueStream())
			.map(JsonNode::asString)
			.toList();
		assertThat(operations).contains("group.create", "file.upload");
	}

	@Test
	void theSecretKeyNeverLeaks(CapturedOutput output) {
		this.emulator.faults().fail("/group/", 5, 500);
		String secret = this.emulator.secretKey();
		postApi(files(file("a.txt", "alpha")), "NONE");
		this.emulator.faults().reset();
		ResponseEntity<String> created = postForm("/groups", files(file("b.txt", "beta")), "NONE");
		StringBuilder everything = new StringBuilder();
		everything.append(this.http.get().uri(created.getHeaders().getLocation()).retrieve().body(String.class));
		everything.append(this.http.get().uri("/").retrieve().body(String.class));
		for (String endpoint : List.of("/actuator/health", "/actuator/info", "/actuator/metrics",
				"/actuator/metrics/uploadcare.operations")) {
			everything.append(this.http.get().uri(endpoint).retrieve().toEntity(String.class).getBody());
		}
		assertThat(everything).doesNotContain(secret);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	private JsonNode assertProblem(ResponseEntity<String> response, int status, String detailPart) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = json.readTree(response.getBody());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(detailPart);
		return problem;
	}

	private ResponseEntity<String> postForm(String path, MultiValueMap<String, Object> form, String transformation) {
		form.add("transformation", transformation);
		return this.http.post()
			.uri(path)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> postApi(MultiValueMap<String, Object> form, String transformation) {
		return postForm("/api/groups", form, transformation);
	}

	private static MultiValueMap<String, Object> manyFiles(int count) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < count; i++) {
			form.add("files", file("f" + i + ".txt", "file " + i).getValue());
		}
		return form;
	}

	@SafeVarargs
	private static MultiValueMap<String, Object> files(Map.Entry<String, NamedResource>... files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		for (Map.Entry<String, NamedResource> file : files) {
			form.add("files", file.getValue());
		}
		return form;
	}

	private static Map.Entry<String, NamedResource> file(String name, String content) {
		return Map.entry(name, new NamedResource(name, content.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

	/** A byte-array part with a file name, as a browser sends it. */
	static final class NamedResource extends ByteArrayResource {

		private final String filename;

		NamedResource(String filename, byte[] content) {
			super(content);
			this.filename = filename;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

	}

}
