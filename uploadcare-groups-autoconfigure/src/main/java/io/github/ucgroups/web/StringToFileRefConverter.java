package io.github.ucgroups.web;

import io.github.ucgroups.FileRef;

import org.springframework.core.convert.converter.Converter;

/**
 * Converts request text to a {@link FileRef} with {@link FileRef#parse(String)} (a file UUID, a
 * UUID with CDN operations, or a CDN URL of a file). A malformed value raises
 * {@link IllegalArgumentException}, which Spring MVC answers with 400 Bad Request by default.
 */
public final class StringToFileRefConverter implements Converter<String, FileRef> {

	@Override
	public FileRef convert(String source) {
		return FileRef.parse(source);
	}

}
