package io.github.ucgroups.client;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.signing.SignedForm;
import io.github.ucgroups.signing.UploadAuthorization;
import io.github.ucgroups.signing.UploadSigner;

/**
 * The Upload API's signed multipart forms: the project's public key, metadata fields, and the
 * credentials of the signer, obtained once per attempt and used for both the
 * {@code Authorization} header (JWT) and the form fields ({@code signature}/{@code expire}).
 * Every attempt signs afresh, so a retry after a long {@code Retry-After} still carries a valid
 * expiry.
 */
final class UploadForm {

	/** The public key's field name on {@code /base/} and {@code /multipart/*}. */
	static final String UPLOADCARE_PUB_KEY = "UPLOADCARE_PUB_KEY";

	/** The public key's field name on {@code /group/} and {@code /from_url/}. */
	static final String PUB_KEY = "pub_key";

	private final String publicKey;

	private final UploadSigner signer;

	UploadForm(String publicKey, UploadSigner signer) {
		if (publicKey == null || publicKey.isBlank()) {
			throw new IllegalArgumentException("The Uploadcare public key must not be blank");
		}
		this.publicKey = publicKey;
		this.signer = Objects.requireNonNull(signer, "signer must not be null");
	}

	String publicKey() {
		return this.publicKey;
	}

	/**
	 * Describes a {@code POST} of a signed form: the public key under {@code publicKeyField},
	 * then {@code fields}, then the signing fields, then {@code trailing} (the file part goes
	 * last, after every field the server checks first).
	 * @param operation the operation name
	 * @param path the endpoint path, e.g. {@code /base/}
	 * @param scope the signer's scope
	 * @param publicKeyField {@link #UPLOADCARE_PUB_KEY} or {@link #PUB_KEY}
	 * @param fields adds the endpoint's fields
	 * @param trailing adds parts after the signing fields
	 * @return the request builder, for more details
	 */
	UploadcareRequest.Builder post(String operation, String path, String scope, String publicKeyField,
			Consumer<SignedForm> fields, Consumer<SignedForm> trailing) {
		return authorized(operation, path, scope, (form, authorization) -> {
			form.add(publicKeyField, this.publicKey);
			fields.accept(form);
			authorization.addTo(form);
			trailing.accept(form);
		});
	}

	/**
	 * Describes a {@code POST} of a signed form without trailing parts.
	 * @param operation the operation name
	 * @param path the endpoint path
	 * @param scope the signer's scope
	 * @param publicKeyField the public key's field name
	 * @param fields adds the endpoint's fields
	 * @return the request builder
	 */
	UploadcareRequest.Builder post(String operation, String path, String scope, String publicKeyField,
			Consumer<SignedForm> fields) {
		return post(operation, path, scope, publicKeyField, fields, (form) -> {
		});
	}

	/**
	 * Describes a {@code POST} of a form that only carries the bearer token, if any (no signing
	 * fields), as {@code /multipart/complete/} wants it.
	 * @param operation the operation name
	 * @param path the endpoint path
	 * @param scope the signer's scope
	 * @param fields adds the fields after the public key
	 * @return the request builder
	 */
	UploadcareRequest.Builder postWithToken(String operation, String path, String scope, Consumer<SignedForm> fields) {
		return authorized(operation, path, scope, (form, authorization) -> {
			form.add(UPLOADCARE_PUB_KEY, this.publicKey);
			fields.accept(form);
		});
	}

	private UploadcareRequest.Builder authorized(String operation, String path, String scope, FormWriter writer) {
		// The transport applies the headers of an attempt before it asks for its body: the
		// credentials obtained for the header are the ones the form carries.
		AtomicReference<UploadAuthorization> attempt = new AtomicReference<>(UploadAuthorization.NONE);
		return UploadcareRequest.to(operation, UploadcareApi.UPLOAD, HttpMethod.POST, path).headers((headers) -> {
			UploadAuthorization authorization = this.signer.authorize(scope);
			attempt.set(authorization);
			authorization.addTo(headers);
		}).body(MediaType.MULTIPART_FORM_DATA, () -> {
			SignedForm form = new SignedForm();
			writer.write(form, attempt.get());
			return form;
		});
	}

	/**
	 * Adds {@code metadata[key]} fields.
	 * @param form the form
	 * @param metadata the metadata, in order
	 */
	static void addMetadata(SignedForm form, Map<String, String> metadata) {
		metadata.forEach((key, value) -> form.add("metadata[" + key + "]", value));
	}

	@FunctionalInterface
	private interface FormWriter {

		void write(SignedForm form, UploadAuthorization authorization);

	}

}
