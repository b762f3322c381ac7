package io.github.ucgroups.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.OrphanPolicy;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareBatchUploadException.OrphanOutcome;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.observation.UploadcareObservationContext;
import io.github.ucgroups.observation.UploadcareObservationConvention;
import io.github.ucgroups.observation.UploadcareObservationDocumentation;
import io.github.ucgroups.observation.UploadcareOperations;

/**
 * Upload-then-group, the orchestration behind {@link DefaultGroupService#uploadGroup}: checks
 * every request, uploads the files through the {@link UploadService}, creates the group of the
 * uploaded files in submission order, and hands the files of a group that was not created to the
 * orphan policy. The whole call is observed as {@value UploadcareOperations#GROUP_CREATE_FROM_UPLOADS}; its
 * uploads and the group creation nest under it.
 */
public final class GroupUploads {

	private final UploadService uploadService;

	private final OrphanHandling orphans;

	private final ObservationRegistry observationRegistry;

	private final @Nullable UploadcareObservationConvention observationConvention;

	/**
	 * Creates the orchestration.
	 * @param uploadService uploads the files
	 * @param orphanPolicy what to do with uploaded files when their group is not created
	 * @param orphanRemover deletes them under {@link OrphanPolicy#DELETE}, or {@code null} if
	 * nothing can (no REST client or no secret key): they are then kept, with a warning
	 * @param observationRegistry where the observation goes
	 * @param observationConvention a convention replacing the default, or {@code null}
	 */
	public GroupUploads(UploadService uploadService, OrphanPolicy orphanPolicy,
			@Nullable OrphanFileRemover orphanRemover, ObservationRegistry observationRegistry,
			@Nullable UploadcareObservationConvention observationConvention) {
		this.uploadService = Objects.requireNonNull(uploadService, "uploadService must not be null");
		this.orphans = new OrphanHandling(orphanPolicy, orphanRemover);
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.observationConvention = observationConvention;
	}

	/**
	 * Uploads the files, then creates their group with the given function.
	 * @param requests the files and their operations
	 * @param options the upload options
	 * @param createGroup creates the group of the uploaded files
	 * @return the new group
	 */
	Group uploadGroup(List<UploadRequest> requests, UploadOptions options,
			Function<List<FileRef>, Group> createGroup) {
		Objects.requireNonNull(requests, "requests must not be null");
		Objects.requireNonNull(options, "options must not be null");
		GroupSize.check(requests.size());
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
		UploadcareObservationContext context = new UploadcareObservationContext(UploadcareOperations.GROUP_CREATE_FROM_UPLOADS);
		context.setFileCount(sources.size());
		context.setBytes(sources.stream().mapToLong(UploadSource::size).sum());
		return UploadcareObservationDocumentation.operation(context, this.observationConvention, this.observationRegistry)
			.observe(() -> uploadAndGroup(requests, sources, options, context, createGroup));
	}

	private Group uploadAndGroup(List<UploadRequest> requests, List<UploadSource> sources, UploadOptions options,
			UploadcareObservationContext context, Function<List<FileRef>, Group> createGroup) {
		List<UploadedFile> files;
		try {
			files = this.uploadService.uploadAll(sources, options);
		}
		catch (UploadcareBatchUploadException ex) {
			List<String> orphanUuids = new ArrayList<>(ex.getUploadedUuids());
			orphanUuids.addAll(ex.getPossiblyStoredUuids()); // deleting one that was never stored is harmless
			OrphanOutcome outcome = this.orphans.handle(orphanUuids);
			UploadcareBatchUploadException failure = new UploadcareBatchUploadException(
					UploadcareOperations.GROUP_CREATE_FROM_UPLOADS, ex.getTotal(), ex.getUploaded(), ex.getFailures(), null, outcome);
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
			Group group = createGroup.apply(refs);
			context.setGroupId(group.id().toString());
			return group;
		}
		catch (UploadcareException ex) {
			OrphanOutcome outcome = this.orphans.handle(files.stream().map(UploadedFile::uuid).toList());
			throw new UploadcareBatchUploadException(UploadcareOperations.GROUP_CREATE_FROM_UPLOADS, files.size(), uploaded,
					List.of(), ex, outcome);
		}
	}

	/** The group size limits, checked before anything is sent. */
	static final class GroupSize {

		private GroupSize() {
		}

		static void check(int size) {
			if (size == 0) {
				throw new IllegalArgumentException("A group needs at least one file; the list is empty");
			}
			if (size > GroupId.MAX_FILES) {
				throw new IllegalArgumentException(
						"A group holds at most " + GroupId.MAX_FILES + " files; " + size + " were given");
			}
		}

	}

}
