package io.github.ucgroups.browser;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.browser.Violation.Rule;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every rule of {@link GroupVerifier} against groups as the Upload API describes them (a fake
 * {@link GroupService}; the emulator module checks the same end to end).
 */
class GroupVerifierTest {

	static final String A = "94a2218e-3526-428a-945e-65fbc06e7b35";

	static final String B = "b1026315-8116-4632-8364-607e64fca723";

	static final String C = "5619329a-5f7b-4ee8-9b6b-3d4b7b5e6a10";

	final FakeGroups groups = new FakeGroups();

	final FakeAdmin admin = new FakeAdmin();

	final GroupVerifier verifier = new GroupVerifier(this.groups, this.admin);

	@Test
	void goodGroupIsReturnedAndStored() {
		Group group = this.groups.add(file(A, "a.png", "image/png", true, 10), file(B, "b.txt", "text/plain", false, 20));
		GroupRules rules = GroupRules.defaults().withFiles(1, 3).acceptingTypes("image/*", "text/*")
			.withMaxFileSize(DataSize.ofBytes(20));
		Group verified = this.verifier.verifyAndStore(BrowserUpload.ofGroup(group.id(), group.cdnUrl()), rules);
		assertThat(verified).isEqualTo(group);
		assertThat(this.admin.stored).containsExactly(A, B);
	}

