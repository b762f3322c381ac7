package io.github.ucgroups.browser;

import io.github.ucgroups.testsupport.NoSecurity;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What {@code <uc-form-input>} posts binds to {@link BrowserUpload} in {@code @RequestParam}s and
 * form objects; foreign hosts are 400s naming the value; the opt-in credentials endpoint answers
 * uncacheable JSON.
 */
@SpringBootTest(classes = BrowserUploadsWebMvcTest.App.class,
		properties = { NoSecurity.PROPERTY, "uploadcare.public-key=demopublickey", "uploadcare.secret-key=demosecretkey",
				"uploadcare.browser-uploads.credentials.enabled=true",
				"uploadcare.browser-uploads.cdn-hosts=cdn.example.com" })
@AutoConfigureMockMvc
class BrowserUploadsWebMvcTest {

	static final String GROUP = "d496a4df-0b36-4281-8156-268ae9524d4a~2";

	static final String FILE = "94a2218e-3526-428a-945e-65fbc06e7b35";

	static final String OTHER = "b1026315-8116-4632-8364-607e64fca723";

	@Autowired
	MockMvc mvc;

	@Test
	void groupUrlBindsToAGroup() throws Exception {
		this.mvc.perform(post("/one").param("photos", "https://1s4oyld5dc.ucarecd.net/" + GROUP + "/"))
			.andExpect(status().isOk())
			.andExpect(content().string("group:" + GROUP));
	}

	@Test
	void singleFileUrlWithOperationsBindsToAFile() throws Exception {
		this.mvc.perform(post("/one").param("photos", "https://cdn.example.com/" + FILE + "/-/crop/10x10/0,0/"))
			.andExpect(status().isOk())
			.andExpect(content().string("files:[" + FILE + "/-/crop/10x10/0,0/]"));
	}

	@Test
	void repeatedFileUrlsBindWithTheirBrackets() throws Exception {
		this.mvc.perform(post("/list").param("photos[]", "https://ucarecdn.com/" + FILE + "/",
				"https://ucarecdn.com/" + OTHER + "/-/preview/"))
			.andExpect(status().isOk())
			.andExpect(content().string("files:[" + FILE + ", " + OTHER + "/-/preview/]"));
	}

	@Test
	void formObjectsBindEveryShape() throws Exception {
		this.mvc.perform(post("/form").param("photos", "https://ucarecdn.com/" + GROUP + "/"))
			.andExpect(content().string("ok:group:" + GROUP));
		this.mvc.perform(post("/form").param("photos[]", "https://ucarecdn.com/" + FILE + "/",
				"https://ucarecdn.com/" + OTHER + "/"))
			.andExpect(content().string("ok:files:[" + FILE + ", " + OTHER + "]"));
	}

	@Test
	void foreignHostIsABadRequestNamingTheValue() throws Exception {
		this.mvc.perform(post("/one").param("photos", "https://evil.example/" + GROUP + "/"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/form").param("photos", "https://evil.example/" + GROUP + "/"))
			.andExpect(content().string(containsString("invalid:typeMismatch")))
			.andExpect(content().string(containsString("'https://evil.example/" + GROUP + "/' is not on an allowed")));
		this.mvc.perform(post("/one").param("photos", "https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~1001/"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void verifiedUploadConstraintNamesTheBrokenRule() throws Exception {
		// Five files where the form allows three: refused from the id, before any request.
		this.mvc.perform(post("/verified").param("photos", "https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~5/"))
			.andExpect(content().string("invalid:5 files were uploaded, at most 3 are allowed"));
	}

	@Test
	void credentialsEndpointAnswersFreshUncacheableSignatures() throws Exception {
		for (var request : new org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder[] {
				get("/uploadcare/upload-credentials"), post("/uploadcare/upload-credentials") }) {
			this.mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(jsonPath("$.secureSignature").value(matchesPattern("[0-9a-f]{64}")))
				.andExpect(jsonPath("$.secureExpire").value(matchesPattern("[0-9]{10}")))
				.andExpect(jsonPath("$.token").doesNotExist())
				.andExpect(jsonPath("$.expiresAt").doesNotExist());
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestController.class)
	static class App {

	}

	public static class PhotosForm {

		private BrowserUpload photos;

		public BrowserUpload getPhotos() {
			return this.photos;
		}

		public void setPhotos(BrowserUpload photos) {
			this.photos = photos;
		}

	}

	public static class VerifiedForm {

		@VerifiedUpload(maxFiles = 3, accept = "image/*")
		private BrowserUpload photos;

		public BrowserUpload getPhotos() {
			return this.photos;
		}

		public void setPhotos(BrowserUpload photos) {
			this.photos = photos;
		}

	}

	@RestController
	static class TestController {

		@PostMapping("/one")
		String one(@RequestParam BrowserUpload photos) {
			return describe(photos);
		}

		@PostMapping("/list")
		String list(@RequestParam("photos[]") BrowserUpload photos) {
			return describe(photos);
		}

		@PostMapping("/form")
		String form(@ModelAttribute PhotosForm form, BindingResult result) {
			return result.hasErrors()
					? "invalid:" + result.getFieldError("photos").getCode() + ":"
							+ org.springframework.core.NestedExceptionUtils
								.getMostSpecificCause(result.getFieldError("photos").unwrap(Exception.class))
								.getMessage()
					: "ok:" + describe(form.getPhotos());
		}

		@PostMapping("/verified")
		String verified(@Valid @ModelAttribute VerifiedForm form, BindingResult result) {
			return result.hasErrors() ? "invalid:" + result.getFieldError("photos").getDefaultMessage()
					: "ok:" + form.getPhotos().verifiedGroup().orElseThrow().id();
		}

		@GetMapping("/unused")
		String unused() {
			return "";
		}

		private static String describe(BrowserUpload upload) {
			return upload.isGroup() ? "group:" + upload.groupId().orElseThrow() : "files:" + upload.files();
		}

	}

}
