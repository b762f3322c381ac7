package io.github.ucgroups.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.autoconfigure.health.UploadcareHealthContributorAutoConfiguration;

import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's auto-configurations and failure analyzer are registered where Boot looks. */
class RegistrationTest {

	@Test
	void autoConfigurationsAreListedInTheImportsFile() {
		List<String> candidates = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates();
		assertThat(candidates).contains(UploadcareAutoConfiguration.class.getName(),
				UploadcareHealthContributorAutoConfiguration.class.getName());
	}

	@Test
	void failureAnalyzerIsRegisteredAndLoadable() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
				// Boot's own analyzers need constructor arguments; only ours matters here
			}));
		assertThat(analyzers).anySatisfy((analyzer) -> assertThat(analyzer).isInstanceOf(UploadcareFailureAnalyzer.class));
		FailureAnalyzer ours = analyzers.stream()
			.filter(UploadcareFailureAnalyzer.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(ours.analyze(new RuntimeException("wrapped", new MissingPublicKeyException()))).isNotNull();
	}

}
