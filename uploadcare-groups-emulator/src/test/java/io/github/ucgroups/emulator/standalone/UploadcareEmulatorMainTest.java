package io.github.ucgroups.emulator.standalone;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.ucgroups.emulator.UploadcareEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UploadcareEmulatorMainTest {

	@Test
	void optionsConfigureTheEmulatorAndItsUrlsArePrinted() throws Exception {
		UploadcareEmulator.Builder builder = UploadcareEmulatorMain.parse(new String[] { "--port", "0", "--public-key",
				"frontendkey", "--secret-key=frontendsecret", "--signed-uploads-required" });
		try (UploadcareEmulator emulator = builder.start()) {
			assertThat(emulator.publicKey()).isEqualTo("frontendkey");
			assertThat(emulator.secretKey()).isEqualTo("frontendsecret");
			assertThat(emulator.signedUploadsRequired()).isTrue();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			UploadcareEmulatorMain.printUrls(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));
			String printed = out.toString(StandardCharsets.UTF_8);
			assertThat(printed).contains("Upload API: " + emulator.uploadUrl(), "REST API:   " + emulator.restUrl(),
					"CDN:        " + emulator.cdnUrl(), "signed uploads required")
				.doesNotContain("frontendsecret");
			HttpResponse<String> probe = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(emulator.uploadUrl() + "/group/info/?pub_key=frontendkey&group_id=x"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(probe.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void theDefaultPortIs8089WithRestAndCdnOnTheNextTwo() {
		UploadcareEmulator.Builder builder = UploadcareEmulatorMain.parse(new String[0]);
		assertThat(builder).isNotNull();
		assertThat(UploadcareEmulatorMain.parse(new String[] { "--help" })).isNull();
		UploadcareEmulator.Builder explicit = UploadcareEmulatorMain.parse(new String[] { "--port", "0", "--rest-port", "0",
				"--cdn-port", "0" });
		try (UploadcareEmulator emulator = explicit.start()) {
			assertThat(emulator.restPort()).isNotEqualTo(emulator.port());
		}
	}

	@Test
	void badOptionsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> UploadcareEmulatorMain.parse(new String[] { "--prot", "1" }))
			.withMessage("Unknown option: --prot");
		assertThatIllegalArgumentException().isThrownBy(() -> UploadcareEmulatorMain.parse(new String[] { "--port" }))
			.withMessage("--port needs a value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadcareEmulatorMain.parse(new String[] { "--port", "eighty" }))
			.withMessage("--port must be a port number, was 'eighty'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadcareEmulatorMain.parse(new String[] { "--port", "70000" }))
			.withMessageContaining("70000");
	}

}
