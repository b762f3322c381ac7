package io.github.ucgroups.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.json.GroupJson;
import io.github.ucgroups.http.JsonFields;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * {@link GroupAdminService} over the REST API v0.7. The transport it is given must sign every
 * request (see {@link RestSigningInterceptor}); this class only describes the requests and reads
 * the answers.
 */
public class RestGroupAdminService implements GroupAdminService {

	static final String LIST = UploadcareOperations.REST_GROUPS_LIST;

	static final String GET = UploadcareOperations.REST_GROUPS_GET;

	static final String DELETE = UploadcareOperations.REST_GROUPS_DELETE;

	static final String STORE_FILES = UploadcareOperations.REST_FILES_STORE;

	static final String DELETE_FILES = UploadcareOperations.REST_FILES_DELETE;

	/** A bound on pages followed, so that a server whose {@code next} links loop cannot spin forever. */
	static final int MAX_PAGES = 1_000_000;

	private final UploadcareTransport transport;

	private final CdnUrls cdnUrls;

	/**
	 * Creates the service.
	 * @param transport a REST API transport that signs every request
	 * @param secretKey the project's secret key, only checked for presence here (the transport
	 * signs with it)
	 * @param cdnUrls builds each group's {@link Group#cdnUrl()} (the host named in Uploadcare's
	 * answer is not used)
	 * @throws IllegalStateException if there is no secret key, naming {@code uploadcare.secret-key}
	 */
	public RestGroupAdminService(UploadcareTransport transport, @Nullable String secretKey, CdnUrls cdnUrls) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.cdnUrls = Objects.requireNonNull(cdnUrls, "cdnUrls must not be null");
		if (secretKey == null || secretKey.isBlank()) {
			throw new IllegalStateException("GroupAdminService uses the Uploadcare REST API, which needs the "
					+ "project's secret key: set uploadcare.secret-key "
					+ "(or supply it through an UploadcareConnectionDetails bean)");
		}
	}

	@Override
	public Stream<Group> listGroups(GroupListOptions options) {
		Objects.requireNonNull(options, "options must not be null");
		UploadcareRequest first = UploadcareRequest.to(LIST, UploadcareApi.REST, HttpMethod.GET, "/groups/")
			.query("limit", options.limit())
			.query("from", (options.from() != null) ? options.from().toString() : null)
			.query("ordering", (options.ordering() != null) ? options.ordering().wireValue() : null)
			.build();
		Iterator<Group> pages = new PageIterator(first);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	@Override
	public Group getGroup(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		UploadcareRequest request = UploadcareRequest.to(GET, UploadcareApi.REST, HttpMethod.GET, "/groups/{id}/")
			.pathVariable("id", groupId.toString())
			.observationDetails((context) -> context.setGroupId(groupId.toString()))
			.build();
		return GroupJson.readGroup(GET, this.transport.exchangeForJson(request), this.cdnUrls);
	}

	@Override
	public void deleteGroup(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		UploadcareRequest request = UploadcareRequest
			.to(DELETE, UploadcareApi.REST, HttpMethod.DELETE, "/groups/{id}/")
			.pathVariable("id", groupId.toString())
			.observationDetails((context) -> context.setGroupId(groupId.toString()))
			.build();
		this.transport.exchange(request);
	}

	@Override
	public StorageResult storeGroupFiles(GroupId groupId) {
		return storage(STORE_FILES, HttpMethod.PUT, fileUuids(getGroup(groupId)));
	}

	@Override
	public StorageResult deleteGroupFiles(GroupId groupId) {
		return storage(DELETE_FILES, HttpMethod.DELETE, fileUuids(getGroup(groupId)));
	}

	@Override
	public StorageResult storeFiles(List<String> uuids) {
		return storage(STORE_FILES, HttpMethod.PUT, checkUuids(uuids));
	}

	@Override
	public StorageResult deleteFiles(List<String> uuids) {
		return storage(DELETE_FILES, HttpMethod.DELETE, checkUuids(uuids));
	}

	private static List<String> fileUuids(Group group) {
		Set<String> uuids = new LinkedHashSet<>();
		for (GroupFile file : group.presentFiles()) {
			uuids.add(file.uuid());
		}
		return List.copyOf(uuids);
	}

	private static List<String> checkUuids(List<String> uuids) {
		Objects.requireNonNull(uuids, "uuids must not be null");
		Set<String> checked = new LinkedHashSet<>();
		for (int i = 0; i < uuids.size(); i++) {
			String uuid = uuids.get(i);
			if (!FileRef.isUuid(uuid)) {
				// FileRef names the bad value (abbreviated) in its message.
				try {
					FileRef.of(String.valueOf(uuid));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("uuids[" + i + "]: " + ex.getMessage(), ex);
				}
			}
			checked.add(FileRef.of(uuid).uuid());
		}
		return List.copyOf(checked);
	}

	private StorageResult storage(String operation, HttpMethod method, List<String> uuids) {
		StorageResult result = StorageResult.EMPTY;
		for (int start = 0; start < uuids.size(); start += MAX_FILES_PER_STORAGE_REQUEST) {
			List<String> batch = uuids.subList(start, Math.min(uuids.size(), start + MAX_FILES_PER_STORAGE_REQUEST));
			byte[] body = this.transport.jsonMapper().writeValueAsBytes(batch);
			UploadcareRequest request = UploadcareRequest
				.to(operation, UploadcareApi.REST, method, "/files/storage/")
				.body(MediaType.APPLICATION_JSON, () -> body)
				.observationDetails((context) -> {
					context.setFileCount(batch.size());
					context.setBytes((long) body.length);
				})
				.build();
			result = result.merge(readStorage(operation, this.transport.exchangeForJson(request)));
		}
		return result;
	}

	private static StorageResult readStorage(String operation, JsonNode json) {
		List<String> succeeded = new ArrayList<>();
		JsonNode results = json.get("result");
		if (results != null && results.isArray()) {
			for (JsonNode item : results) {
				String uuid = null;
				if (item != null && item.isObject()) {
					uuid = item.hasNonNull("uuid") ? JsonFields.text(item, "uuid") : JsonFields.text(item, "file_id");
				}
				else if (item != null && item.isString()) {
					uuid = item.asString();
				}
				if (uuid != null && !uuid.isEmpty()) {
					succeeded.add(uuid);
				}
			}
		}
		Map<String, String> problems = new LinkedHashMap<>();
		JsonNode problemsNode = json.get("problems");
		if (problemsNode != null && problemsNode.isObject()) {
			for (Map.Entry<String, JsonNode> entry : problemsNode.properties()) {
				JsonNode reason = entry.getValue();
				problems.put(entry.getKey(), (reason == null || reason.isNull()) ? "(no reason given)"
						: reason.isString() ? reason.asString() : reason.toString());
			}
		}
		if ((results == null || !results.isArray()) && problems.isEmpty() && !json.has("status")) {
			throw new UploadcareServerException(operation, 200, null,
					"Uploadcare sent a storage answer without 'result' or 'problems'", null);
		}
		return new StorageResult(succeeded, problems);
	}

	@Override
	public String toString() {
		return "RestGroupAdminService";
	}

	/** Fetches pages as the stream asks for groups, following {@code next} as it is. */
	private final class PageIterator implements Iterator<Group> {

		private @Nullable UploadcareRequest nextPage;

		private Iterator<Group> current = List.<Group>of().iterator();

		private final Set<String> seen = new HashSet<>();

		private int pages;

		PageIterator(UploadcareRequest first) {
			this.nextPage = first;
		}

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext() && this.nextPage != null) {
				fetch(this.nextPage);
			}
			return this.current.hasNext();
		}

		@Override
		public Group next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.next();
		}

		private void fetch(UploadcareRequest request) {
			if (++this.pages > MAX_PAGES) {
				throw new UploadcareServerException(LIST, 200, null, "more than " + MAX_PAGES + " pages", null);
			}
			JsonNode page = RestGroupAdminService.this.transport.exchangeForJson(request);
			List<Group> groups = new ArrayList<>();
			JsonNode results = page.get("results");
			if (results != null && results.isArray()) {
				for (JsonNode item : results) {
					groups.add(GroupJson.readGroup(LIST, item, RestGroupAdminService.this.cdnUrls));
				}
			}
			this.current = groups.iterator();
			String link = JsonFields.text(page, "next");
			if (link == null || link.isBlank()) {
				this.nextPage = null;
				return;
			}
			if (!this.seen.add(link)) {
				throw new UploadcareServerException(LIST, 200, null,
						"Uploadcare's 'next' link repeats an earlier page: " + link, null);
			}
			URI uri;
			try {
				uri = URI.create(link);
			}
			catch (IllegalArgumentException ex) {
				throw new UploadcareServerException(LIST, 200, null, "Uploadcare's 'next' link is not a URL", ex);
			}
			this.nextPage = UploadcareRequest.toUri(LIST, UploadcareApi.REST, HttpMethod.GET, uri).build();
		}

	}

}
