package io.github.ucgroups.emulator.e2e;

import java.util.List;
import java.util.UUID;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareCdnAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;
import io.github.ucgroups.emulator.journal.JournalEntry;
import io.github.ucgroups.emulator.store.GroupEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GroupService} from the starter's auto-configuration against the emulator that
 * {@link AutoConfigureUploadcareEmulator} runs: groups of plain UUIDs, UUIDs with operations and
 * CDN URLs, and the wire form the emulator received.
 */
@SpringBootTest(classes = GroupsEndToEndTest.Config.class)
@AutoConfigureUploadcareEmulator
@DirtiesContext
class GroupsEndToEndTest {

	@Autowired
	GroupService groups;

	@Autowired
	UploadcareEmulator emulator;

	@BeforeEach
	void cleanSlate() {
		this.emulator.reset();
	}

	@Test
	void createsAGroupOfUuidsUuidsWithOperationsAndCdnUrlsAndReadsItBack() {
		String a = E2e.seed(this.emulator, "alpha");
		String b = E2e.seed(this.emulator, "bravo");
		String c = E2e.seed(this.emulator, "charlie");
		String d = E2e.seed(this.emulator, "delta");

		// A CDN URL as Uploadcare's CDN serves it (the form of the recorded real exchange).
		Group created = this.groups.createGroup(FileRef.parseAll(
				List.of(a, b + "/-/resize/x800/", "https://ucarecdn.com/" + c + "/", d)));

		assertThat(created.id().filesCount()).isEqualTo(4);
		assertThat(created.filesCount()).isEqualTo(4);
		assertThat(created.files()).extracting(GroupFile::uuid).containsExactly(a, b, c, d);
		assertThat(created.files().get(0).defaultEffects().isEmpty()).isTrue();
		assertThat(created.files().get(1).defaultEffects().operations()).containsExactly("resize/x800");
		assertThat(created.files().get(2).defaultEffects().isEmpty()).isTrue();
		assertThat(created.files().get(1).originalFilename()).isEqualTo("bravo.txt");
		assertThat(created.files().get(1).size()).isEqualTo(5);
		assertThat(created.cdnUrl().toString()).startsWith(this.emulator.cdnUrl().toString())
			.endsWith("/" + created.id() + "/");

		assertThat(this.emulator.group(created.id())).get()
			.satisfies((stored) -> assertThat(stored.entries()).containsExactly(new GroupEntry(a, ""),
					new GroupEntry(b, "resize/x800/"), new GroupEntry(c, ""), new GroupEntry(d, "")));

		JournalEntry sent = this.emulator.journal().last("/group/").orElseThrow();
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.path()).isEqualTo("/group/");
		assertThat(sent.header("Content-Type")).startsWith("multipart/form-data");
		// The emulator's connection details carry its secret key, so group creation is signed.
		assertThat(List.copyOf(sent.fields().keySet()).subList(0, 5)).containsExactly("pub_key", "files[0]",
				"files[1]", "files[2]", "files[3]");
		assertThat(sent.fields().keySet()).containsExactlyInAnyOrder("pub_key", "files[0]", "files[1]", "files[2]",
				"files[3]", "signature", "expire");
		assertThat(sent.field("signature")).isEqualTo(JournalEntry.REDACTED);
		assertThat(sent.field("pub_key")).isEqualTo(this.emulator.publicKey());
		assertThat(sent.field("files[0]")).isEqualTo(a);
		assertThat(sent.field("files[1]")).isEqualTo(b + "/-/resize/x800/");
		assertThat(sent.field("files[2]")).isEqualTo(c);
		assertThat(sent.field("files[3]")).isEqualTo(d);
		assertThat(this.emulator.journal().count("/group/")).isOne();

		Group read = this.groups.getGroup(created.id());
		assertThat(read).isEqualTo(created);
		assertThat(this.groups.getGroup(created.id().toString())).isEqualTo(created);
		assertThat(this.groups.findGroup(created.id())).contains(created);
	}

	@Test
	void findGroupOfAnUnknownIdIsEmptyAfterOneRequest() {
		GroupId unknown = GroupId.parse(UUID.randomUUID() + "~2");

		assertThat(this.groups.findGroup(unknown)).isEmpty();

		assertThat(this.emulator.journal().entries("/group/info/")).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isIn(200, 404));
	}

	@Test
	void unknownFilesAreAnInvalidRequestWithUploadcaresCodeAndMessage() {
		String known = E2e.seed(this.emulator, "known");
		String unknown = UUID.randomUUID().toString();

		assertThatExceptionOfType(UploadcareInvalidRequestException.class)
			.isThrownBy(() -> this.groups.createGroup(FileRef.parseAll(List.of(known, unknown))))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("GroupFilesNotFoundError");
				assertThat(ex.getDetail()).isEqualTo("Some files not found.");
				assertThat(ex.getOperation()).isEqualTo("group.create");
				assertThat(ex.isTransient()).isFalse();
			});
		assertThat(this.emulator.journal().count("/group/")).as("not retried").isOne();
		assertThat(this.emulator.groups()).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ UploadcareAutoConfiguration.class, UploadcareRestAutoConfiguration.class,
			UploadcareCdnAutoConfiguration.class })
	static class Config {

	}

}
