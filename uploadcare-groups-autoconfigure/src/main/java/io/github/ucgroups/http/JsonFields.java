package io.github.ucgroups.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Lenient reading of fields of Uploadcare's JSON answers. */
public final class JsonFields {

	private JsonFields() {
	}

	/**
	 * Returns a field as text when it holds a scalar.
	 * @param json the object
	 * @param field the field name
	 * @return the text, or {@code null} when the field is absent, {@code null}, an object or an
	 * array (Jackson 3's {@code asString()} would throw for the last two)
	 */
	public static @Nullable String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value == null || value.isNull() || !value.isValueNode()) ? null : value.asString();
	}

}
