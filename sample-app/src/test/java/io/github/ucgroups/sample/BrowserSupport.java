package io.github.ucgroups.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts Debian's headless Chromium through its chromedriver, never letting Selenium download
 * anything. Where Chromium is missing the browser tests are skipped with a message, except
 * under {@code CI=true}, where a missing browser fails them.
 */
final class BrowserSupport {

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	/** Chromium's host resolver rules that leave only loopback names resolvable. */
	static final String LOOPBACK_ONLY = "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";

	private static final Pattern REQUEST_URL = Pattern
		.compile("\"method\":\"Network\\.requestWillBeSent\".*?\"request\":\\{.*?\"url\":\"([^\"]*)\"");

	private BrowserSupport() {
	}

	static WebDriver startChromium(Path userDataDir) {
		boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!present) {
			String message = "Headless Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): install Debian's chromium and chromium-driver packages to run the browser tests";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + " (CI=true: a missing browser is a failure)");
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + userDataDir.toAbsolutePath(),
				// Nothing may depend on leaving loopback: every other host name fails to resolve.
				"--host-resolver-rules=" + LOOPBACK_ONLY);
		// The performance log lists every request the page made, for loopbackOnlyRequests().
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * Returns the URLs of every request the browser sent since the last call (from Chromium's
	 * performance log).
	 */
	static List<String> requestedUrls(WebDriver driver) {
		List<String> urls = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			Matcher matcher = REQUEST_URL.matcher(entry.getMessage());
			if (matcher.find()) {
				urls.add(matcher.group(1));
			}
		}
		return urls;
	}

	/** Writes a 64x48 PNG (a white circle on blue). */
	static void writePng(Path target) throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(55, 113, 255));
		graphics.fillRect(0, 0, 64, 48);
		graphics.setColor(Color.WHITE);
		graphics.fillOval(16, 8, 32, 32);
		graphics.dispose();
		ImageIO.write(image, "png", target.toFile());
	}

	/** Waits until the image has loaded and returns its natural width (0 never counts as loaded). */
	static int loadedImageWidth(WebDriverWait wait, WebElement image) {
		return wait.until((driver) -> {
			Object width = ((JavascriptExecutor) driver)
				.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
			return (((Number) width).intValue() > 0) ? ((Number) width).intValue() : null;
		});
	}

	static Path screenshot(WebDriver driver, String name) throws IOException {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Path target = directory.resolve(name + ".png");
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return target;
	}

}
