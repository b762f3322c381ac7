package io.github.ucgroups.emulator.e2e;

import java.util.List;
import java.util.UUID;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Plain JUnit: the emulator from {@link UploadcareEmulatorExtension}, the client built by its
 * auto-configuration from {@code uploadcare.*} properties only (as an application pointing at
 * a real Uploadcare would be).
 */
class PropertiesConfiguredClientEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();

	@Test
	void createsAndReadsAGroupThroughPropertiesOnly(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "one");
		String b = E2e.seed(emulator, "two");
		E2e.runner(emulator).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(GroupService.class).hasSingleBean(CdnUrls.class)
				.doesNotHaveBean(GroupAdminService.class);
			GroupService groups = context.getBean(GroupService.class);
			Group group = groups.createGroup(FileRef.parseAll(
					List.of(b, a + "/-/resize/x800/", "https://ucarecdn.com/" + b + "/-/preview/-/quality/smart/two.txt")));
			assertThat(emulator.journal().last("/group/").orElseThrow().field("files[2]"))
				.as("a CDN URL is sent as UUID and operations, its file name dropped")
				.isEqualTo(b + "/-/preview/-/quality/smart/");
			assertThat(group.files().get(2).defaultEffects().operations()).containsExactly("preview", "quality/smart");
			assertThat(emulator.group(group.id())).isPresent();
			assertThat(groups.getGroup(group.id())).isEqualTo(group);
			assertThat(group.files().get(1).defaultEffects().operations()).containsExactly("resize/x800");
			assertThat(context.getBean(CdnUrls.class).groupUrl(group).toString())
				.isEqualTo(emulator.cdnUrl() + "/" + group.id() + "/");
		});
		assertThat(uc.journal().count("/group/")).isEqualTo(2);
	}

	@Test
	void aPublicKeyTheProjectDoesNotKnowIsAnAuthenticationFailure(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "three");
		int groupsBefore = emulator.groups().size();
		E2e.runner(emulator, "uploadcare.public-key=notTheProjectsKey").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			assertThatExceptionOfType(UploadcareAuthenticationException.class)
				.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(403);
					assertThat(ex.getDetail()).isEqualTo("pub_key is invalid.");
					assertThat(ex.isTransient()).isFalse();
				});
			assertThatExceptionOfType(UploadcareAuthenticationException.class)
				.as("a wrong key is not mistaken for an unknown group")
				.isThrownBy(() -> groups.findGroup(GroupId.parse(UUID.randomUUID() + "~1")))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
		});
		assertThat(emulator.groups()).hasSize(groupsBefore);
		assertThat(uc.journal().entries("/group/")).hasSize(2)
			.allSatisfy((entry) -> assertThat(entry.status()).isIn(200, 403));
		assertThat(uc.journal().entries("/group/").get(0).field("pub_key")).isEqualTo("notTheProjectsKey");
		assertThat(uc.journal().entries("/group/").get(1).query()).contains("pub_key=notTheProjectsKey");
	}

}
