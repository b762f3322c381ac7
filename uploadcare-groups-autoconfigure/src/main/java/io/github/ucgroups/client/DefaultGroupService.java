package io.github.ucgroups.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareBatchUploadException.OrphanOutcome;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareObservationContext;
import io.github.ucgroups.observation.UploadcareObservationConvention;
import io.github.ucgroups.observation.UploadcareObservationDocumentation;
import io.github.ucgroups.signing.UploadSigner;

import org.springframework.http.HttpMethod;

/**
 * {@link GroupService} over the Upload API: {@code POST /group/} (multipart form with
 * {@code pub_key} and indexed {@code files[N]}, signed when signing is on) and
 * {@code GET /group/info/}. Groups of new uploads ({@link #createGroupFromUploadRequests}) need
 * the {@link UploadService} given to the constructor.
 */
public class DefaultGroupService implements GroupService {

	static final String CREATE = "group.create";

	static final String INFO = "group.info";

	static final String CREATE_FROM_UPLOADS = "group.create-from-uploads";

	/** The endpoint, also the JWT scope of group creation. */
	private static final String GROUP_PATH = "/group/";

	private static final Log logger = LogFactory.getLog(DefaultGroupService.class);

	private final UploadcareTransport transport;

	private final UploadForm form;

	private final String publicKey;

	private final @Nullable UploadService uploadService;

	private final OrphanPolicy orphanPolicy;

	private final @Nullable OrphanFileRemover orphanRemover;

	private final ObservationRegistry observationRegistry;

	private final @Nullable UploadcareObservationConvention observationConvention;

	private final CdnUrls cdnUrls;

	/**
	 * Creates the service; group CDN URLs are on the project's own CDN host
	 * ({@link CdnUrls#projectCdnBase(String)}).
	 * @param transport the Upload API transport
	 * @param signer signs group creation
	 * @param publicKey the project's public key
	 */
	public DefaultGroupService(UploadcareTransport transport, UploadSigner signer, String publicKey) {
		this(transport, signer, publicKey, null, OrphanPolicy.KEEP, null, ObservationRegistry.NOOP, null,
				projectCdn(publicKey));
	}


