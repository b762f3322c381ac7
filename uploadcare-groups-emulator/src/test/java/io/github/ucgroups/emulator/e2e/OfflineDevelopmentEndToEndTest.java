package io.github.ucgroups.emulator.e2e;

import java.util.List;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.autoconfigure.health.UploadcareHealthIndicator;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.UploadcareEmulatorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline development: with the emulator jar on the class path and no public key, the starter's
 * services talk to the embedded emulator (both auto-configurations together, no properties).
 */
class OfflineDevelopmentEndToEndTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareEmulatorAutoConfiguration.class))
		.withConfiguration(E2e.CLIENT);

	@Test
	void withoutAPublicKeyEveryServiceTalksToTheEmbeddedEmulator() {
		this.runner.withPropertyValues("uploadcare.emulator.signed-uploads-required=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(UploadcareEmulator.class)
				.hasSingleBean(GroupService.class)
				.hasSingleBean(GroupAdminService.class)
				.hasSingleBean(CdnUrls.class);
			UploadcareEmulator emulator = context.getBean(UploadcareEmulator.class);
			String file = E2e.seed(emulator, "offline");
			Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(file)));
			assertThat(emulator.group(group.id())).as("signed with the emulator's secret").isPresent();
			assertThat(context.getBean(GroupAdminService.class).getGroup(group.id()).id()).isEqualTo(group.id());
			assertThat(context.getBean(CdnUrls.class).groupUrl(group).toString())
				.startsWith(emulator.cdnUrl().toString());
			assertThat(context.getBean(UploadcareHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void aConfiguredPublicKeyTurnsTheEmulatorOff() {
		this.runner.withPropertyValues("uploadcare.public-key=realkey").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(UploadcareEmulator.class);
			// the real project's own CDN host, not the emulator's
			assertThat(context.getBean(CdnUrls.class).base())
				.isEqualTo(java.net.URI.create(CdnUrls.projectCdnBase("realkey") + "/"));
		});
	}

}
