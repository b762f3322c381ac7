package io.github.ucgroups.emulator.boot;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "uploadcare.public-key=realkey", "uploadcare.emulator.signed-uploads-required=true" })
@AutoConfigureUploadcareEmulator
class AutoConfigureUploadcareEmulatorSpringBootTest {

	@Autowired
	UploadcareEmulator emulator;

	@Autowired
	UploadcareConnectionDetails details;

	@Test
	void connectionDetailsPointAtTheEmulatorEvenWithAPublicKeyConfigured() throws Exception {
		assertThat(this.details).isInstanceOf(EmulatorConnectionDetails.class);
		assertThat(this.details.getUploadUrl()).isEqualTo(this.emulator.uploadUrl());
		assertThat(this.details.getPublicKey()).isEqualTo(this.emulator.publicKey());
		assertThat(this.emulator.signedUploadsRequired()).isTrue();
		assertThat(UploadcareEmulatorAutoConfigurationTest.groupInfoStatus(this.details.getUploadUrl(),
				this.details.getPublicKey()))
			.isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