	/**
	 * Creates the service with uploads; group CDN URLs are on the project's own CDN host
	 * ({@link CdnUrls#projectCdnBase(String)}).
	 * @param transport the Upload API transport
	 * @param signer signs group creation
	 * @param publicKey the project's public key
	 * @param uploadService uploads the files of {@link #createGroupFromUploadRequests}
	 * @param orphanPolicy what to do with uploaded files when their group is not created
	 * @param orphanRemover deletes them under {@link OrphanPolicy#DELETE}, or {@code null} if
	 * nothing can (no REST client or no secret key): they are then kept, with a warning
	 */
	public DefaultGroupService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			UploadService uploadService, OrphanPolicy orphanPolicy, @Nullable OrphanFileRemover orphanRemover) {
		this(transport, signer, publicKey, uploadService, orphanPolicy, orphanRemover, ObservationRegistry.NOOP, null,
				projectCdn(publicKey));
	}

	/**
	 * Creates the service with uploads, observing each {@value #CREATE_FROM_UPLOADS} as a whole
	 * (its uploads and the group creation nest under it).
	 * @param transport the Upload API transport
	 * @param signer signs group creation
	 * @param publicKey the project's public key
	 * @param uploadService uploads the files of {@link #createGroupFromUploadRequests}, or
	 * {@code null} for a service without uploads
	 * @param orphanPolicy what to do with uploaded files when their group is not created
	 * @param orphanRemover deletes them under {@link OrphanPolicy#DELETE}, or {@code null}
	 * @param observationRegistry where the observation goes
	 * @param observationConvention a convention replacing the default, or {@code null}
	 * @param cdnUrls builds each group's {@link Group#cdnUrl()} (the host named in Uploadcare's
	 * answer is not used: it still says {@code ucarecdn.com} for projects served elsewhere)
	 */
	public DefaultGroupService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			@Nullable UploadService uploadService, OrphanPolicy orphanPolicy, @Nullable OrphanFileRemover orphanRemover,
			ObservationRegistry observationRegistry, @Nullable UploadcareObservationConvention observationConvention,
			CdnUrls cdnUrls) {
		this.cdnUrls = Objects.requireNonNull(cdnUrls, "cdnUrls must not be null");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.observationConvention = observationConvention;
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.form = new UploadForm(publicKey, signer);
		this.publicKey = publicKey;
		this.uploadService = uploadService;
		this.orphanPolicy = Objects.requireNonNull(orphanPolicy, "orphanPolicy must not be null");
		this.orphanRemover = orphanRemover;
		if (uploadService != null && orphanPolicy == OrphanPolicy.DELETE && orphanRemover == null) {
			logger.warn("uploadcare.upload.orphans=delete, but nothing can delete files (the REST API needs "
					+ "uploadcare.secret-key and the REST client): uploaded files of groups that fail will be kept");
		}
	}

	@Override
	public Group createGroupFromRefs(List<FileRef> files) {
		Objects.requireNonNull(files, "files must not be null");
		checkGroupSize(files.size());
		for (int i = 0; i < files.size(); i++) {
			if (files.get(i) == null) {
				throw new IllegalArgumentException("files[" + i + "] is null");
			}
		}
		List<FileRef> snapshot = List.copyOf(files);
		UploadcareRequest request = this.form
			.post(CREATE, GROUP_PATH, GROUP_PATH, UploadForm.PUB_KEY, (fields) -> {
				for (int i = 0; i < snapshot.size(); i++) {
					fields.add("files[" + i + "]", snapshot.get(i).toWireValue());
				}
			})
			.observationDetails((context) -> context.setFileCount(snapshot.size()))
			.build();
		return this.transport.exchangeForJson(request, (json) -> GroupJson.readGroup(CREATE, json, this.cdnUrls));
	}

	private static CdnUrls projectCdn(String publicKey) {
		return new CdnUrls(CdnUrls.projectCdnBase(publicKey)); // refuses a blank key, naming it
	}

	private static void checkGroupSize(int size) {
		if (size == 0) {
			throw new IllegalArgumentException("A group needs at least one file; the list is empty");
		}
		if (size > GroupId.MAX_FILES) {
			throw new IllegalArgumentException(
					"A group holds at most " + GroupId.MAX_FILES + " files; " + size + " were given");
		}
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalStateException if this service was created without an
	 * {@link UploadService}
	 */
	@Override
	public Group createGroupFromUploadRequests(List<UploadRequest> requests, UploadOptions options) {
		Objects.requireNonNull(requests, "requests must not be null");
		Objects.requireNonNull(options, "options must not be null");
		checkGroupSize(requests.size());
		List<UploadSource> sources = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			UploadRequest request = requests.get(i);
			if (request == null) {
				throw new IllegalArgumentException("requests[" + i + "] is null");
			}
			if (request.source().size() < 0) {
				throw new IllegalArgumentException("requests[" + i + "] (" + request.source().filename()
						+ ") has an unknown size; Uploadcare needs it in advance");
			}
			sources.add(request.source());
		}
		UploadService uploads = this.uploadService;
		if (uploads == null) {
			throw new IllegalStateException("This GroupService was created without an UploadService");
		}
		UploadcareObservationContext context = new UploadcareObservationContext(CREATE_FROM_UPLOADS);
		context.setFileCount(sources.size());
		context.setBytes(sources.stream().mapToLong(UploadSource::size).sum());
		return UploadcareObservationDocumentation.operation(context, this.observationConvention, this.observationRegistry)
			.observe(() -> uploadAndGroup(uploads, requests, sources, options, context));
	}

	private Group uploadAndGroup(UploadService uploads, List<UploadRequest> requests, List<UploadSource> sources,
			UploadOptions options, UploadcareObservationContext context) {
		List<UploadedFile> files;
		try {
			files = uploads.uploadAll(sources, options);
		}
		catch (UploadcareBatchUploadException ex) {
			List<String> orphans = new ArrayList<>(ex.getUploadedUuids());
			orphans.addAll(ex.getPossiblyStoredUuids()); // deleting one that was never stored is harmless
			OrphanOutcome outcome = handleOrphans(orphans);
			UploadcareBatchUploadException failure = new UploadcareBatchUploadException(CREATE_FROM_UPLOADS,
					ex.getTotal(), ex.getUploaded(), ex.getFailures(), null, outcome);
			failure.addSuppressed(ex);
			throw failure;
		}
		List<FileRef> refs = new ArrayList<>(files.size());
		List<UploadcareBatchUploadException.Uploaded> uploaded = new ArrayList<>(files.size());
		for (int i = 0; i < files.size(); i++) {
			refs.add(files.get(i).toFileRef().withOperations(requests.get(i).operations()));
			uploaded.add(new UploadcareBatchUploadException.Uploaded(i, files.get(i)));
		}
		try {
			Group group = createGroupFromRefs(refs);
			context.setGroupId(group.id().toString());
			return group;
		}
		catch (UploadcareException ex) {
			OrphanOutcome outcome = handleOrphans(files.stream().map(UploadedFile::uuid).toList());
			throw new UploadcareBatchUploadException(CREATE_FROM_UPLOADS, files.size(), uploaded, List.of(), ex,
					outcome);
		}
	}

	private OrphanOutcome handleOrphans(List<String> uuids) {
		if (uuids.isEmpty() || this.orphanPolicy == OrphanPolicy.KEEP) {
			return OrphanOutcome.KEPT;
		}
		OrphanFileRemover remover = this.orphanRemover;
		if (remover == null) {
			logger.warn("uploadcare.upload.orphans=delete, but nothing can delete files (the REST API needs "
					+ "uploadcare.secret-key); keeping the uploaded files " + uuids);
			return OrphanOutcome.KEPT;
		}
		try {
			remover.delete(uuids);
			return OrphanOutcome.DELETED;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete the uploaded files " + uuids + " of a group that was not created", ex);
			return OrphanOutcome.DELETE_FAILED;
		}
	}

	@Override
	public Group getGroup(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		UploadcareRequest request = UploadcareRequest.to(INFO, UploadcareApi.UPLOAD, HttpMethod.GET, "/group/info/")
			.query(UploadForm.PUB_KEY, this.publicKey)
			.query("group_id", groupId.toString())
			.observationDetails((context) -> context.setGroupId(groupId.toString()))
			.build();
		return this.transport.exchangeForJson(request, (json) -> GroupJson.readGroup(INFO, json, this.cdnUrls));
	}

	@Override
	public String toString() {
		return "DefaultGroupService[publicKey=" + this.publicKey + "]";
	}

}
