package io.github.ucgroups.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the sample app's submissions, under {@code sample.*}. The size limits are Spring's
 * own {@code spring.servlet.multipart.*} properties.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * Most files one submission may contain.
	 */
	private int maxFiles = 20;

	/**
	 * MIME types the page "Upload in the browser" accepts (wildcards allowed); the server
	 * verifies every posted group against them.
	 */
	private List<String> browserAcceptedTypes = new ArrayList<>(
			List.of("image/*", "text/*", "application/pdf", "application/json"));

	public int getMaxFiles() {
		return this.maxFiles;
	}

	public void setMaxFiles(int maxFiles) {
		this.maxFiles = maxFiles;
	}

	public List<String> getBrowserAcceptedTypes() {
		return this.browserAcceptedTypes;
	}

	public void setBrowserAcceptedTypes(List<String> browserAcceptedTypes) {
		this.browserAcceptedTypes = browserAcceptedTypes;
	}

}
