package io.github.ucgroups.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UploadcareCdnAutoConfiguration}: one {@link CdnUrls} on the connection details' CDN base
 * (that groups use it too: {@code UploadcareAutoConfigurationTest.Uploads}).
 */
class UploadcareCdnAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(UploadcareAutoConfiguration.class, UploadcareCdnAutoConfiguration.class))
		.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY);

	@Test
	void defaultsToTheProjectsOwnCdnHost() {
		this.runner.run((context) -> assertThat(context.getBean(CdnUrls.class).base())
			.isEqualTo(URI.create("https://1s4oyld5dc.ucarecd.net/")));
	}

	@Test
	void followsTheConfiguredCdnUrl() {
		this.runner.withPropertyValues("uploadcare.cdn-url=https://files.example.com/cdn")
			.run((context) -> assertThat(context.getBean(CdnUrls.class).base())
				.isEqualTo(URI.create("https://files.example.com/cdn/")));
	}

	@Test
	void followsConnectionDetailsThatOnlyNameAPublicKey() {
		UploadcareConnectionDetails onlyKey = () -> "anotherpublickey";
		this.runner.withBean(UploadcareConnectionDetails.class, () -> onlyKey)
			.run((context) -> assertThat(context.getBean(CdnUrls.class).base())
				.isEqualTo(URI.create(CdnUrls.projectCdnBase("anotherpublickey") + "/")));
	}

	@Test
	void backsOffForAnApplicationBean() {
		CdnUrls own = new CdnUrls(URI.create("https://cdn.example.org"));
		this.runner.withBean(CdnUrls.class, () -> own)
			.run((context) -> assertThat(context.getBean(CdnUrls.class)).isSameAs(own));
	}

	@Test
	void absentWhenUploadcareIsDisabled() {
		this.runner.withPropertyValues("uploadcare.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CdnUrls.class));
	}

}
