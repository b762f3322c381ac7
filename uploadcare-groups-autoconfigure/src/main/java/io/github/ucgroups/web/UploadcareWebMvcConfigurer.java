package io.github.ucgroups.web;

import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link StringToGroupIdConverter} and {@link StringToFileRefConverter} with Spring MVC.
 */
public final class UploadcareWebMvcConfigurer implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new StringToGroupIdConverter());
		registry.addConverter(new StringToFileRefConverter());
	}

}
