package io.github.ucgroups.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendored File Uploader files are those the README beside them names (package, version,
 * SHA-256), with the MIT licence kept.
 */
class VendoredFileUploaderTest {

	private static final String DIRECTORY = "static/vendor/uploadcare-file-uploader/";

	@Test
	void filesMatchTheChecksumsOfTheReadme() throws Exception {
		String readme = read("README.md");
		assertThat(readme).contains("@uploadcare/file-uploader 1.33.2").contains("npm pack @uploadcare/file-uploader@$V")
			.contains("V=1.33.2");
		Matcher rows = Pattern.compile("\\| `([^`]+)` \\| [^|]+ \\| `([0-9a-f]{64})` \\|").matcher(readme);
		int checked = 0;
		while (rows.find()) {
			assertThat(sha256(rows.group(1))).as(rows.group(1)).isEqualTo(rows.group(2));
			checked++;
		}
		assertThat(checked).isEqualTo(4);
		assertThat(read("LICENSE")).startsWith("MIT License").contains("Uploadcare");
		assertThat(read("file-uploader.min.js")).contains("Package: @uploadcare/file-uploader@1.33.2 (MIT)");
	}

	private static String read(String name) throws IOException {
		try (InputStream in = new ClassPathResource(DIRECTORY + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sha256(String name) throws Exception {
		try (InputStream in = new ClassPathResource(DIRECTORY + name).getInputStream()) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
		}
	}

}
