package io.github.ucgroups.sample;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over Spring's multipart limit: 413 problem JSON for the API, the form with a message
 * for the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=4KB" })
class SizeLimitTest {

	@LocalServerPort
	int port;

	@Test
	void apiAnswers413WithAProblem() {
		ResponseEntity<String> response = post("/api/groups");
		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = JsonMapper.builder().build().readTree(response.getBody());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("detail").asString()).contains("1 KB");
	}

	@Test
	void pageReshowsTheFormWithTheLimit() {
		ResponseEntity<String> response = post("/groups");
		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getBody()).contains("Too large").contains("1 KB").contains("name=\"files\"");
	}

	private ResponseEntity<String> post(String path) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("files", new SampleAppHttpTest.NamedResource("big.bin", new byte[2048]));
		return TestHttp.client(this.port)
			.post()
			.uri(path)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);
	}

}
