package io.github.ucgroups.emulator.e2e;

import java.util.List;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.journal.JournalEntry;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Group creation against an emulator that requires signed uploads, with both signing schemes.
 */
class SignedUploadsEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension(
			(builder) -> builder.signedUploadsRequired(true).secretKey("e2e-project-secret"));

	@ParameterizedTest
	@ValueSource(strings = { "signature", "jwt" })
	void theProjectsSecretKeySignsGroupCreation(String scheme, UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "signed-" + scheme);
		E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey(),
				"uploadcare.signed-uploads.scheme=" + scheme)
			.run((context) -> {
				Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a)));
				assertThat(emulator.group(group.id())).isPresent();
			});
		JournalEntry sent = uc.journal().last("/group/").orElseThrow();
		assertThat(sent.status()).isEqualTo(200);
		if (scheme.equals("jwt")) {
			assertThat(sent.header("Authorization")).isEqualTo(JournalEntry.REDACTED);
			assertThat(sent.fields()).doesNotContainKeys("signature", "expire");
		}
		else {
			assertThat(sent.field("signature")).isEqualTo(JournalEntry.REDACTED);
			assertThat(sent.field("expire")).isEqualTo(JournalEntry.REDACTED);
			assertThat(sent.header("Authorization")).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "signature", "jwt" })
	void aWrongSecretKeyIsAnAuthenticationFailure(String scheme, UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "wrong-" + scheme);
		int groupsBefore = emulator.groups().size();
		E2e.runner(emulator, "uploadcare.secret-key=not-the-project-secret",
				"uploadcare.signed-uploads.scheme=" + scheme)
			.run((context) -> assertThatExceptionOfType(UploadcareAuthenticationException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					if (scheme.equals("jwt")) {
						assertThat(ex.getStatus()).isEqualTo(401);
						assertThat(ex.getDetail()).startsWith("Invalid token.");
					}
					else {
						assertThat(ex.getStatus()).isEqualTo(403);
						assertThat(ex.getDetail()).isEqualTo("Invalid signature.");
					}
					assertThat(ex.getMessage()).doesNotContain("not-the-project-secret");
				}));
		assertThat(emulator.groups()).hasSize(groupsBefore);
		assertThat(uc.journal().count("/group/")).as("not retried").isOne();
	}

	@Test
	void withoutASecretKeyTheEmulatorAsksForASignature(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "unsigned");
		E2e.runner(emulator)
			.run((context) -> assertThatExceptionOfType(UploadcareInvalidRequestException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(400);
					assertThat(ex.getDetail()).isEqualTo("`signature` is required.");
				}));
		JournalEntry sent = uc.journal().last("/group/").orElseThrow();
		assertThat(sent.fields()).doesNotContainKeys("signature", "expire");
		assertThat(sent.header("Authorization")).isNull();
	}

}
