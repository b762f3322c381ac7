package io.github.ucgroups.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The credentials for one Upload API request: form fields ({@code signature}, {@code expire})
 * for the legacy scheme, or a bearer token for the JWT scheme. {@link #toString()} never shows
 * either.
 *
 * @param formFields fields to add to the request's form, in order
 * @param bearerToken a token for the {@code Authorization: Bearer} header, or {@code null}
 */
public record UploadAuthorization(Map<String, String> formFields, @Nullable String bearerToken) {

	/** No credentials. */
	public static final UploadAuthorization NONE = new UploadAuthorization(Map.of(), null);

	/**
	 * Creates credentials.
	 * @param formFields the form fields
	 * @param bearerToken the bearer token, or {@code null}
	 */
	public UploadAuthorization {
		// Map.copyOf would drop the order the fields are documented to keep.
		formFields = Collections.unmodifiableMap(new LinkedHashMap<>(formFields));
	}

	/**
	 * Adds the bearer token, if any, as an {@code Authorization} header.
	 * @param headers the request headers
	 */
	public void addTo(HttpHeaders headers) {
		if (this.bearerToken != null) {
			headers.setBearerAuth(this.bearerToken);
		}
	}

	/**
	 * Adds the form fields, if any, to a request form.
	 * @param form the request form
	 */
	public void addTo(MultiValueMap<String, Object> form) {
		this.formFields.forEach(form::add);
	}

	@Override
	public String toString() {
		return "UploadAuthorization[formFields=" + this.formFields.keySet() + ", bearerToken="
				+ ((this.bearerToken != null) ? "******" : "none") + "]";
	}

}
