package io.github.ucgroups;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GroupTest {

	private static final GroupId ID = GroupId.parse("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");

	private static final URI CDN = URI.create("https://ucarecdn.com/8b1362ed-b477-4a15-819a-2c6bb497d8bd~3/");

	private static GroupFile file(String uuid) {
		return new GroupFile(uuid, "a.png", 10, "image/png", true, true, true, CdnOperations.NONE, null);
	}

	@Test
	void nullEntriesArePurgedFilesThatKeepTheirPlace() {
		Group group = new Group(ID, Instant.EPOCH, 3, CDN, null, Arrays.asList(null, null, null));
		assertThat(group.files()).hasSize(3).doesNotContainNull().allSatisfy((file) -> {
			assertThat(file.isRemoved()).isTrue();
			assertThat(file.uuid()).isNull();
			assertThat(file.removedAt()).isNull();
			assertThat(file).isEqualTo(GroupFile.purged());
		});
		assertThat(group.presentFiles()).isEmpty();
		assertThat(group.hasRemovedFiles()).isTrue();
	}

	@Test
	void presentFilesSkipsRemovedAndPurgedFilesInOrder() {
		GroupFile a = file("94a2218e-3526-428a-945e-65fbc06e7b35");
		GroupFile b = file("b1026315-8116-4632-8364-607e64fca723");
		GroupFile removed = new GroupFile("d3c4ff3e-bd1e-4b8c-a3a4-6ba6e48c9a8f", "gone.png", 10, "image/png", true,
				false, true, CdnOperations.NONE, null, Instant.parse("2023-03-01T10:00:00.123456Z"));
		Group group = new Group(ID, Instant.EPOCH, 4, CDN, null, Arrays.asList(a, null, removed, b));
		assertThat(group.files()).containsExactly(a, GroupFile.purged(), removed, b);
		assertThat(group.files()).extracting(GroupFile::isRemoved).containsExactly(false, true, true, false);
		assertThat(removed.removedAt()).isEqualTo(Instant.parse("2023-03-01T10:00:00.123456Z"));
		assertThat(group.presentFiles()).containsExactly(a, b);
		assertThat(group.hasRemovedFiles()).isTrue();
		assertThat(new Group(ID, Instant.EPOCH, 2, CDN, null, List.of(a, b)).hasRemovedFiles()).isFalse();
	}

	@Test
	void aPresentFileNeedsItsUuid() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> file(null));
	}

	@Test
	void copiesTheFileListDefensively() {
		List<GroupFile> files = new ArrayList<>(Arrays.asList(null, null, null));
		Group group = new Group(ID, Instant.EPOCH, 3, CDN, null, files);
		files.clear();
		assertThat(group.files()).hasSize(3);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> group.files().add(GroupFile.purged()));
	}

	@Test
	void nthFileUrl() {
		Group group = new Group(ID, Instant.EPOCH, 3, CDN, null, List.of());
		assertThat(group.nthFileUrl(0)).isEqualTo(URI.create(CDN + "nth/0/"));
		assertThat(group.nthFileUrl(2, CdnOperations.parse("resize/256x")))
			.isEqualTo(URI.create(CDN + "nth/2/-/resize/256x/"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> group.nthFileUrl(3));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> group.nthFileUrl(-1));
	}

	@Test
	void nthFileUrlAddsMissingSlash() {
		Group group = new Group(ID, Instant.EPOCH, 3, URI.create("https://ucarecdn.com/8b1362ed-b477-4a15-819a-2c6bb497d8bd~3"),
				null, List.of());
		assertThat(group.nthFileUrl(1)).hasToString("https://ucarecdn.com/8b1362ed-b477-4a15-819a-2c6bb497d8bd~3/nth/1/");
	}

}
