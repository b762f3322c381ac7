package io.github.ucgroups.emulator.boot;

import java.net.ConnectException;
import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class UploadcareEmulatorAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareEmulatorAutoConfiguration.class));

	static int groupInfoStatus(URI uploadUrl, String publicKey) throws Exception {
		URI uri = URI.create(uploadUrl + "/group/info/?pub_key=" + publicKey
				+ "&group_id=d496a4df-0b36-4281-8156-268ae9524d4a~1");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@Test
	void runsAnEmulatorWhenNoPublicKeyIsSetAndStopsItWithTheContext(CapturedOutput output) throws Exception {
		URI[] uploadUrl = new URI[1];
		String[] urls = new String[1];
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(UploadcareEmulator.class).hasSingleBean(UploadcareConnectionDetails.class);
			UploadcareConnectionDetails details = context.getBean(UploadcareConnectionDetails.class);
			UploadcareEmulator emulator = context.getBean(UploadcareEmulator.class);
			assertThat(details.getUploadUrl()).isEqualTo(emulator.uploadUrl());
			assertThat(details.getUploadUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(details.getRestUrl()).isEqualTo(emulator.restUrl())
				.isEqualTo(URI.create("http://127.0.0.1:" + emulator.restPort()));
			assertThat(details.getCdnUrl()).isEqualTo(emulator.cdnUrl())
				.isEqualTo(URI.create("http://127.0.0.1:" + emulator.cdnPort()));
			assertThat(Set.of(emulator.port(), emulator.restPort(), emulator.cdnPort())).as("one port per API")
				.hasSize(3);
			assertThat(details.getPublicKey()).isEqualTo("demopublickey");
			assertThat(details.getSecretKey()).isEqualTo("demosecretkey");
			assertThat(details.toString()).doesNotContain("demosecretkey").contains("******");
			assertThat(groupInfoStatus(details.getUploadUrl(), details.getPublicKey())).isEqualTo(404);
			uploadUrl[0] = details.getUploadUrl();
			urls[0] = "Uploadcare emulator running at " + emulator.uploadUrl() + " (REST API " + emulator.restUrl()
					+ ", CDN " + emulator.cdnUrl()
					+ "; no real Uploadcare calls; set uploadcare.public-key to use Uploadcare)";
		});
		assertThat(output).contains(urls[0]);
		assertThatThrownBy(() -> groupInfoStatus(uploadUrl[0], "demopublickey")).isInstanceOf(ConnectException.class);
	}

	@Test
	void backsOffWhenAPublicKeyIsSet() {
		this.runner.withPropertyValues("uploadcare.public-key=realkey")
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareEmulator.class)
				.doesNotHaveBean(UploadcareConnectionDetails.class));
	}

	@Test
	void explicitSwitchWinsOverThePublicKey() {
		this.runner.withPropertyValues("uploadcare.public-key=realkey", "uploadcare.emulator.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(UploadcareEmulator.class));
		this.runner.withPropertyValues("uploadcare.emulator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareEmulator.class));
	}

	@Test
	void appliesTheEmulatorProperties() {
		this.runner
			.withPropertyValues("uploadcare.emulator.signed-uploads-required=true", "uploadcare.emulator.public-key=pk",
					"uploadcare.emulator.secret-key=sk", "uploadcare.emulator.max-in-memory-file-size=1KB")
			.run((context) -> {
				UploadcareEmulator emulator = context.getBean(UploadcareEmulator.class);
				assertThat(emulator.signedUploadsRequired()).isTrue();
				assertThat(emulator.publicKey()).isEqualTo("pk");
				assertThat(context.getBean(UploadcareConnectionDetails.class).getSecretKey()).isEqualTo("sk");
				assertThat(groupInfoStatus(emulator.uploadUrl(), "pk")).isEqualTo(404);
				assertThat(groupInfoStatus(emulator.uploadUrl(), "demopublickey")).isEqualTo(403);
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesConnectionDetails() {
		this.runner.withUserConfiguration(OwnDetails.class)
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareEmulator.class)
				.hasSingleBean(UploadcareConnectionDetails.class));
	}

	@Test
	void annotationSuppliesTheEmulatorAndOnlyOne() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareEmulatorAutoConfiguration.class))
			.withUserConfiguration(AnnotatedTestConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(UploadcareEmulator.class)
					.hasSingleBean(UploadcareConnectionDetails.class);
				assertThat(context.getBean(UploadcareConnectionDetails.class).getUploadUrl())
					.isEqualTo(context.getBean(UploadcareEmulator.class).uploadUrl());
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDetails {

		@Bean
		UploadcareConnectionDetails ownDetails() {
			return new UploadcareConnectionDetails() {
				@Override
				public String getPublicKey() {
					return "own";
				}

				@Override
				public String getSecretKey() {
					return null;
				}

				@Override
				public URI getUploadUrl() {
					return URI.create("https://upload.uploadcare.com");
				}

				@Override
				public URI getRestUrl() {
					return URI.create("https://api.uploadcare.com");
				}

				@Override
				public URI getCdnUrl() {
					return URI.create("https://ucarecdn.com");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigureUploadcareEmulator
	static class AnnotatedTestConfiguration {

	}

}
