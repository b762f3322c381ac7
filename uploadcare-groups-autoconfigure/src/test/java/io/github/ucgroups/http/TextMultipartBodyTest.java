package io.github.ucgroups.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Text-only multipart forms are written at once, byte for byte as a browser would. */
class TextMultipartBodyTest {

	@Test
	void writesEveryFieldInOrderWithTheBoundaryOfItsContentType() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("pub_key", "demopublickey");
		form.add("files[0]", "a8d2a0c1-22c6-4a44-9ca0-98a9c7bb4f5d/-/resize/10x/");
		form.add("metadata[note]", "grüße \"quoted\"");
		TextMultipartBody body = TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, form);
		assertThat(body).isNotNull();
		String boundary = body.contentType().getParameter("boundary");
		assertThat(boundary).hasSize(30).matches("[0-9A-Za-z]+");
		assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"pub_key\"\r\n\r\ndemopublickey\r\n" + "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"files[0]\"\r\n\r\n"
				+ "a8d2a0c1-22c6-4a44-9ca0-98a9c7bb4f5d/-/resize/10x/\r\n" + "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"metadata[note]\"\r\n\r\ngrüße \"quoted\"\r\n" + "--"
				+ boundary + "--\r\n");
	}

	@Test
	void escapesQuotesAndLineBreaksInNamesAsBrowsersDo() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("metadata[a\"b\r\nc]", "v");
		TextMultipartBody body = TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, form);
		assertThat(new String(body.bytes(), StandardCharsets.UTF_8))
			.contains("name=\"metadata[a%22b%0D%0Ac]\"\r\n");
	}

	@Test
	void eachBodyHasItsOwnBoundary() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("pub_key", "k");
		assertThat(TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, form).contentType())
			.isNotEqualTo(TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, form).contentType());
	}

	@Test
	void leavesFilePartsAndOtherBodiesToSpring() {
		MultiValueMap<String, Object> withFile = new LinkedMultiValueMap<>();
		withFile.add("pub_key", "k");
		withFile.add("file", new ByteArrayResource(new byte[] { 1 }));
		assertThat(TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, withFile)).isNull();
		MultiValueMap<String, Object> text = new LinkedMultiValueMap<>();
		text.add("a", "b");
		assertThat(TextMultipartBody.encode(MediaType.APPLICATION_FORM_URLENCODED, text)).isNull();
		assertThat(TextMultipartBody.encode(null, text)).isNull();
		assertThat(TextMultipartBody.encode(MediaType.MULTIPART_FORM_DATA, "not a form")).isNull();
	}

}
