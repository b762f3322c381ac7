package io.github.ucgroups.emulator.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.autoconfigure.UploadcareBrowserUploadsAutoConfiguration;
import io.github.ucgroups.browser.BrowserUpload;
import io.github.ucgroups.browser.BrowserUploadParser;
import io.github.ucgroups.browser.GroupRules;
import io.github.ucgroups.browser.GroupVerificationException;
import io.github.ucgroups.browser.GroupVerifier;
import io.github.ucgroups.browser.Violation;
import io.github.ucgroups.browser.Violation.Rule;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import io.github.ucgroups.emulator.store.StoredFile;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Browser uploads verified against the emulator, as a server receives them from the File
 * Uploader: what is posted is parsed, the group is read with this project's keys, the rules are
 * checked and the files stored. A group of another project (a second emulator with its own keys)
 * is not found; removed files and refused types are named.
 */
class BrowserUploadsEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();

	static ApplicationContextRunner runner(UploadcareEmulator emulator) {
		return E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey())
			.withConfiguration(AutoConfigurations.of(UploadcareBrowserUploadsAutoConfiguration.class));
	}

	@Test
	void postedGroupIsVerifiedWithOurKeysAndStored(UploadcareEmulator emulator) {
		String image = emulator.addFile(Png.BYTES, "photo.png", "image/png");
		String text = E2e.seed(emulator, "notes");
		runner(emulator).run((context) -> {
			Group created = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(image, text)));
			emulator.journal().clear();
			BrowserUpload posted = context.getBean(BrowserUploadParser.class).parse(emulator.cdnUrl() + "/" + created.id() + "/");
			Group verified = context.getBean(GroupVerifier.class)
				.verifyAndStore(posted, GroupRules.defaults().withFiles(1, 3).acceptingTypes("image/*", "text/plain"));
			assertThat(verified.id()).isEqualTo(created.id());
			assertThat(emulator.journal().entries("/rest/files/storage/")).singleElement()
				.satisfies((entry) -> assertThat(entry.method()).isEqualTo("PUT"));
			assertThat(List.of(image, text)).allSatisfy(
					(uuid) -> assertThat(emulator.file(uuid).map(StoredFile::isStored)).as(uuid).contains(true));
		});
	}

	@Test
	void groupOfAnotherProjectIsNotFound(UploadcareEmulator emulator) {
		try (UploadcareEmulator other = UploadcareEmulator.builder().publicKey("otherpublickey")
			.secretKey("othersecretkey")
			.start()) {
			String foreignFile = E2e.seed(other, "theirs");
			AtomicReference<Group> theirs = new AtomicReference<>();
			E2e.runner(other)
				.run((context) -> theirs.set(context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(foreignFile)))));
			Group foreign = theirs.get();
			runner(emulator).run((context) -> {
				// Their group id, posted on our CDN host: Uploadcare (with our public key) does not know it.
				BrowserUpload posted = context.getBean(BrowserUploadParser.class)
					.parse(emulator.cdnUrl() + "/" + foreign.id() + "/");
				assertThatExceptionOfType(GroupVerificationException.class)
					.isThrownBy(() -> context.getBean(GroupVerifier.class).verify(posted, GroupRules.defaults()))
					.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::rule)
						.containsExactly(Rule.GROUP_NOT_FOUND))
					.withMessageContaining(foreign.id() + " is not a group of this Uploadcare project");
				// Their files, posted as file URLs: our project cannot group them.
				BrowserUpload files = context.getBean(BrowserUploadParser.class)
					.parseAll(List.of(emulator.cdnUrl() + "/" + foreignFile + "/", emulator.cdnUrl() + "/"
							+ E2e.seed(emulator, "ours") + "/"));
				assertThatExceptionOfType(GroupVerificationException.class)
					.isThrownBy(() -> context.getBean(GroupVerifier.class).verify(files, GroupRules.defaults()))
					.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::rule)
						.containsExactly(Rule.FILES_NOT_FOUND));
			});
		}
	}

	@Test
	void removedFilesAndRefusedTypesAreNamed(UploadcareEmulator emulator) {
		String kept = emulator.addFile(Png.BYTES, "kept.png", "image/png");
		String removed = emulator.addFile(Png.BYTES, "removed.png", "image/png");
		String archive = emulator.addFile("PK".getBytes(StandardCharsets.US_ASCII), "a.zip", "application/zip");
		runner(emulator).run((context) -> {
			Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(kept, removed, archive)));
			context.getBean(GroupAdminService.class).deleteFiles(List.of(removed));
			BrowserUpload posted = context.getBean(BrowserUploadParser.class).parse(emulator.cdnUrl() + "/" + group.id() + "/");
			assertThatExceptionOfType(GroupVerificationException.class)
				.isThrownBy(() -> context.getBean(GroupVerifier.class)
					.verifyAndStore(posted, GroupRules.defaults().acceptingTypes("image/*")))
				.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::rule, Violation::fileIndex)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.FILE_REMOVED, 1),
							org.assertj.core.groups.Tuple.tuple(Rule.FILE_TYPE, 2)))
				.withMessageContaining("file 2")
				.withMessageContaining("was removed")
				.withMessageContaining("file 3 'a.zip' (" + archive + ") is of type application/zip");
			assertThat(emulator.journal().entries("/rest/files/storage/")).as("nothing stored")
				.noneSatisfy((entry) -> assertThat(entry.method()).isEqualTo("PUT"));
		});
	}

	@Test
	void postedFileUrlsBecomeAVerifiedGroup(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "a");
		String b = E2e.seed(emulator, "b");
		runner(emulator).run((context) -> {
			BrowserUpload posted = context.getBean(BrowserUploadParser.class)
				.parseAll(List.of(emulator.cdnUrl() + "/" + a + "/", emulator.cdnUrl() + "/" + b + "/"));
			Group group = context.getBean(GroupVerifier.class).verify(posted, GroupRules.defaults().withFiles(2, 2));
			assertThat(group.filesCount()).isEqualTo(2);
			assertThat(emulator.group(group.id())).isPresent();
		});
	}

	/** A 1x1 PNG. */
	static final class Png {

		static final byte[] BYTES = java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

	}

}
