package io.github.ucgroups.emulator.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Groups whose files were deleted afterwards (removed entries: {@code null} or {@code datetime_removed}), file
 * storage through REST, and the 1000-files limit, end to end.
 */
class DeletedFilesEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();

	@Test
	void purgedFilesReadAsRemovedThroughBothApisAndAreSkippedWhenStoring(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "kept");
		String b = E2e.seed(emulator, "deleted");
		String c = E2e.seed(emulator, "kept-too");
		E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey()).run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			GroupAdminService admin = context.getBean(GroupAdminService.class);
			Group group = groups.createGroup(FileRef.parseAll(List.of(a, b, c)));

			String unknown = UUID.randomUUID().toString();
			StorageResult deleted = admin.deleteFiles(List.of(b, unknown));
			assertThat(deleted.succeeded()).containsExactly(b);
			assertThat(deleted.problems()).containsOnlyKeys(unknown);
			// Long after deletion Uploadcare forgets the file: groups then read null in its place
			// (a recently deleted one stays an object with datetime_removed; FidelityContractTest).
			assertThat(emulator.store().purgeFile(b)).isTrue();

			Group viaUpload = groups.getGroup(group.id());
			assertThat(viaUpload.filesCount()).isEqualTo(3);
			assertThat(viaUpload.files()).hasSize(3);
			assertThat(viaUpload.files().get(1).isRemoved()).isTrue();
			assertThat(viaUpload.presentFiles()).extracting(GroupFile::uuid).containsExactly(a, c);
			Group viaRest = admin.getGroup(group.id());
			assertThat(viaRest.files()).hasSize(3);
			assertThat(viaRest.files().get(1).isRemoved()).isTrue();

			emulator.journal().clear();
			StorageResult stored = admin.storeGroupFiles(group.id());
			assertThat(stored.succeeded()).containsExactlyInAnyOrder(a, c);
			assertThat(stored.isComplete()).isTrue();
			assertThat(emulator.journal().entries("/rest/files/storage/")).singleElement()
				.satisfies((entry) -> assertThat(entry.method()).isEqualTo("PUT"));

			StorageResult allDeleted = admin.deleteGroupFiles(group.id());
			assertThat(allDeleted.succeeded()).containsExactlyInAnyOrder(a, c);
			assertThat(emulator.file(a)).isEmpty();
			assertThat(emulator.store().removedFile(a)).isPresent();
			assertThat(emulator.store().removedFile(c)).isPresent();
			// the two recently deleted (datetime_removed) and the purged one: all removed
			assertThat(groups.getGroup(group.id()).files()).hasSize(3).allMatch(GroupFile::isRemoved);
			assertThat(admin.findGroup(group.id())).as("the group object stays").isPresent();
		});
	}

	@Test
	void aThousandFilesMakeAGroupAndMoreAreRefusedBeforeSending(UploadcareEmulator emulator) {
		List<String> files = new ArrayList<>();
		String one = E2e.seed(emulator, "many");
		for (int i = 0; i < 1000; i++) {
			files.add(one);
		}
		E2e.runner(emulator).run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			Group group = groups.createGroup(FileRef.parseAll(files));
			assertThat(group.filesCount()).isEqualTo(1000);
			assertThat(group.id().toString()).endsWith("~1000");
			assertThat(emulator.journal().last("/group/").orElseThrow().field("files[999]")).isEqualTo(one);

			List<String> tooMany = new ArrayList<>(files);
			tooMany.add(one);
			emulator.journal().clear();
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(tooMany)))
				.withMessageContaining("1000")
				.withMessageContaining("1001");
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of())));
			assertThatIllegalArgumentException().isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of("not-a-uuid"))))
				.withMessageContaining("not-a-uuid");
			assertThat(emulator.journal().entries()).as("nothing sent").isEmpty();
		});
	}

}
