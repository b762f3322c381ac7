package io.github.ucgroups.sample;

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

	public int getMaxFiles() {
		return this.maxFiles;
	}

	public void setMaxFiles(int maxFiles) {
		this.maxFiles = maxFiles;
	}

}
