package io.github.ucgroups.client;

import java.util.List;
import java.util.Objects;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.json.GroupJson;
import io.github.ucgroups.observation.UploadcareOperations;
import io.github.ucgroups.signing.UploadSigner;

import org.springframework.http.HttpMethod;

/**
 * {@link GroupService} over the Upload API: {@code POST /group/} (multipart form with
 * {@code pub_key} and indexed {@code files[N]}, signed when signing is on) and
 * {@code GET /group/info/}. Groups of new uploads ({@link #uploadGroup}) are left to
 * {@link GroupUploads}, which uploads the files and then calls {@link #createGroup}.
 */
public class DefaultGroupService implements GroupService {

	/** The endpoint, also the JWT scope of group creation. */
	private static final String GROUP_PATH = "/group/";

	private final UploadcareTransport transport;

	private final UploadForm form;

	private final String publicKey;

	private final CdnUrls cdnUrls;

	private final GroupUploads uploads;

	/**
	 * Creates the service.
	 * @param transport the Upload API transport
	 * @param signer signs group creation
	 * @param publicKey the project's public key
	 * @param cdnUrls builds each group's {@link Group#cdnUrl()} (the host named in Uploadcare's
	 * answer is not used: it still says {@code ucarecdn.com} for projects served elsewhere)
	 * @param uploads uploads the files of {@link #uploadGroup} and handles the orphans of a
	 * group that was not created
	 */
	public DefaultGroupService(UploadcareTransport transport, UploadSigner signer, String publicKey, CdnUrls cdnUrls,
			GroupUploads uploads) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.form = new UploadForm(publicKey, signer); // refuses a blank key, naming it
		this.publicKey = publicKey;
		this.cdnUrls = Objects.requireNonNull(cdnUrls, "cdnUrls must not be null");
		this.uploads = Objects.requireNonNull(uploads, "uploads must not be null");
	}

	@Override
	public Group createGroup(List<FileRef> files) {
		Objects.requireNonNull(files, "files must not be null");
		GroupUploads.GroupSize.check(files.size());
		for (int i = 0; i < files.size(); i++) {
			if (files.get(i) == null) {
				throw new IllegalArgumentException("files[" + i + "] is null");
			}
		}
		List<FileRef> snapshot = List.copyOf(files);
		UploadcareRequest request = this.form
			.post(UploadcareOperations.GROUP_CREATE, GROUP_PATH, GROUP_PATH, UploadForm.PUB_KEY, (fields) -> {
				for (int i = 0; i < snapshot.size(); i++) {
					fields.add("files[" + i + "]", snapshot.get(i).toWireValue());
				}
			})
			.observationDetails((context) -> context.setFileCount(snapshot.size()))
			.build();
		return this.transport.exchangeForJson(request,
				(json) -> GroupJson.readGroup(UploadcareOperations.GROUP_CREATE, json, this.cdnUrls));
	}

	@Override
	public Group uploadGroup(List<UploadRequest> requests, UploadOptions options) {
		return this.uploads.uploadGroup(requests, options, this::createGroup);
	}

	@Override
	public Group getGroup(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		UploadcareRequest request = UploadcareRequest
			.to(UploadcareOperations.GROUP_INFO, UploadcareApi.UPLOAD, HttpMethod.GET, "/group/info/")
			.query(UploadForm.PUB_KEY, this.publicKey)
			.query("group_id", groupId.toString())
			.observationDetails((context) -> context.setGroupId(groupId.toString()))
			.build();
		return this.transport.exchangeForJson(request,
				(json) -> GroupJson.readGroup(UploadcareOperations.GROUP_INFO, json, this.cdnUrls));
	}

	@Override
	public String toString() {
		return "DefaultGroupService[publicKey=" + this.publicKey + "]";
	}

}
