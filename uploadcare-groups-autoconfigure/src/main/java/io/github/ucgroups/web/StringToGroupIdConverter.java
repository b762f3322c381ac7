package io.github.ucgroups.web;

import io.github.ucgroups.GroupId;

import org.springframework.core.convert.converter.Converter;

/**
 * Converts request text to a {@link GroupId} with {@link GroupId#parse(String)}. A malformed value
 * raises {@link IllegalArgumentException}, which Spring MVC reports as
 * {@code MethodArgumentTypeMismatchException}, answered with 400 Bad Request by default.
 */
public final class StringToGroupIdConverter implements Converter<String, GroupId> {

	@Override
	public GroupId convert(String source) {
		return GroupId.parse(source);
	}

}
