package io.github.ucgroups.emulator.js;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.journal.JournalEntry;
import io.github.ucgroups.emulator.store.StoredFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Uploadcare's official JS clients, unchanged ({@code @uploadcare/upload-client} and
 * {@code @uploadcare/rest-client} 6.21.0, {@code @uploadcare/signed-uploads} 6.18.4, pinned by
 * {@code src/test/js/package-lock.json} and installed with {@code npm ci} under
 * {@code target/js-contract}), run against the emulator: each test runs one scenario of
 * {@code src/test/js/contract.mjs} in Node and asserts on its printed result and on what the
 * emulator received and holds. Skipped where Node or npm is absent, failed then when
 * {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialJsClientsContractTest {

	private static final Path SOURCES = Path.of("src", "test", "js");

	private static final Path WORK = Path.of("target", "js-contract");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MIB = 1024 * 1024;

	private UploadcareEmulator uc;

	private UploadcareEmulator signed;

	@BeforeAll
	void installClientsAndStartEmulators() throws Exception {
		String missing = missingTool();
		if (missing != null) {
			String message = missing + " is not installed: the contract test of Uploadcare's official JS clients "
					+ "needs Node.js 18+ and npm (Debian: apt-get install -y nodejs npm)";
			if ("true".equals(System.getenv("CI"))) {
				fail(message + " (CI=true, so this is a failure)");
			}
			Assumptions.abort(message);
		}
		install();
		this.uc = UploadcareEmulator.start();
		this.signed = UploadcareEmulator.builder().signedUploadsRequired(true).secretKey("js-contract-secret").start();
	}

	@AfterAll
	void stopEmulators() {
		if (this.uc != null) {
			this.uc.close();
		}
		if (this.signed != null) {
			this.signed.close();
		}
	}

	@BeforeEach
	void reset() {
		if (this.uc != null) {
			this.uc.reset();
			this.signed.reset();
		}
	}

	private static String missingTool() {
		for (String tool : List.of("node", "npm")) {
			try {
				Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
					return tool;
				}
			}
			catch (IOException ex) {
				return tool;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return tool;
			}
		}
		return null;
	}

	/** Copies the committed package files and runs {@code npm ci} unless that lock is already installed. */
	private static void install() throws Exception {
		Files.createDirectories(WORK);
		for (String name : List.of("package.json", "package-lock.json", "contract.mjs")) {
			Files.copy(SOURCES.resolve(name), WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		Path marker = WORK.resolve("node_modules").resolve(".installed-lock.json");
		byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
		if (Files.exists(marker) && java.util.Arrays.equals(Files.readAllBytes(marker), lock)) {
			return;
		}
		Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
			.directory(WORK.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
			fail("npm ci of the official JS clients failed:\n" + output);
		}
		Files.write(marker, lock);
	}

	/** Runs one scenario against an emulator and returns its result. */
	private static JsonNode run(UploadcareEmulator emulator, String scenario, Map<String, String> inputs)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", "contract.mjs", scenario).directory(WORK.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("UC_UPLOAD_URL", emulator.uploadUrl().toString());
		env.put("UC_REST_URL", emulator.restUrl().toString());
		env.put("UC_CDN_URL", emulator.cdnUrl().toString());
		env.put("UC_PUBLIC_KEY", emulator.publicKey());
		env.put("UC_SECRET_KEY", emulator.secretKey());
		env.putAll(inputs);
		Process node = builder.start();
		byte[] out;
		try (InputStream in = node.getInputStream()) {
			out = in.readAllBytes();
		}
		boolean ended = node.waitFor(30, TimeUnit.SECONDS);
		String output = new String(out, StandardCharsets.UTF_8);
		if (!ended) {
			node.destroyForcibly();
			fail("scenario " + scenario + " did not end in 30 s:\n" + output);
		}
		String result = output.lines().filter((line) -> line.startsWith("RESULT ")).findFirst().orElse(null);
		if (node.exitValue() != 0 || result == null) {
			fail("scenario " + scenario + " failed (exit " + node.exitValue() + "):\n" + output);
		}
		return JSON.readTree(result.substring("RESULT ".length()));
	}

	private static JsonNode run(UploadcareEmulator emulator, String scenario) throws Exception {
		return run(emulator, scenario, Map.of());
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static void assertStored(UploadcareEmulator emulator, JsonNode result, long size) throws Exception {
		StoredFile file = emulator.file(result.get("uuid").asString()).orElseThrow();
		assertThat(file.size()).isEqualTo(size);
		assertThat(result.get("size").asLong()).isEqualTo(size);
		assertThat(sha256(file.content().bytes())).as("the bytes the client sent").isEqualTo(result.get("sha256").asString());
		assertThat(result.get("cdnUrl").asString()).isEqualTo(emulator.cdnUrl() + "/" + file.uuid() + "/");
	}

	@Test
	void directUpload() throws Exception {
		JsonNode result = run(this.uc, "direct");
		assertStored(this.uc, result, 1000);
		assertThat(result.get("name").asString()).isEqualTo("direct.bin");
		assertThat(result.get("isStored").asBoolean()).isTrue();
		assertThat(result.get("metadata").get("subsystem").asString()).isEqualTo("js-contract");
		assertThat(this.uc.journal().last("/base/").orElseThrow().header("X-UC-User-Agent")).startsWith("UploadcareUploadClient/6.21.0/" + this.uc.publicKey());
	}

	@Test
	void multipartUpload() throws Exception {
		JsonNode result = run(this.uc, "multipart");
		assertStored(this.uc, result, 11L * MIB + 5);
		List<JournalEntry> parts = this.uc.journal().entries("/s3-part/");
		assertThat(parts).hasSize(3).allSatisfy((part) -> {
			assertThat(part.method()).isEqualTo("PUT");
			assertThat(part.status()).isEqualTo(200);
			assertThat(part.header("Content-Length")).isNotNull();
		});
		assertThat(this.uc.journal().entries("/multipart/complete/")).hasSize(1);
	}

	@Test
	void repeatedMultipartCompleteIsRefusedAsAlreadyUploaded() throws Exception {
		JsonNode result = run(this.uc, "multipartRepeatedComplete");
		assertThat(result.get("parts").asInt()).isEqualTo(2);
		assertThat(result.get("first").asString()).isEqualTo(result.get("uuid").asString());
		assertThat(result.get("second").get("code").asString()).isEqualTo("MultipartFileAlreadyUploadedError");
		assertThat(result.get("second").get("message").asString()).isEqualTo("File is already uploaded.");
		assertThat(this.uc.file(result.get("uuid").asString())).isPresent();
	}

	@Test
	void uploadFromUrlWithItsParametersInTheQuery() throws Exception {
		String source = this.uc.addFile("fetched by the emulator".getBytes(StandardCharsets.UTF_8), "source.txt",
				"text/plain");
		JsonNode result = run(this.uc, "fromUrl", Map.of("UC_SOURCE_URL", this.uc.cdnUrl() + "/" + source + "/"));
		assertThat(result.get("type").asString()).isEqualTo("token");
		assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("success");
		StoredFile file = this.uc.file(result.get("uuid").asString()).orElseThrow();
		assertThat(file.originalFilename()).isEqualTo("from-url.txt");
		assertThat(file.content().bytes()).isEqualTo("fetched by the emulator".getBytes(StandardCharsets.UTF_8));
		JournalEntry request = fromUrlRequest(this.uc);
		assertThat(request.fields()).as("the JS client sends no body").isEmpty();
		assertThat(request.query()).contains("source_url=").contains("pub_key=" + this.uc.publicKey());
	}

	@Test
	void uploadFromUrlThatFails() throws Exception {
		this.uc.faults().failFromUrlUploads(1);
		JsonNode result = run(this.uc, "fromUrl", Map.of("UC_SOURCE_URL", this.uc.cdnUrl() + "/nothing/"));
		assertThat(result.get("status").asString()).isEqualTo("failed");
		assertThat(result.get("uuid").isNull()).isTrue();
	}

	@Test
	void groupCreateAndInfo() throws Exception {
		String a = this.uc.addFile(new byte[] { 1 }, "a.txt", "text/plain");
		String b = this.uc.addFile(new byte[] { 2 }, "b.txt", "text/plain");
		JsonNode result = run(this.uc, "group", Map.of("UC_UUIDS", a + "," + b));
		String id = result.get("id").asString();
		assertThat(id).matches("[0-9a-f-]{36}~2");
		assertThat(result.get("readId").asString()).isEqualTo(id);
		assertThat(result.get("filesCount").asInt()).isEqualTo(2);
		assertThat(result.get("files").get(0).get("uuid").asString()).isEqualTo(a);
		assertThat(result.get("files").get(1).get("defaultEffects").asString()).isEqualTo("resize/x800/");
		assertThat(this.uc.group(id)).isPresent();
		JsonNode viaUploadFileGroup = result.get("uploadFileGroup");
		assertThat(this.uc.group(viaUploadFileGroup.get("id").asString())).isPresent();
		assertThat(viaUploadFileGroup.get("cdnUrl").asString()).startsWith(this.uc.cdnUrl().toString());
		assertThat(this.uc.journal().entries("/group/")).filteredOn((entry) -> entry.method().equals("POST"))
			.hasSize(2)
			.allSatisfy((entry) -> assertThat(entry.fields()).containsKey("files[]"));
	}

	@Test
	void signedUploadsWithSignaturesFromSignedUploads() throws Exception {
		Map<String, String> sign = Map.of("UC_SIGN", "1");
		assertStored(this.signed, run(this.signed, "direct", sign), 1000);
		assertStored(this.signed, run(this.signed, "multipart", sign), 11L * MIB + 5);
		String source = this.signed.addFile(new byte[] { 9 }, "s.bin", "application/octet-stream");
		Map<String, String> fromUrl = new LinkedHashMap<>(sign);
		fromUrl.put("UC_SOURCE_URL", this.signed.cdnUrl() + "/" + source + "/");
		assertThat(run(this.signed, "fromUrl", fromUrl).get("status").asString()).isEqualTo("success");
		Map<String, String> group = new LinkedHashMap<>(sign);
		group.put("UC_UUIDS", source + "," + source);
		assertThat(this.signed.group(run(this.signed, "group", group).get("id").asString())).isPresent();
		for (String path : List.of("/base/", "/multipart/start/", "/group/")) {
			assertThat(this.signed.journal().last(path).orElseThrow().field("signature")).as(path)
				.isEqualTo(JournalEntry.REDACTED);
		}
		assertThat(fromUrlRequest(this.signed).query())
			.contains("signature=" + JournalEntry.REDACTED);

		JsonNode unsigned = run(this.signed, "unsigned");
		assertThat(unsigned.get("name").asString()).isEqualTo("UploadError");
		assertThat(unsigned.get("message").asString()).isEqualTo("`signature` is required.");
	}

	@Test
	void throttledUploadApiCallIsRetriedAfterRetryAfter() throws Exception {
		String uuid = this.uc.addFile(new byte[] { 1 }, "t.bin", "application/octet-stream");
		this.uc.faults().throttle("/info/", 1, Duration.ofSeconds(1));
		JsonNode result = run(this.uc, "throttledInfo", Map.of("UC_UUID", uuid));
		assertThat(result.get("uuid").asString()).isEqualTo(uuid);
		assertThat(result.get("waitedMs").asLong()).as("waited for Retry-After").isGreaterThanOrEqualTo(900);
		assertThat(this.uc.journal().entries("/info/")).hasSize(2);
		assertThat(this.uc.faults().hasPending()).isFalse();
	}

	@Test
	void restGroupsAndFileStorageWithSignedRequests() throws Exception {
		rest("signed");
		assertThat(this.uc.journal().last("/rest/groups/").orElseThrow().header("X-Uploadcare-Date")).isNotBlank();
	}

	@Test
	void restGroupsAndFileStorageWithSimpleAuth() throws Exception {
		rest("simple");
	}

	private void rest(String auth) throws Exception {
		String a = upload("a.txt");
		String b = upload("b.txt");
		String c = this.uc.addFile(new byte[] { 3 }, "c.txt", "text/plain");
		String group = run(this.uc, "group", Map.of("UC_UUIDS", a + "," + b)).get("id").asString();
		String withRemoved = this.uc.store().createGroup(List.of(new io.github.ucgroups.emulator.store.GroupEntry(a, ""),
				new io.github.ucgroups.emulator.store.GroupEntry(c, ""))).id();
		this.uc.faults().throttle("/rest/groups/", 1, Duration.ofSeconds(1));
		JsonNode result = run(this.uc, "rest", Map.of("UC_AUTH", auth, "UC_UUIDS", a + "," + b + "," + c,
				"UC_GROUP", withRemoved));
		assertThat(result.get("listMs").asLong()).as("the throttled list was retried after Retry-After")
			.isGreaterThanOrEqualTo(900);
		assertThat(this.uc.journal().entries("/rest/groups/").get(0).status()).isEqualTo(429);
		assertThat(result.get("list").get("total").asInt()).as("two groups by the script, one by the test").isEqualTo(3);
		assertThat(result.get("list").get("ids").get(0).asString()).isEqualTo(withRemoved);
		assertThat(JSON.writeValueAsString(result.get("list").get("ids"))).contains(group);
		assertThat(result.get("group").get("id").asString()).isEqualTo(withRemoved);
		assertThat(result.get("group").get("files").get(1).asString()).isEqualTo(c);
		assertThat(result.get("stored").get("uuid").asString()).isEqualTo(a);
		assertThat(result.get("stored").get("datetimeStored").isNull()).isFalse();
		assertThat(this.uc.file(a).orElseThrow().isStored()).isTrue();
		assertThat(result.get("many").get("status").asString()).isEqualTo("ok");
		assertThat(result.get("many").get("result").get(0).asString()).isEqualTo(b);
		assertThat(result.get("many").get("problems").has("00000000-0000-4000-8000-000000000000")).isTrue();
		assertThat(this.uc.file(b).orElseThrow().isStored()).isTrue();
		assertThat(result.get("removed").get("uuid").asString()).isEqualTo(c);
		assertThat(result.get("removed").get("datetimeRemoved").asString()).endsWith("Z");
		assertThat(this.uc.file(c)).isEmpty();
		JsonNode afterRemoval = result.get("afterRemoval");
		assertThat(afterRemoval.get(0).get("datetimeRemoved").isNull()).isTrue();
		assertThat(afterRemoval.get(1).get("uuid").asString()).isEqualTo(c);
		assertThat(afterRemoval.get(1).get("datetimeRemoved").asString()).endsWith("Z");
		assertThat(this.uc.group(withRemoved)).as("deleted").isEmpty();
		assertThat(result.get("gone").get("status").asInt()).isEqualTo(404);
	}

	/** The last {@code POST /from_url/} (not its status polls). */
	private static JournalEntry fromUrlRequest(UploadcareEmulator emulator) {
		List<JournalEntry> entries = emulator.journal()
			.entries("/from_url/")
			.stream()
			.filter((entry) -> entry.path().equals("/from_url/"))
			.toList();
		assertThat(entries).isNotEmpty();
		return entries.get(entries.size() - 1);
	}

	/** An unstored file, as {@code UPLOADCARE_STORE=0} leaves it. */
	private String upload(String name) {
		String uuid = this.uc.addFile(name.getBytes(StandardCharsets.UTF_8), name, "text/plain");
		this.uc.store().setStored(uuid, false);
		return uuid;
	}

}
