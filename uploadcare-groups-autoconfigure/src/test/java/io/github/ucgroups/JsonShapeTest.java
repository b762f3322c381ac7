package io.github.ucgroups;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public records as JSON through Boot's own mapper (Jackson 3, as a Spring MVC controller
 * returning them would write them): ids and file references as their wire strings, operations as
 * their path, URLs as strings, removed files flagged.
 */
class JsonShapeTest {

	private static final AtomicReference<JsonMapper> BOOT_MAPPER = new AtomicReference<>();

	private static final String FILE = "94a2218e-3526-428a-945e-65fbc06e7b35";

	private static final String REMOVED = "b1026315-8116-4632-8364-607e64fca723";

	@BeforeAll
	static void bootsMapper() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> BOOT_MAPPER.set(context.getBean(JsonMapper.class)));
	}

	private static JsonMapper mapper() {
		return BOOT_MAPPER.get();
	}

	private static JsonNode json(Object value) {
		return mapper().readTree(mapper().writeValueAsString(value));
	}

	@Test
	void groupReadsAsAUserExpects() {
		GroupId id = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~3");
		GroupFile present = new GroupFile(FILE, "logo.png", 3303, "image/png", true, true, true,
				CdnOperations.of("resize/x800"), new GroupFile.ImageInfo(134, 60, "PNG"));
		GroupFile removed = new GroupFile(REMOVED, "old.txt", 12, "text/plain", false, false, true, CdnOperations.NONE,
				null, Instant.parse("2023-03-01T10:00:00.123456Z"));
		Group group = new Group(id, Instant.parse("2021-10-19T08:36:22.326641Z"), 3,
				URI.create("https://1s4oyld5dc.ucarecd.net/" + id + "/"),
				URI.create("https://api.uploadcare.com/groups/" + id + "/"), Arrays.asList(present, removed, null));

		JsonNode tree = json(group);

		assertThat(tree.get("id").asString()).isEqualTo("d496a4df-0b36-4281-8156-268ae9524d4a~3");
		assertThat(tree.get("createdAt").asString()).isEqualTo("2021-10-19T08:36:22.326641Z");
		assertThat(tree.get("filesCount").asInt()).isEqualTo(3);
		assertThat(tree.get("cdnUrl").asString()).isEqualTo("https://1s4oyld5dc.ucarecd.net/" + id + "/");
		assertThat(tree.get("url").asString()).isEqualTo("https://api.uploadcare.com/groups/" + id + "/");
		assertThat(tree.propertyNames()).containsExactlyInAnyOrder("id", "createdAt", "filesCount", "cdnUrl", "url",
				"files");
		JsonNode files = tree.get("files");
		assertThat(files.size()).isEqualTo(3);

		JsonNode first = files.get(0);
		assertThat(first.get("uuid").asString()).isEqualTo(FILE);
		assertThat(first.get("originalFilename").asString()).isEqualTo("logo.png");
		assertThat(first.get("size").asLong()).isEqualTo(3303);
		assertThat(first.get("mimeType").asString()).isEqualTo("image/png");
		assertThat(first.get("defaultEffects").asString()).isEqualTo("-/resize/x800/");
		assertThat(first.get("imageInfo").get("width").asInt()).isEqualTo(134);
		assertThat(first.get("removed").asBoolean()).isFalse();
		assertThat(first.get("removedAt").isNull()).isTrue();

		JsonNode second = files.get(1);
		assertThat(second.get("uuid").asString()).isEqualTo(REMOVED);
		assertThat(second.get("removed").asBoolean()).isTrue();
		assertThat(second.get("removedAt").asString()).isEqualTo("2023-03-01T10:00:00.123456Z");
		assertThat(second.get("defaultEffects").asString()).isEmpty();

		JsonNode purged = files.get(2);
		assertThat(purged.get("uuid").isNull()).isTrue();
		assertThat(purged.get("removed").asBoolean()).isTrue();
		assertThat(purged.propertyNames()).containsExactlyInAnyOrder("uuid", "originalFilename", "size", "mimeType",
				"image", "stored", "ready", "defaultEffects", "imageInfo", "removedAt", "removed");
	}

	@Test
	void valueTypesAreTheirWireStringsBothWays() {
		GroupId id = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~1");
		FileRef ref = FileRef.of(FILE).withOperations("resize/x800");
		CdnOperations operations = CdnOperations.of("resize/x800", "quality/smart");

		assertThat(mapper().writeValueAsString(id)).isEqualTo("\"d496a4df-0b36-4281-8156-268ae9524d4a~1\"");
		assertThat(mapper().writeValueAsString(ref)).isEqualTo("\"" + FILE + "/-/resize/x800/\"");
		assertThat(mapper().writeValueAsString(FileRef.of(FILE))).isEqualTo("\"" + FILE + "\"");
		assertThat(mapper().writeValueAsString(operations)).isEqualTo("\"-/resize/x800/-/quality/smart/\"");

		assertThat(mapper().readValue("\"d496a4df-0b36-4281-8156-268ae9524d4a~1\"", GroupId.class)).isEqualTo(id);
		assertThat(mapper().readValue("\"" + FILE + "/-/resize/x800/\"", FileRef.class)).isEqualTo(ref);
		assertThat(mapper().readValue("\"-/resize/x800/-/quality/smart/\"", CdnOperations.class))
			.isEqualTo(operations);
	}

	@Test
	void uploadedFileIsAPlainObject() {
		JsonNode tree = json(new UploadedFile(FILE, "a.txt", 3, "text/plain"));
		assertThat(tree.get("uuid").asString()).isEqualTo(FILE);
		assertThat(tree.get("originalFilename").asString()).isEqualTo("a.txt"); // as in GroupFile
		assertThat(tree.get("mimeType").asString()).isEqualTo("text/plain");
	}

}
