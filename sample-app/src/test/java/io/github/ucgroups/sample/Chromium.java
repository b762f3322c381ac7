package io.github.ucgroups.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium for each test ({@link BrowserSupport#startChromium}), in a fresh profile
 * directory that is deleted, with the browser quit, after the test. Register it with
 * {@code @RegisterExtension}.
 */
final class Chromium implements BeforeEachCallback, AfterEachCallback {

	private Path profile;

	private WebDriver driver;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.profile = Files.createTempDirectory("chromium-profile");
		this.driver = BrowserSupport.startChromium(this.profile); // skips, or fails under CI=true, without Chromium
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	/** Returns the browser of the running test. */
	WebDriver driver() {
		return this.driver;
	}

}
