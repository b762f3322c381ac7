package io.github.ucgroups.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (headless Chromium) uses the sample app against the embedded emulator: picks
 * three files, submits, lands on the group page and sees them, with an image thumbnail that
 * actually loads; an empty submission shows the message. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserTest {

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@RegisterExtension
	final Chromium chromium = new Chromium();

	@Test
	void threeFilesBecomeAGroupWithAThumbnail() throws Exception {
		WebDriver driver = this.chromium.driver();
		Path image = this.temp.resolve("photo.png");
		BrowserSupport.writePng(image);
		Path text = Files.writeString(this.temp.resolve("notes.txt"), "three files, one group", StandardCharsets.UTF_8);
		Path data = Files.write(this.temp.resolve("data.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

		driver.get("http://localhost:" + this.port + "/");
		assertThat(driver.findElement(By.id("limits")).getText()).contains("20");
		BrowserSupport.screenshot(driver, "form");
		driver.findElement(By.id("files"))
			.sendKeys(String.join("\n", image.toString(), text.toString(), data.toString()));
		driver.findElement(By.id("submit")).click();

		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlMatches("/groups/[0-9a-f-]{36}~3$"));
		List<WebElement> files = driver.findElements(By.cssSelector("li.file"));
		assertThat(files).hasSize(3);
		assertThat(driver.findElement(By.id("files-count")).getText()).isEqualTo("3");
		assertThat(files).extracting((file) -> file.findElement(By.cssSelector("a.name")).getText())
			.containsExactly("photo.png", "notes.txt", "data.csv");

		WebElement thumbnail = driver.findElement(By.cssSelector("img.thumb"));
		assertThat(BrowserSupport.loadedImageWidth(wait, thumbnail)).isEqualTo(64);
		BrowserSupport.screenshot(driver, "group");
	}

	@Test
	void emptySubmissionShowsTheMessage() throws Exception {
		WebDriver driver = this.chromium.driver();
		driver.get("http://localhost:" + this.port + "/");
		driver.findElement(By.id("submit")).click();
		WebElement error = new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(error.getText()).contains("Choose at least one file.");
		BrowserSupport.screenshot(driver, "form-error");
	}

}
