package io.github.ucgroups.rest;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.testsupport.MutableClock;
import io.github.ucgroups.testsupport.TestKeys;
import io.github.ucgroups.testsupport.TestTransports;
import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.RetryObserver;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The REST API admin service against a local server: exact requests, signatures and answers. */
class RestGroupAdminServiceWireTest {

	static final String PUB = TestKeys.PUBLIC_KEY;

	static final String SECRET = TestKeys.SECRET_KEY;

	static final String GROUP_UUID = "d496a4df-0b36-4281-8156-268ae9524d4a";

	static final String FILE_UUID = "94a2218e-3526-428a-945e-65fbc06e7b35";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private MockWebServer server;

	private RestGroupAdminService service;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		// Each reading is one minute later than the one before, so every attempt has its own Date.
		Clock clock = MutableClock.ticking(Instant.parse("2026-03-04T05:06:07Z"), Duration.ofMinutes(1));
		String base = this.server.url("/").toString();
		RestClient client = RestClient.builder()
			.baseUrl(base.substring(0, base.length() - 1))
			.requestFactory(new JdkClientHttpRequestFactory())
			.requestInterceptor(new RestSigningInterceptor(new RestRequestSigner(PUB, SECRET), clock))
			.build();
		UploadcareTransport transport = TestTransports.over(client,
				new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0, Duration.ofSeconds(5)),
				ObservationRegistry.NOOP, clock);
		this.service = new RestGroupAdminService(transport, SECRET,
				new io.github.ucgroups.cdn.CdnUrls(io.github.ucgroups.cdn.CdnUrls.projectCdnBase(PUB)));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void listsGroupsAcrossPagesFollowingNextVerbatim() throws Exception {
		String next = this.server.url("/groups/?limit=2&ordering=-datetime_created&from=2026-01-01T00%3A00%3A00Z&offset=2")
			.toString();
		this.server.enqueue(json(200, "{\"next\":\"" + next + "\",\"previous\":null,\"total\":3,\"per_page\":2,"
				+ "\"results\":[" + listItem(GROUP_UUID, 2) + "," + listItem("11111111-2222-4333-8444-555555555555", 1)
				+ "]}"));
		this.server.enqueue(json(200, "{\"next\":null,\"previous\":\"x\",\"total\":3,\"per_page\":2,\"results\":["
				+ listItem("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", 3) + "]}"));

		List<Group> groups = this.service
			.listGroups(GroupListOptions.defaults().withLimit(2).withOrdering(GroupListOptions.Ordering.CREATED_DESCENDING))
			.toList();

		assertThat(groups).extracting((group) -> group.id().toString())
			.containsExactly(GROUP_UUID + "~2", "11111111-2222-4333-8444-555555555555~1",
					"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee~3");
		assertThat(groups).allSatisfy((group) -> assertThat(group.files()).isEmpty());
		RecordedRequest first = take();
		assertThat(first.getMethod()).isEqualTo("GET");
		assertThat(first.getTarget()).isEqualTo("/groups/?limit=2&ordering=-datetime_created");
		assertSigned(first);
		RecordedRequest second = take();
		assertThat(second.getTarget())
			.isEqualTo("/groups/?limit=2&ordering=-datetime_created&from=2026-01-01T00%3A00%3A00Z&offset=2");
		assertSigned(second);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listingIsLazy() throws Exception {
		this.server.enqueue(json(200, "{\"next\":\"" + this.server.url("/groups/?offset=1") + "\",\"results\":["
				+ listItem(GROUP_UUID, 2) + "]}"));
		List<Group> firstOnly = this.service.listGroups().limit(1).toList();
		assertThat(firstOnly).hasSize(1);
		assertThat(take().getTarget()).isEqualTo("/groups/");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void listingSendsFromAsIsoInstant() throws Exception {
		this.server.enqueue(json(200, "{\"next\":null,\"results\":[]}"));
		assertThat(this.service.listGroups(GroupListOptions.defaults().withFrom(Instant.parse("2026-01-02T03:04:05Z")))
			.toList()).isEmpty();
		RecordedRequest request = take();
		assertThat(request.getUrl().queryParameter("from")).isEqualTo("2026-01-02T03:04:05Z");
		assertSigned(request);
	}

	@Test
	void getsGroupWithFilesIncludingDeletedOnes() throws Exception {
		this.server.enqueue(json(200, groupWithFiles()));
		Group group = this.service.getGroup(GroupId.parse(GROUP_UUID + "~2"));
		assertThat(group.id()).isEqualTo(GroupId.parse(GROUP_UUID + "~2"));
		// the answer names ucarecdn.com; the configured (here the project's own) host is used
		assertThat(group.cdnUrl()).hasToString("https://1s4oyld5dc.ucarecd.net/" + GROUP_UUID + "~2/");
		assertThat(group.files()).hasSize(2);
		assertThat(group.files().get(0).uuid()).isEqualTo(FILE_UUID);
		assertThat(group.files().get(0).defaultEffects().toPath()).isEqualTo("-/resize/x800/");
		assertThat(group.files().get(1).isRemoved()).isTrue();
		assertThat(group.files().get(1).uuid()).isNull();
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/groups/" + GROUP_UUID + "~2/");
		assertSigned(request);
	}

	@Test
	void deletesGroupObject() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(204).build());
		this.service.deleteGroup(GroupId.parse(GROUP_UUID + "~2"));
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/groups/" + GROUP_UUID + "~2/");
		assertSigned(request);
	}

	@Test
	void storesInBatchesOfAHundredAndMergesProblems() throws Exception {
		List<String> uuids = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			uuids.add(String.format("00000000-0000-4000-8000-%012d", i));
		}
		this.server.enqueue(json(200, storageAnswer(uuids.subList(1, 100), uuids.get(0))));
		this.server.enqueue(json(200, storageAnswer(uuids.subList(100, 150), null)));

		StorageResult result = this.service.storeFiles(uuids);

		assertThat(result.succeeded()).hasSize(149).doesNotContain(uuids.get(0)).contains(uuids.get(149));
		assertThat(result.problems()).containsEntry(uuids.get(0), "Missing in the project").hasSize(1);
		assertThat(result.isComplete()).isFalse();
		RecordedRequest first = take();
		assertThat(first.getMethod()).isEqualTo("PUT");
		assertThat(first.getTarget()).isEqualTo("/files/storage/");
		assertThat(bodyArray(first)).containsExactlyElementsOf(uuids.subList(0, 100));
		assertSigned(first);
		RecordedRequest second = take();
		assertThat(second.getMethod()).isEqualTo("PUT");
		assertThat(bodyArray(second)).containsExactlyElementsOf(uuids.subList(100, 150));
		assertSigned(second);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void deletesGroupFilesSkippingDeletedEntries() throws Exception {
		this.server.enqueue(json(200, groupWithFiles()));
		this.server.enqueue(json(200, storageAnswer(List.of(FILE_UUID), null)));
		StorageResult result = this.service.deleteGroupFiles(GroupId.parse(GROUP_UUID + "~2"));
		assertThat(result.succeeded()).containsExactly(FILE_UUID);
		assertThat(result.isComplete()).isTrue();
		assertThat(take().getMethod()).isEqualTo("GET");
		RecordedRequest delete = take();
		assertThat(delete.getMethod()).isEqualTo("DELETE");
		assertThat(delete.getTarget()).isEqualTo("/files/storage/");
		assertThat(bodyArray(delete)).containsExactly(FILE_UUID);
		assertSigned(delete);
	}

	@Test
	void storeAndDeleteOfGroupFilesSkipRecentlyRemovedAndPurgedFiles() throws Exception {
		for (boolean store : new boolean[] { true, false }) {
			this.server.enqueue(json(200, groupWithRemovedFiles()));
			this.server.enqueue(json(200, storageAnswer(List.of(FILE_UUID), null)));
			GroupId id = GroupId.parse(GROUP_UUID + "~3");
			StorageResult result = store ? this.service.storeGroupFiles(id) : this.service.deleteGroupFiles(id);
			assertThat(result.succeeded()).containsExactly(FILE_UUID);
			assertThat(take().getMethod()).isEqualTo("GET");
			RecordedRequest storage = take();
			assertThat(storage.getMethod()).isEqualTo(store ? "PUT" : "DELETE");
			assertThat(bodyArray(storage)).containsExactly(FILE_UUID);
		}
	}

	@Test
	void storesGroupFiles() throws Exception {
		this.server.enqueue(json(200, groupWithFiles()));
		this.server.enqueue(json(200, storageAnswer(List.of(FILE_UUID), null)));
		assertThat(this.service.storeGroupFiles(GroupId.parse(GROUP_UUID + "~2")).succeeded())
			.containsExactly(FILE_UUID);
		take();
		RecordedRequest put = take();
		assertThat(put.getMethod()).isEqualTo("PUT");
		assertThat(bodyArray(put)).containsExactly(FILE_UUID);
	}

	@Test
	void refusesMalformedUuidsBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.deleteFiles(List.of(FILE_UUID, "nope")))
			.withMessageContaining("uuids[1]")
			.withMessageContaining("nope");
		assertThat(this.service.deleteFiles(List.of()).succeeded()).isEmpty();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void authenticationFailureIsTypedAndNotRetried() throws Exception {
		this.server.enqueue(json(401, "{\"detail\":\"Incorrect authentication credentials.\"}"));
		assertThatExceptionOfType(UploadcareAuthenticationException.class)
			.isThrownBy(() -> this.service.getGroup(GroupId.parse(GROUP_UUID + "~2")))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(401);
				assertThat(ex.getDetail()).isEqualTo("Incorrect authentication credentials.");
				assertThat(ex.getOperation()).isEqualTo("rest.groups.get");
				assertThat(ex.getMessage()).doesNotContain(SECRET);
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void notFoundIsTyped() {
		this.server.enqueue(json(404, "{\"detail\":\"Not found.\"}"));
		assertThatExceptionOfType(UploadcareNotFoundException.class)
			.isThrownBy(() -> this.service.deleteGroup(GroupId.parse(GROUP_UUID + "~2")))
			.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("Not found."));
		this.server.enqueue(json(404, "{\"detail\":\"Not found.\"}"));
		assertThat(this.service.findGroup(GroupId.parse(GROUP_UUID + "~2"))).isEmpty();
	}

	@Test
	void throttledRequestWaitsRetryAfterThenSucceedsWithAFreshSignature() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Retry-After", "1")
			.setHeader("Content-Type", "application/json")
			.body("{\"detail\":\"Request was throttled. Expected available in 1 second.\"}")
			.build());
		this.server.enqueue(json(200, groupWithFiles()));
		long start = System.nanoTime();
		Group group = this.service.getGroup(GroupId.parse(GROUP_UUID + "~2"));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(group.id().uuid()).isEqualTo(GROUP_UUID);
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(900);
		RecordedRequest first = take();
		RecordedRequest second = take();
		assertSigned(first);
		assertSigned(second);
		assertThat(second.getHeaders().get("Date")).isNotEqualTo(first.getHeaders().get("Date"));
		assertThat(second.getHeaders().get("Authorization")).isNotEqualTo(first.getHeaders().get("Authorization"));
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request reached the server").isNotNull();
		return request;
	}

	static void assertSigned(RecordedRequest request) throws Exception {
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.uploadcare-v0.7+json");
		assertThat(request.getHeaders().values("Content-Type")).containsExactly("application/json");
		String date = request.getHeaders().get("Date");
		assertThat(date).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
		assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).getOffset())
			.isEqualTo(ZoneOffset.UTC);
		byte[] body = (request.getBody() != null) ? request.getBody().toByteArray() : new byte[0];
		String expected = RestRequestSignerTest.independentSignature(SECRET, request.getMethod(), body,
				"application/json", date, request.getTarget());
		assertThat(request.getHeaders().values("Authorization")).containsExactly("Uploadcare " + PUB + ":" + expected);
	}

	static List<String> bodyArray(RecordedRequest request) {
		JsonNode array = JSON.readTree(request.getBody().toByteArray());
		assertThat(array.isArray()).isTrue();
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

	static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
	}

	static String listItem(String uuid, int count) {
		return "{\"id\":\"" + uuid + "~" + count + "\",\"datetime_created\":\"2018-09-12T10:03:38.686710Z\","
				+ "\"files_count\":" + count + ",\"cdn_url\":\"https://ucarecdn.com/" + uuid + "~" + count + "/\","
				+ "\"url\":\"https://api.uploadcare.com/groups/" + uuid + "~" + count + "/\"}";
	}

	static String groupWithFiles() {
		return "{\"id\":\"" + GROUP_UUID + "~2\",\"datetime_created\":\"2018-09-12T10:03:38.686710Z\",\"files_count\":2,"
				+ "\"cdn_url\":\"https://ucarecdn.com/" + GROUP_UUID + "~2/\",\"url\":\"https://api.uploadcare.com/groups/"
				+ GROUP_UUID + "~2/\",\"files\":[{\"uuid\":\"" + FILE_UUID + "\",\"original_filename\":\"logo.png\","
				+ "\"size\":3303,\"mime_type\":\"image/png\",\"is_image\":true,\"datetime_stored\":null,"
				+ "\"is_ready\":true,\"default_effects\":\"resize/x800/\",\"content_info\":{}},null]}";
	}

	/** A present file, a recently removed one (datetime_removed set) and a purged one (null). */
	static String groupWithRemovedFiles() {
		return "{\"id\":\"" + GROUP_UUID + "~3\",\"datetime_created\":\"2018-09-12T10:03:38.686710Z\",\"files_count\":3,"
				+ "\"cdn_url\":\"https://ucarecdn.com/" + GROUP_UUID + "~3/\",\"files\":[{\"uuid\":\"" + FILE_UUID
				+ "\",\"size\":3303,\"datetime_removed\":null,\"default_effects\":\"\"},"
				+ "{\"uuid\":\"d3c4ff3e-bd1e-4b8c-a3a4-6ba6e48c9a8f\",\"size\":12,"
				+ "\"datetime_removed\":\"2023-03-01T10:00:00.123456Z\",\"default_effects\":\"\"},null]}";
	}

	static String storageAnswer(List<String> stored, String missing) {
		StringBuilder json = new StringBuilder("{\"status\":\"ok\",\"problems\":{");
		if (missing != null) {
			json.append('"').append(missing).append("\":\"Missing in the project\"");
		}
		json.append("},\"result\":[");
		for (int i = 0; i < stored.size(); i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"uuid\":\"")
				.append(stored.get(i))
				.append("\",\"datetime_stored\":\"2026-03-04T05:06:07.000000Z\"}");
		}
		return json.append("]}").toString();
	}

}
