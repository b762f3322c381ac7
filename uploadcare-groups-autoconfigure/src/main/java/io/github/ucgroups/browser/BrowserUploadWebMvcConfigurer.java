package io.github.ucgroups.browser;

import java.util.Arrays;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets Spring MVC bind what the File Uploader posts to {@link BrowserUpload}: one value (a group
 * or file CDN URL) or several ({@code name[]} file URLs; form objects see {@code name[]} as
 * {@code name}). A value that is not a CDN URL on an allowed host raises
 * {@link IllegalArgumentException}: a 400 for {@code @RequestParam}, a field error
 * ({@code typeMismatch}) for form objects.
 */
public final class BrowserUploadWebMvcConfigurer implements WebMvcConfigurer {

	private final BrowserUploadParser parser;

	/**
	 * Creates the configurer.
	 * @param parser reads the posted values
	 */
	public BrowserUploadWebMvcConfigurer(BrowserUploadParser parser) {
		this.parser = Objects.requireNonNull(parser, "parser must not be null");
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new StringToBrowserUpload(this.parser));
		registry.addConverter(new StringsToBrowserUpload(this.parser));
	}

	private record StringToBrowserUpload(BrowserUploadParser parser) implements Converter<String, BrowserUpload> {

		@Override
		public BrowserUpload convert(String source) {
			return this.parser.parse(source);
		}

	}

	private record StringsToBrowserUpload(BrowserUploadParser parser) implements Converter<String[], BrowserUpload> {

		@Override
		public BrowserUpload convert(String[] source) {
			return this.parser.parseAll(Arrays.asList(source));
		}

	}

}
