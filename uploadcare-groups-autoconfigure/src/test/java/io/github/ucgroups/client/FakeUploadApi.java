package io.github.ucgroups.client;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A scriptable stand-in for the Upload API and the storage behind presigned part URLs, answering
 * by path (requests arrive concurrently). Records every call in arrival order.
 */
final class FakeUploadApi extends Dispatcher {

	/** A call as the server saw it. */
	record Call(String method, String path, String target, Map<String, List<String>> headers,
			List<UploadFormParts.Part> form, byte[] body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase());
			return (values == null) ? null : values.get(0);
		}

	}

	/** A part as stored. */
	record StoredPart(int number, long length, byte[] bytes, String contentType) {
	}

	private final MockWebServer server;

	final List<Call> calls = new CopyOnWriteArrayList<>();

	/** Part numbers in the order their successful PUTs arrived. */
	final List<Integer> partArrivals = new CopyOnWriteArrayList<>();

	final Map<String, Map<Integer, StoredPart>> parts = new ConcurrentHashMap<>();

	/** Per part number, statuses answered before the part succeeds. */
	final Map<Integer, Deque<Integer>> partFailures = new ConcurrentHashMap<>();

	/** Parts that always fail with 503. */
	final Set<Integer> partsFailingForGood = ConcurrentHashMap.newKeySet();

	/** Filenames whose /base/ upload is refused with 400. */
	final Set<String> refusedFilenames = ConcurrentHashMap.newKeySet();

	/** Filenames whose /base/ answer waits for {@link #release}. */
	final Set<String> heldFilenames = ConcurrentHashMap.newKeySet();

	final CountDownLatch release = new CountDownLatch(1);

	/** Parts held until {@link #partGate} opens (to force out-of-order arrival). */
	volatile Predicate<Integer> heldParts = (number) -> false;

	final CountDownLatch partGate = new CountDownLatch(1);

	/** The part whose arrival opens {@link #partGate}. */
	volatile int gateOpenedBy = -1;

	/** Files whose /base/ upload was answered, and after how many of them held files go on. */
	private final AtomicInteger answered = new AtomicInteger();

	volatile int releaseAfterAnswered = Integer.MAX_VALUE;

	/** The UUID issued per uploaded file name. */
	final Map<String, String> issued = new ConcurrentHashMap<>();

	volatile boolean groupFails;

	/** Completes that are carried out but whose answer is lost (the connection closes instead). */
	final AtomicInteger completeAnswersLost = new AtomicInteger();

	/** Completes answered 500 without completing (counts down; negative: for ever). */
	final AtomicInteger completeFailures = new AtomicInteger();

	/** Whether /info/ denies every file (404 File is not found.). */
	volatile boolean infoFindsNothing;

	/** Multipart uploads completed, and files uploaded directly: what /info/ knows. */
	final Set<String> stored = ConcurrentHashMap.newKeySet();

	/** Answers to /from_url/status/, in order; the last one repeats. */
	final Deque<String> fromUrlStatuses = new ArrayDeque<>();

	/** Whether to keep part bytes (else only their lengths and a digest-free record). */
	volatile boolean keepPartBytes = true;

	/** A check run on every part's bytes as it arrives (e.g. compare with the source). */
	volatile PartCheck partCheck = (uuid, number, bytes) -> {
	};

	final List<String> partCheckFailures = new CopyOnWriteArrayList<>();

	private final AtomicInteger uuids = new AtomicInteger();

	/** Checks a part's bytes. */
	@FunctionalInterface
	interface PartCheck {

		void check(String uuid, int number, byte[] bytes) throws Exception;

	}

	FakeUploadApi(MockWebServer server) {
		this.server = server;
	}

	/** A fake answering every request of the (not yet started) server. */
	static FakeUploadApi on(MockWebServer server) {
		FakeUploadApi api = new FakeUploadApi(server);
		server.setDispatcher(api);
		return api;
	}

	static String uuid(int n) {
		return String.format("00000000-0000-4000-8000-%012d", n);
	}

	List<Call> calls(String path) {
		return this.calls.stream().filter((call) -> call.path().equals(path)).toList();
	}

	List<Call> partCalls() {
		return this.calls.stream().filter((call) -> call.path().startsWith("/s3/")).toList();
	}

	/** Returns the bytes of a multipart upload, parts joined in number order. */
	byte[] assembled(String uuid) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Map<Integer, StoredPart> stored = this.parts.get(uuid);
		List<Integer> numbers = new ArrayList<>(stored.keySet());
		Collections.sort(numbers);
		for (int number : numbers) {
			out.writeBytes(stored.get(number).bytes());
		}
		return out.toByteArray();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
		// Keep the server's own queue from holding every body: this fake records what tests need.
		while (this.server.takeRequest(1, TimeUnit.NANOSECONDS) != null) {
			// drained
		}
		String path = request.getUrl().encodedPath();
		byte[] body = (request.getBody() != null) ? request.getBody().toByteArray() : new byte[0];
		boolean isForm = request.getHeaders().get("Content-Type") != null
				&& request.getHeaders().get("Content-Type").startsWith("multipart/form-data");
		List<UploadFormParts.Part> form = isForm ? UploadFormParts.parse(request) : List.of();
		Map<String, List<String>> headers = new ConcurrentHashMap<>();
		for (String name : request.getHeaders().names()) {
			headers.put(name.toLowerCase(), request.getHeaders().values(name));
		}
		boolean storage = path.startsWith("/s3/");
		this.calls.add(new Call(request.getMethod(), path, request.getTarget(), headers, form,
				storage && !this.keepPartBytes ? new byte[0] : body));
		try {
			return switch (path) {
				case "/base/" -> base(form);
				case "/multipart/start/" -> start(form);
				case "/multipart/complete/" -> complete(form);
				case "/group/" -> group(form);
				case "/info/" -> info(request);
				case "/from_url/" -> json(200, "{\"type\":\"token\",\"token\":\"tok-1\"}");
				case "/from_url/status/" -> fromUrlStatus();
				default -> storage ? part(request, path, body) : json(404, "{\"detail\":\"no route " + path + "\"}");
			};
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			return new MockResponse.Builder().code(500).body("fake failed: " + ex).build();
		}
	}

	private MockResponse base(List<UploadFormParts.Part> form) throws InterruptedException {
		UploadFormParts.Part file = UploadFormParts.part(form, "file");
		if (this.refusedFilenames.contains(file.filename())) {
			return json(200, "{\"error\":{\"status_code\":400,\"content\":\"File is too fishy.\","
					+ "\"error_code\":\"FishyFileError\"}}");
		}
		if (this.heldFilenames.contains(file.filename())) {
			this.release.await(10, TimeUnit.SECONDS);
		}
		String uuid = uuid(this.uuids.incrementAndGet());
		this.issued.put(file.filename(), uuid);
		this.stored.add(uuid);
		if (this.answered.incrementAndGet() >= this.releaseAfterAnswered) {
			this.release.countDown();
		}
		return json(200, "{\"file\":\"" + uuid + "\"}");
	}

	private MockResponse start(List<UploadFormParts.Part> form) {
		long size = Long.parseLong(UploadFormParts.value(form, "size"));
		long partSize = Long.parseLong(UploadFormParts.value(form, "part_size"));
		String uuid = uuid(this.uuids.incrementAndGet());
		this.parts.put(uuid, new ConcurrentHashMap<>());
		int count = (int) ((size + partSize - 1) / partSize);
		StringBuilder urls = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			// Presigned-looking URLs with encoded query values that must arrive untouched.
			urls.append((i > 1) ? "," : "")
				.append('"')
				.append(this.server.url("/s3/" + uuid + "/" + i).toString())
				.append("?X-Amz-Signature=ab%2Fcd&partNumber=")
				.append(i)
				.append('"');
		}
		return json(200, "{\"uuid\":\"" + uuid + "\",\"parts\":[" + urls + "]}");
	}

	private MockResponse part(RecordedRequest request, String path, byte[] body) throws Exception {
		String[] segments = path.split("/");
		String uuid = segments[2];
		int number = Integer.parseInt(segments[3]);
		String query = request.getUrl().encodedQuery();
		if (query == null || !query.contains("X-Amz-Signature=ab%2Fcd")) {
			return new MockResponse.Builder().code(403).body("SignatureDoesNotMatch: " + query).build();
		}
		if (this.heldParts.test(number)) {
			this.partGate.await(10, TimeUnit.SECONDS);
		}
		if (this.partsFailingForGood.contains(number)) {
			return new MockResponse.Builder().code(503).body("<Error>SlowDown</Error>").build();
		}
		Deque<Integer> failures = this.partFailures.get(number);
		if (failures != null) {
			Integer status;
			synchronized (failures) {
				status = failures.poll();
			}
			if (status != null) {
				return new MockResponse.Builder().code(status).body("<Error>try again</Error>").build();
			}
		}
		try {
			this.partCheck.check(uuid, number, body);
		}
		catch (AssertionError | Exception ex) {
			this.partCheckFailures.add("part " + number + ": " + ex.getMessage());
		}
		String contentType = request.getHeaders().get("Content-Type");
		this.parts.get(uuid)
			.put(number, new StoredPart(number, body.length, this.keepPartBytes ? body : new byte[0], contentType));
		this.partArrivals.add(number);
		if (number == this.gateOpenedBy) {
			this.partGate.countDown();
		}
		return new MockResponse.Builder().code(200).setHeader("ETag", "\"etag-" + number + "\"").build();
	}

	private MockResponse complete(List<UploadFormParts.Part> form) {
		String uuid = UploadFormParts.value(form, "uuid");
		if (this.completeFailures.getAndUpdate((n) -> (n > 0) ? n - 1 : n) != 0) {
			return new MockResponse.Builder().code(500).body("Internal error.").build();
		}
		if (!this.stored.add(uuid)) {
			// As the live service answers a complete of a finished upload (jsonerrors=1 form).
			return json(200, "{\"error\":{\"status_code\":400,\"content\":\"File is already uploaded.\","
					+ "\"error_code\":\"MultipartFileAlreadyUploadedError\"}}");
		}
		MockResponse answer = fileInfo(uuid);
		if (this.completeAnswersLost.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			// Completed, but the client never hears of it.
			return answer.newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
		}
		return answer;
	}

	private MockResponse info(RecordedRequest request) {
		String uuid = request.getUrl().queryParameter("file_id");
		if (this.infoFindsNothing || uuid == null || !this.stored.contains(uuid)) {
			return json(200, "{\"error\":{\"status_code\":404,\"content\":\"File is not found.\","
					+ "\"error_code\":\"FileNotFoundError\"}}");
		}
		return fileInfo(uuid);
	}

	private MockResponse fileInfo(String uuid) {
		Map<Integer, StoredPart> stored = this.parts.get(uuid);
		long size = (stored != null) ? stored.values().stream().mapToLong(StoredPart::length).sum() : 1;
		return json(200, "{\"uuid\":\"" + uuid + "\",\"file_id\":\"" + uuid + "\",\"size\":" + size
				+ ",\"is_ready\":true,\"original_filename\":\"big.bin\"}");
	}

	private MockResponse group(List<UploadFormParts.Part> form) {
		if (this.groupFails) {
			return json(200, "{\"error\":{\"status_code\":400,\"content\":\"Some files not found.\","
					+ "\"error_code\":\"GroupFilesNotFoundError\"}}");
		}
		List<String> files = new ArrayList<>();
		for (int i = 0;; i++) {
			int index = i;
			var entry = form.stream().filter((part) -> part.name().equals("files[" + index + "]")).findFirst();
			if (entry.isEmpty()) {
				break;
			}
			files.add(entry.get().text());
		}
		String id = "d496a4df-0b36-4281-8156-268ae9524d4a~" + files.size();
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < files.size(); i++) {
			String entry = files.get(i);
			String uuid = entry.substring(0, 36);
			String effects = (entry.length() > 39) ? entry.substring(39) : "";
			items.append((i > 0) ? "," : "")
				.append("{\"uuid\":\"")
				.append(uuid)
				.append("\",\"size\":1,\"default_effects\":\"")
				.append(effects)
				.append("\"}");
		}
		return json(200, "{\"id\":\"" + id + "\",\"datetime_created\":\"2021-10-19T08:36:22.326641Z\","
				+ "\"files_count\":" + files.size() + ",\"cdn_url\":\"https://ucarecdn.com/" + id + "/\",\"files\":["
				+ items + "]}");
	}

	private MockResponse fromUrlStatus() {
		String status;
		synchronized (this.fromUrlStatuses) {
			status = (this.fromUrlStatuses.size() > 1) ? this.fromUrlStatuses.poll() : this.fromUrlStatuses.peek();
		}
		return json(200, (status != null) ? status : "{\"status\":\"waiting\"}");
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
	}

}
