package io.github.ucgroups.emulator.boot.test;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.EmulatorConnectionDetails;
import io.github.ucgroups.emulator.boot.UploadcareEmulatorProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Imported by {@link AutoConfigureUploadcareEmulator} only (not listed for auto-configuration):
 * the emulator bean and the connection details pointing at it, ordered before the starter's
 * auto-configuration so they win over property-backed details.
 */
@AutoConfiguration(beforeName = "io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration")
@EnableConfigurationProperties(UploadcareEmulatorProperties.class)
public final class UploadcareEmulatorTestAutoConfiguration {

	UploadcareEmulatorTestAutoConfiguration() {
	}

	/**
	 * Starts the emulator; it stops with the context.
	 * @param properties the emulator settings
	 * @return the running emulator
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	UploadcareEmulator uploadcareEmulator(UploadcareEmulatorProperties properties) {
		return properties.startEmulator();
	}

	/**
	 * Points the starter at the emulator.
	 * @param emulator the emulator
	 * @return the connection details
	 */
	@Bean
	@ConditionalOnMissingBean(UploadcareConnectionDetails.class)
	EmulatorConnectionDetails uploadcareEmulatorConnectionDetails(UploadcareEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

}
