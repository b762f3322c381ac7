package io.github.ucgroups.client;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.ucgroups.Group;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.testsupport.Wire;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever shape a field of a group answer takes, reading gives a group or a typed server error. */
class GroupJsonPropertiesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> GROUP_FIELDS = List.of("id", "datetime_created", "files_count", "cdn_url", "url",
			"files", "datetime_stored");

	private static final List<String> FILE_FIELDS = List.of("uuid", "file_id", "original_filename", "size", "mime_type",
			"is_image", "is_stored", "is_ready", "default_effects", "image_info", "datetime_stored");

	@Property(tries = 1000)
	void readGroupGivesAGroupOrServerException(@ForAll("fields") String groupField, @ForAll("fileFields") String fileField,
			@ForAll("values") String groupValue, @ForAll("values") String fileValue, @ForAll boolean mutateFile) {
		ObjectNode group = (ObjectNode) JSON.readTree(Wire.fixture("group-create-response.json"));
		if (mutateFile) {
			ObjectNode file = (ObjectNode) group.get("files").get(0);
			file.set(fileField, JSON.readTree(fileValue));
		}
		else {
			group.set(groupField, JSON.readTree(groupValue));
		}
		try {
			Group read = GroupJson.readGroup("group.info", group,
					new io.github.ucgroups.cdn.CdnUrls(java.net.URI.create("https://cdn.example.com")));
			assertThat(read.id()).isNotNull();
		}
		catch (UploadcareServerException ex) {
			assertThat(ex.getOperation()).isEqualTo("group.info");
		}
	}

	@Provide
	Arbitrary<String> fields() {
		return Arbitraries.of(GROUP_FIELDS);
	}

	@Provide
	Arbitrary<String> fileFields() {
		return Arbitraries.of(FILE_FIELDS);
	}

	@Provide
	Arbitrary<String> values() {
		return Arbitraries.of("null", "true", "0", "-1", "1.5", "99999999999999999999", "\"\"", "\"x\"", "\"1\"",
				"\"2021-10-19T08:36:22Z\"", "\"d496a4df-0b36-4281-8156-268ae9524d4a~1\"", "[]", "[1,null]", "[\"x\"]", "{}",
				"{\"a\":1}", "{\"width\":\"w\",\"height\":{},\"format\":[1]}");
	}


}
