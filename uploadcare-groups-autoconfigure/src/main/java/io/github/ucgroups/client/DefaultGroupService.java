package io.github.ucgroups.client;

import java.util.List;
import java.util.Objects;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.signing.UploadSigner;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@link GroupService} over the Upload API: {@code POST /group/} (multipart form with
 * {@code pub_key} and indexed {@code files[N]}, signed when signing is on) and
 * {@code GET /group/info/}.
 */
public class DefaultGroupService implements GroupService {

	static final String CREATE = "group.create";

	static final String INFO = "group.info";

	private static final String GROUP_SCOPE = "/group/";

	private final UploadcareTransport transport;

	private final UploadSigner signer;

	private final String publicKey;

	/**
	 * Creates the service.
	 * @param transport the Upload API transport
	 * @param signer signs group creation
	 * @param publicKey the project's public key
	 */
	public DefaultGroupService(UploadcareTransport transport, UploadSigner signer, String publicKey) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.signer = Objects.requireNonNull(signer, "signer must not be null");
		if (publicKey == null || publicKey.isBlank()) {
			throw new IllegalArgumentException("The Uploadcare public key must not be blank");
		}
		this.publicKey = publicKey;
	}

	@Override
	public Group createGroupFromRefs(List<FileRef> files) {
		Objects.requireNonNull(files, "files must not be null");
		if (files.isEmpty()) {
			throw new IllegalArgumentException("A group needs at least one file; the list is empty");
		}
		if (files.size() > GroupId.MAX_FILES) {
			throw new IllegalArgumentException(
					"A group holds at most " + GroupId.MAX_FILES + " files; " + files.size() + " were given");
		}
		for (int i = 0; i < files.size(); i++) {
			if (files.get(i) == null) {
				throw new IllegalArgumentException("files[" + i + "] is null");
			}
		}
		List<FileRef> snapshot = List.copyOf(files);
		UploadcareRequest request = UploadcareRequest.to(CREATE, UploadcareApi.UPLOAD, HttpMethod.POST, "/group/")
			.headers((headers) -> this.signer.authorize(GROUP_SCOPE).addTo(headers))
			.body(MediaType.MULTIPART_FORM_DATA, () -> createForm(snapshot))
			.observationDetails((context) -> context.setFileCount(snapshot.size()))
			.build();
		return GroupJson.readGroup(CREATE, this.transport.exchangeForJson(request));
	}

	private MultiValueMap<String, Object> createForm(List<FileRef> files) {
		MultiValueMap<String, Object> form = new SignedForm();
		form.add("pub_key", this.publicKey);
		for (int i = 0; i < files.size(); i++) {
			form.add("files[" + i + "]", files.get(i).toWireValue());
		}
		// Signed per attempt: a retry after a long Retry-After still carries a valid expiry.
		this.signer.authorize(GROUP_SCOPE).addTo(form);
		return form;
	}

	@Override
	public Group getGroup(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		UploadcareRequest request = UploadcareRequest.to(INFO, UploadcareApi.UPLOAD, HttpMethod.GET, "/group/info/")
			.query("pub_key", this.publicKey)
			.query("group_id", groupId.toString())
			.observationDetails((context) -> context.setGroupId(groupId.toString()))
			.build();
		return GroupJson.readGroup(INFO, this.transport.exchangeForJson(request));
	}

	@Override
	public String toString() {
		return "DefaultGroupService[publicKey=" + this.publicKey + "]";
	}

	/**
	 * The form of {@code POST /group/}. RestClient logs request bodies with {@code toString()}
	 * at DEBUG (in full at TRACE), so the signature is masked there.
	 */
	static final class SignedForm extends LinkedMultiValueMap<String, Object> {

		private static final long serialVersionUID = 1L;

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("{");
			forEach((name, values) -> {
				if (text.length() > 1) {
					text.append(", ");
				}
				text.append(name).append('=').append(name.equals("signature") ? "[******]" : values);
			});
			return text.append('}').toString();
		}

	}

}