	@Test
	void unknownGroupIsNotOfThisProject() {
		GroupId madeUp = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~2");
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verifyGroup(madeUp, GroupRules.defaults()))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::rule)
				.containsExactly(Rule.GROUP_NOT_FOUND))
			.withMessageContaining("group " + madeUp + " is not a group of this Uploadcare project");
	}

	@Test
	void tooManyFilesIsRefusedFromTheIdAlone() {
		GroupId big = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~21");
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verifyGroup(big, GroupRules.defaults().withFiles(1, 20)))
			.withMessageContaining("21 files were uploaded, at most 20 are allowed");
		assertThat(this.groups.reads).isZero();
	}

	@Test
	void everyBrokenRuleIsNamedPerFile() {
		GroupFile removed = new GroupFile(B, "gone.png", 5, "image/png", true, true, true, CdnOperations.NONE, null,
				Instant.parse("2026-01-01T00:00:00Z"));
		Group group = this.groups.add(file(A, "big.zip", "application/zip", false, 5000), removed,
				GroupFile.purged(), new GroupFile(C, "slow.png", 1, "image/png", true, false, false, CdnOperations.NONE, null));
		GroupRules rules = GroupRules.defaults().acceptingTypes("image/*").acceptingImagesOnly()
			.withMaxFileSize(DataSize.ofKilobytes(1));
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(BrowserUpload.ofGroup(group.id(), group.cdnUrl()), rules))
			.satisfies((ex) -> {
				assertThat(ex.getGroupId()).isEqualTo(group.id());
				assertThat(ex.getViolations()).extracting(Violation::rule, Violation::fileIndex)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.FILE_TYPE, 0),
							org.assertj.core.groups.Tuple.tuple(Rule.NOT_AN_IMAGE, 0),
							org.assertj.core.groups.Tuple.tuple(Rule.FILE_TOO_LARGE, 0),
							org.assertj.core.groups.Tuple.tuple(Rule.FILE_REMOVED, 1),
							org.assertj.core.groups.Tuple.tuple(Rule.FILE_REMOVED, 2),
							org.assertj.core.groups.Tuple.tuple(Rule.FILE_NOT_READY, 3));
				assertThat(ex.getViolations()).extracting(Violation::message)
					.contains("file 1 'big.zip' (" + A + ") is of type application/zip, accepted are image/*",
							"file 1 'big.zip' (" + A + ") has 5000 bytes, more than the 1024 allowed",
							"file 2 (" + B + ") was removed", "file 3 was removed",
							"file 4 'slow.png' (" + C + ") is not ready yet");
			});
		assertThat(this.admin.stored).isEmpty();
	}

	@Test
	void filesCountMustEqualTheNOfTheId() {
		Group real = this.groups.add(file(A, "a.png", "image/png", true, 1), file(B, "b.png", "image/png", true, 1));
		// Uploadcare describing the id's group with fewer files than its id promises.
		Group lying = new Group(real.id(), real.createdAt(), 1, real.cdnUrl(), null, List.of(real.files().get(0)));
		assertThat(this.verifier.check(lying, real.id(), GroupRules.defaults())).extracting(Violation::rule)
			.containsExactly(Rule.FILES_COUNT_MISMATCH);
	}

	@Test
	void postedFilesBecomeAGroupUnderTheSameRules() {
		this.groups.files.put(A, file(A, "a.png", "image/png", true, 1));
		this.groups.files.put(B, file(B, "b.exe", "application/x-msdownload", false, 1));
		BrowserUpload posted = BrowserUpload.ofFiles(List.of(FileRef.of(A)),
				List.of(URI.create("https://ucarecdn.com/" + A + "/")));
		Group group = this.verifier.verify(posted, GroupRules.defaults().acceptingTypes("image/*"));
		assertThat(group.files()).extracting(GroupFile::uuid).containsExactly(A);
		BrowserUpload bad = BrowserUpload.ofFiles(List.of(FileRef.of(A), FileRef.of(B)),
				List.of(URI.create("https://ucarecdn.com/" + A + "/"), URI.create("https://ucarecdn.com/" + B + "/")));
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(bad, GroupRules.defaults().acceptingTypes("image/*")))
			.withMessageContaining("'b.exe'");
		BrowserUpload foreign = BrowserUpload.ofFiles(List.of(FileRef.of(C)),
				List.of(URI.create("https://ucarecdn.com/" + C + "/")));
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(foreign, GroupRules.defaults()))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::rule)
				.containsExactly(Rule.FILES_NOT_FOUND));
		int created = this.groups.created;
		assertThatExceptionOfType(GroupVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(bad, GroupRules.defaults().withFiles(1, 1)))
			.withMessageContaining("2 files were uploaded, at most 1");
		assertThat(this.groups.created).as("counted before any request").isEqualTo(created);
	}

	@Test
	void storageProblemsAreNamedAndStoringNeedsTheRestApi() {
		Group group = this.groups.add(file(A, "a.png", "image/png", true, 1));
		this.admin.problems.put(A, "Missing in the project");
		assertThatExceptionOfType(GroupVerificationException.class).isThrownBy(() -> this.verifier.store(group))
			.withMessageContaining("file " + A + " could not be stored: Missing in the project");
		assertThatIllegalStateException().isThrownBy(() -> new GroupVerifier(this.groups, null).store(group))
			.withMessageContaining("uploadcare.secret-key");
	}

	static GroupFile file(String uuid, String name, String type, boolean image, long size) {
		return new GroupFile(uuid, name, size, type, image, false, true, CdnOperations.NONE, null);
	}

	static final class FakeGroups implements GroupService {

		final Map<GroupId, Group> groups = new HashMap<>();

		final Map<String, GroupFile> files = new HashMap<>();

		int reads;

		int created;

		Group add(GroupFile... files) {
			GroupId id = new GroupId(java.util.UUID.randomUUID().toString(), files.length);
			Group group = new Group(id, Instant.now(), files.length, URI.create("https://ucarecdn.com/" + id + "/"), null,
					List.of(files));
			this.groups.put(id, group);
			return group;
		}

		@Override
		public Group createGroup(List<FileRef> refs) {
			List<GroupFile> found = new ArrayList<>();
			for (FileRef ref : refs) {
				GroupFile file = this.files.get(ref.uuid());
				if (file == null) {
					throw new UploadcareInvalidRequestException("group.create", 400, "GroupFilesNotFoundError",
							"Some files not found.", null);
				}
				found.add(file);
			}
			this.created++;
			return add(found.toArray(GroupFile[]::new));
		}

		@Override
		public Group uploadGroup(List<UploadRequest> requests, UploadOptions options) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Group getGroup(GroupId groupId) {
			this.reads++;
			Group group = this.groups.get(groupId);
			if (group == null) {
				throw new UploadcareNotFoundException("group.info", 404, "GroupNotFoundError", "group_id is invalid.",
						null);
			}
			return group;
		}

	}

	static final class FakeAdmin implements GroupAdminService {

		final List<String> stored = new ArrayList<>();

		final Map<String, String> problems = new HashMap<>();

		@Override
		public StorageResult storeFiles(List<String> uuids) {
			List<String> ok = uuids.stream().filter((uuid) -> !this.problems.containsKey(uuid)).toList();
			this.stored.addAll(ok);
			return new StorageResult(ok, this.problems);
		}

		@Override
		public Stream<Group> listGroups(GroupListOptions options) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Group getGroup(GroupId groupId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void deleteGroup(GroupId groupId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public StorageResult storeGroupFiles(GroupId groupId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public StorageResult deleteGroupFiles(GroupId groupId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public StorageResult deleteFiles(List<String> uuids) {
			throw new UnsupportedOperationException();
		}

	}

}
