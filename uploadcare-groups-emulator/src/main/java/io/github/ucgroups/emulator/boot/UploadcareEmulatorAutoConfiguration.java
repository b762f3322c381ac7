package io.github.ucgroups.emulator.boot;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.emulator.UploadcareEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Offline development: runs an embedded {@link UploadcareEmulator} and connects the starter to
 * it when {@code uploadcare.emulator.enabled=true}, or when that property is absent and no
 * {@code uploadcare.public-key} is set. Backs off when the application defines its own
 * {@link UploadcareConnectionDetails}.
 */
@AutoConfiguration(beforeName = "io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration",
		afterName = "io.github.ucgroups.emulator.boot.test.UploadcareEmulatorTestAutoConfiguration")
@Conditional(OnEmulatorEnabledCondition.class)
@ConditionalOnMissingBean(UploadcareConnectionDetails.class)
@EnableConfigurationProperties(UploadcareEmulatorProperties.class)
public final class UploadcareEmulatorAutoConfiguration {

	private static final Log logger = LogFactory.getLog(UploadcareEmulatorAutoConfiguration.class);

	UploadcareEmulatorAutoConfiguration() {
	}

	/**
	 * Starts the embedded emulator; it stops with the application context.
	 * @param properties the emulator settings
	 * @return the running emulator
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	UploadcareEmulator uploadcareEmulator(UploadcareEmulatorProperties properties) {
		UploadcareEmulator emulator = properties.startEmulator();
		logger.warn("Uploadcare emulator running at " + emulator.uploadUrl() + " (REST API " + emulator.restUrl()
				+ ", CDN " + emulator.cdnUrl() + "; no real Uploadcare calls; set uploadcare.public-key to use Uploadcare)");
		return emulator;
	}

	/**
	 * Points the starter at the emulator.
	 * @param emulator the emulator
	 * @return the connection details
	 */
	@Bean
	EmulatorConnectionDetails uploadcareEmulatorConnectionDetails(UploadcareEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

}
