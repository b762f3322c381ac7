package io.github.ucgroups.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick-start controller, kept compiling and working: its three endpoints against
 * the embedded emulator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ReadmeQuickStartTest.AlbumController.class)
class ReadmeQuickStartTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theQuickStartControllerWorks() {
		RestClient http = RestClient.create("http://localhost:" + this.port);
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("files", new SampleAppHttpTest.NamedResource("a.txt", "alpha".getBytes()));
		form.add("files", new SampleAppHttpTest.NamedResource("b.txt", "beta".getBytes()));
		ResponseEntity<String> created = http.post()
			.uri("/albums")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String id = json.readTree(created.getBody()).get("id").asString();
		assertThat(created.getHeaders().getLocation()).hasToString("/albums/" + id);

		JsonNode album = json.readTree(http.get().uri("/albums/" + id).retrieve().body(String.class));
		// a Group as JSON: the id as its "<uuid>~N" string, operations as their path
		assertThat(album.at("/id").asString()).isEqualTo(id).endsWith("~2");
		assertThat(album.at("/filesCount").asInt()).isEqualTo(2);
		assertThat(album.at("/files/0/removed").asBoolean()).isFalse();
		String uuid = album.at("/files/0/uuid").asString();

		JsonNode regrouped = json.readTree(http.post()
			.uri("/albums/from-uuids")
			.contentType(MediaType.APPLICATION_JSON)
			.body(List.of(uuid + "/-/resize/x800/"))
			.retrieve()
			.body(String.class));
		assertThat(regrouped.at("/files/0/defaultEffects").asString()).isEqualTo("-/resize/x800/");
	}

	/** The README's controller, verbatim but for its class name. */
	@RestController
	static class AlbumController {

		private final GroupService groups;

		AlbumController(GroupService groups) {
			this.groups = groups;
		}

		@PostMapping(path = "/albums", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
		ResponseEntity<Map<String, Object>> create(@RequestParam List<MultipartFile> files) {
			Group group = this.groups.uploadGroup(UploadRequest.allOf(files.stream().map(UploadSource::of).toList()));
			return ResponseEntity.created(URI.create("/albums/" + group.id()))
				.body(Map.of("id", group.id().toString(), "cdnUrl", group.cdnUrl()));
		}

		@PostMapping("/albums/from-uuids")
		Group fromUuids(@RequestBody List<String> files) {
			return this.groups.createGroup(FileRef.parseAll(files));
		}

		@GetMapping("/albums/{id}")
		Group show(@PathVariable GroupId id) {
			return this.groups.getGroup(id);
		}

	}

}
