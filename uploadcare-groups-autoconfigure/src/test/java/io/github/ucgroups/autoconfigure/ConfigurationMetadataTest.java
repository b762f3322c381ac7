package io.github.ucgroups.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every property shows up with a description in the IDE (generated metadata). */
class ConfigurationMetadataTest {

	@Test
	void everyUploadcarePropertyHasADescription() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (!name.startsWith("uploadcare.") && !name.startsWith("management.health.uploadcare.")) {
				continue;
			}
			names.add(name);
			if (property.path("description").asString("").isBlank()) {
				undocumented.add(name);
			}
		}
		assertThat(undocumented).isEmpty();
		assertThat(names).contains("uploadcare.enabled", "uploadcare.public-key", "uploadcare.secret-key",
				"uploadcare.upload-url", "uploadcare.rest-url", "uploadcare.cdn-url", "uploadcare.connect-timeout",
				"uploadcare.read-timeout", "uploadcare.signed-uploads.enabled", "uploadcare.signed-uploads.scheme",
				"uploadcare.signed-uploads.lifetime", "uploadcare.retry.max-attempts", "uploadcare.retry.initial-delay",
				"uploadcare.retry.max-delay", "uploadcare.retry.max-retry-after", "uploadcare.health.cache-ttl",
				"uploadcare.health.timeout", "management.health.uploadcare.enabled", "uploadcare.webhooks.enabled",
				"uploadcare.webhooks.path", "uploadcare.webhooks.signing-secrets", "uploadcare.webhooks.max-body-size",
				"uploadcare.webhooks.deduplication.window", "uploadcare.webhooks.deduplication.cache-name",
				"uploadcare.webhooks.deduplication.max-entries", "uploadcare.webhooks.registration.target-url",
				"uploadcare.webhooks.registration.events");
	}

}
