package io.github.ucgroups.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.ucgroups.GroupId;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.StoredFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real File Uploader (vendored {@code @uploadcare/file-uploader} 1.33.2) in headless Chromium
 * on the page "Upload in the browser", against the embedded emulator, which here requires signed
 * uploads (so the signatures from the credentials endpoint are checked): three files chosen (one
 * image), uploaded and grouped by the uploader, the form submitted, the server verifies and stores
 * the group, and the group page shows it with the thumbnail loaded. Chromium resolves no host but
 * loopback, and every request it made is checked to have stayed on loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "uploadcare.emulator.signed-uploads-required=true")
class BrowserUploadPageTest {

	@LocalServerPort
	int port;

	@Autowired
	UploadcareEmulator emulator;

	@TempDir
	Path temp;

	@RegisterExtension
	final Chromium chromium = new Chromium();

	@Test
	void threeFilesUploadedByTheFileUploaderBecomeAVerifiedStoredGroup() throws Exception {
		WebDriver driver = this.chromium.driver();
		Path image = this.temp.resolve("photo.png");
		BrowserSupport.writePng(image);
		Path text = Files.writeString(this.temp.resolve("notes.txt"), "uploaded by the browser", StandardCharsets.UTF_8);
		Path pdf = Files.write(this.temp.resolve("report.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

		driver.get("http://localhost:" + this.port + "/browser");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		WebElement fromDevice = wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("uc-source-btn[data-source-id='local'] button")));
		BrowserSupport.screenshot(driver, "browser-form");
		fromDevice.click();
		WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[uploadcare-file-input]")));
		input.sendKeys(String.join("\n", image.toString(), text.toString(), pdf.toString()));

		WebElement submit = driver.findElement(By.id("submit"));
		wait.until(ExpectedConditions.elementToBeClickable(submit));
		assertThat(driver.findElement(By.cssSelector("uc-form-input input[name='group']")).getDomProperty("value"))
			.matches("http://127\\.0\\.0\\.1:\\d+/[0-9a-f-]{36}~3/");
		BrowserSupport.screenshot(driver, "browser-uploaded");
		// Remember what the form really posts (the uploader may replace its group while settling).
		((JavascriptExecutor) driver).executeScript("document.getElementById('browser-form').addEventListener("
				+ "'submit', (e) => sessionStorage.setItem('posted', new FormData(e.target).get('group')))");
		submit.click();

		wait.until(ExpectedConditions.urlMatches("/groups/[0-9a-f-]{36}~3$"));
		GroupId groupId = GroupId.parse(URI.create(driver.getCurrentUrl()).getPath().substring("/groups/".length()));
		String posted = (String) ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('posted')");
		assertThat(posted).isEqualTo(this.emulator.cdnUrl() + "/" + groupId + "/");
		List<WebElement> files = driver.findElements(By.cssSelector("li.file"));
		assertThat(files).extracting((file) -> file.findElement(By.cssSelector("a.name")).getText())
			.containsExactly("photo.png", "notes.txt", "report.pdf");
		WebElement thumbnail = driver.findElement(By.cssSelector("img.thumb"));
		assertThat(BrowserSupport.loadedImageWidth(wait, thumbnail)).isEqualTo(64);
		BrowserSupport.screenshot(driver, "browser-group");

		// Uploaded by the browser, signed, and stored by the server once verified.
		assertThat(this.emulator.group(groupId)).isPresent();
		assertThat(this.emulator.journal().entries("/base/")).filteredOn((entry) -> entry.method().equals("POST"))
			.hasSize(3)
			.allSatisfy((entry) -> assertThat(entry.fields()).containsKeys("signature", "expire"));
		assertThat(this.emulator.group(groupId).orElseThrow().entries())
			.allSatisfy((entry) -> assertThat(this.emulator.file(entry.fileUuid()).map(StoredFile::isStored)).contains(true));
		assertThat(BrowserSupport.requestedUrls(driver)).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).matches("(https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/.*|data:.*|blob:.*|chrome://.*)"));
	}

}
