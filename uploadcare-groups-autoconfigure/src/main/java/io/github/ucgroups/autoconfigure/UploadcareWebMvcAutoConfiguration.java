package io.github.ucgroups.autoconfigure;

import io.github.ucgroups.web.UploadcareWebMvcConfigurer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets Spring MVC controllers take {@code GroupId} and {@code FileRef} arguments
 * ({@code @PathVariable GroupId id}, {@code @RequestParam List<FileRef> files}); malformed values
 * are answered with 400 Bad Request.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBooleanProperty(name = "uploadcare.enabled", matchIfMissing = true)
public final class UploadcareWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UploadcareWebMvcConfigurer uploadcareWebMvcConfigurer() {
		return new UploadcareWebMvcConfigurer();
	}

}
