package io.github.ucgroups.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.ucgroups.Group;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.testsupport.Wire;

import static io.github.ucgroups.testsupport.RandomCases.check;
import static io.github.ucgroups.testsupport.RandomCases.checkEach;
import static io.github.ucgroups.testsupport.RandomCases.integers;
import static io.github.ucgroups.testsupport.RandomCases.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever shape a field of a group answer takes, reading gives a group or a typed server error. */
class GroupJsonPropertiesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> GROUP_FIELDS = List.of("id", "datetime_created", "files_count", "cdn_url", "url",
			"files", "datetime_stored");

	private static final List<String> FILE_FIELDS = List.of("uuid", "file_id", "original_filename", "size", "mime_type",
			"is_image", "is_stored", "is_ready", "default_effects", "image_info", "datetime_stored");

	private static final List<String> VALUES = List.of("null", "true", "0", "-1", "1.5", "99999999999999999999", "\"\"",
			"\"x\"", "\"1\"", "\"2021-10-19T08:36:22Z\"", "\"d496a4df-0b36-4281-8156-268ae9524d4a~1\"", "[]", "[1,null]",
			"[\"x\"]", "{}", "{\"a\":1}", "{\"width\":\"w\",\"height\":{},\"format\":[1]}");

	/** Every field of the group and of its first file, set to every value, one at a time. */
	@Test
	void readGroupGivesAGroupOrServerExceptionForEveryOneFieldChange() {
		List<List<Mutation>> all = new ArrayList<>();
		for (String value : VALUES) {
			GROUP_FIELDS.forEach((field) -> all.add(List.of(new Mutation(false, field, value))));
			FILE_FIELDS.forEach((field) -> all.add(List.of(new Mutation(true, field, value))));
		}
		assertThat(all).hasSize((GROUP_FIELDS.size() + FILE_FIELDS.size()) * VALUES.size());
		checkEach(all, GroupJsonPropertiesTest::readsAGroupOrFailsTyped);
	}

	/** One to three fields changed at once, of the group and its first file mixed. */
	@Test
	void readGroupGivesAGroupOrServerExceptionForSeveralFieldChanges() {
		Function<Random, Mutation> mutation = (random) -> {
			boolean inFile = random.nextBoolean();
			return new Mutation(inFile, of(inFile ? FILE_FIELDS : GROUP_FIELDS).apply(random), of(VALUES).apply(random));
		};
		Function<Random, List<Mutation>> mutations = (random) -> {
			int count = integers(1, 3).apply(random);
			List<Mutation> list = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				list.add(mutation.apply(random));
			}
			return list;
		};
		check(0x6A50L, 1000, mutations, GroupJsonPropertiesTest::readsAGroupOrFailsTyped);
	}

	private static void readsAGroupOrFailsTyped(List<Mutation> mutations) {
		ObjectNode group = (ObjectNode) JSON.readTree(Wire.fixture("group-create-response.json"));
		ObjectNode file = (ObjectNode) group.get("files").get(0);
		for (Mutation mutation : mutations) {
			(mutation.inFile() ? file : group).set(mutation.field(), JSON.readTree(mutation.value()));
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

	/** Sets {@code field} of the group (or of its first file) to the JSON text {@code value}. */
	record Mutation(boolean inFile, String field, String value) {
	}

}
