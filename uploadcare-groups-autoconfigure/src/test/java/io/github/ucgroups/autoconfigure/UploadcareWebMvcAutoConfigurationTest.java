package io.github.ucgroups.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.testsupport.NoSecurity;
import io.github.ucgroups.web.ValidGroupId;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@link UploadcareWebMvcAutoConfiguration}: controllers take GroupId and FileRef arguments; malformed values are answered with 400. */
@SpringBootTest(classes = UploadcareWebMvcAutoConfigurationTest.App.class,
		properties = { "uploadcare.public-key=demopublickey", NoSecurity.PROPERTY })
@AutoConfigureMockMvc
class UploadcareWebMvcAutoConfigurationTest {

	static final String GROUP = "d496a4df-0b36-4281-8156-268ae9524d4a~2";

	static final String FILE = "94a2218e-3526-428a-945e-65fbc06e7b35";

	@Autowired
	MockMvc mvc;

	@Test
	void bindsGroupIdPathVariable() throws Exception {
		this.mvc.perform(get("/groups/{id}", GROUP.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(content().string("d496a4df-0b36-4281-8156-268ae9524d4a|2"));
	}

	@Test
	void malformedGroupIdIsBadRequest() throws Exception {
		this.mvc.perform(get("/groups/{id}", "not-a-group")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/groups/{id}", "d496a4df-0b36-4281-8156-268ae9524d4a~0")).andExpect(status().isBadRequest());
	}

	@Test
	void bindsListOfFileRefs() throws Exception {
		this.mvc.perform(get("/files").param("files", FILE, FILE + "/-/resize/x800/",
				"https://ucarecdn.com/" + FILE + "/-/preview/photo.jpg"))
			.andExpect(status().isOk())
			.andExpect(content().string(FILE + "," + FILE + "/-/resize/x800/," + FILE + "/-/preview/"));
	}

	@Test
	void malformedFileRefIsBadRequest() throws Exception {
		this.mvc.perform(get("/files").param("files", FILE, "../etc/passwd")).andExpect(status().isBadRequest());
	}

	@Test
	void validatesGroupIdFieldOfFormObject() throws Exception {
		this.mvc.perform(post("/form").param("groupId", GROUP))
			.andExpect(status().isOk())
			.andExpect(content().string("ok:" + GROUP));
		this.mvc.perform(post("/form").param("groupId", "nope"))
			.andExpect(status().isOk())
			.andExpect(content().string("invalid:must be an Uploadcare group id such as d496a4df-0b36-4281-8156-268ae9524d4a~1"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestController.class)
	static class App {

	}

	public static class GroupForm {

		@ValidGroupId
		private String groupId;

		public String getGroupId() {
			return this.groupId;
		}

		public void setGroupId(String groupId) {
			this.groupId = groupId;
		}

	}

	@RestController
	static class TestController {

		@GetMapping("/groups/{id}")
		String group(@PathVariable GroupId id) {
			return id.uuid() + "|" + id.filesCount();
		}

		@GetMapping("/files")
		String files(@RequestParam List<FileRef> files) {
			return files.stream().map(FileRef::toWireValue).collect(Collectors.joining(","));
		}

		@PostMapping("/form")
		String form(@Valid @ModelAttribute GroupForm form, BindingResult result) {
			return result.hasErrors() ? "invalid:" + result.getFieldError("groupId").getDefaultMessage()
					: "ok:" + form.getGroupId();
		}

	}

}
