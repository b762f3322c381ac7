package io.github.ucgroups.cdn;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CdnUrlsTest {

	static final GroupId GROUP = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~3");

	static final String FILE = "94a2218e-3526-428a-945e-65fbc06e7b35";

	private final CdnUrls urls = new CdnUrls(URI.create("https://ucarecdn.com"));

	@Test
	void groupUrlEndsWithSlash() {
		assertThat(this.urls.groupUrl(GROUP)).hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/");
	}

	@Test
	void baseWithOrWithoutTrailingSlashOrPathGivesOneSlash() {
		assertThat(new CdnUrls(URI.create("https://cdn.example.com///")).groupUrl(GROUP))
			.hasToString("https://cdn.example.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/");
		assertThat(new CdnUrls(URI.create("http://127.0.0.1:8080/cdn/")).fileUrl(FILE, CdnOperations.NONE))
			.hasToString("http://127.0.0.1:8080/cdn/" + FILE + "/");
	}

	@Test
	void nthFileUrlWithAndWithoutOperations() {
		assertThat(this.urls.nthFileUrl(GROUP, 0))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/nth/0/");
		assertThat(this.urls.nthFileUrl(GROUP, 2, CdnOperations.parse("-/resize/256x/-/quality/smart/")))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/nth/2/-/resize/256x/-/quality/smart/");
		assertThat(this.urls.nthFileUrl(GROUP, 1, CdnOperations.of("resize/x800")))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/nth/1/-/resize/x800/");
	}

	@Test
	void nthFileUrlRefusesIndexOutsideGroup() {
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> this.urls.nthFileUrl(GROUP, 3));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> this.urls.nthFileUrl(GROUP, -1));
	}

	@Test
	void groupOverloadsUseTheConfiguredBase() {
		Group group = new Group(GROUP, Instant.parse("2018-09-12T10:03:38.686710Z"), 3,
				URI.create("https://ucarecdn.com/" + GROUP + "/"), null, Arrays.asList(null, null, null));
		CdnUrls project = new CdnUrls(URI.create("https://abc.ucarecd.net"));
		assertThat(project.groupUrl(group)).hasToString("https://abc.ucarecd.net/" + GROUP + "/");
		assertThat(project.nthFileUrl(group, 1, CdnOperations.of("preview")))
			.hasToString("https://abc.ucarecd.net/" + GROUP + "/nth/1/-/preview/");
		assertThat(project.archiveUrl(group, "all.zip")).hasToString("https://abc.ucarecd.net/" + GROUP + "/archive/zip/all.zip");
	}

	@Test
	void archiveUrlEncodesAndValidatesTheName() {
		assertThat(this.urls.archiveUrl(GROUP, "photos.zip"))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/archive/zip/photos.zip");
		assertThat(this.urls.archiveUrl(GROUP, "my photos (1).zip"))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/archive/zip/my%20photos%20(1).zip");
		for (String bad : List.of("", "../x.zip", "a/b.zip", "x.zip?y=1", "x#y", ".hidden", "name.", "a\nb", "ü.zip",
				"x".repeat(201))) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> this.urls.archiveUrl(GROUP, bad));
		}
	}

	@Test
	void archiveUrlsInZipAndTar() {
		assertThat(this.urls.archiveUrl(GROUP, CdnUrls.ArchiveFormat.TAR, "photos.tar"))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/archive/tar/photos.tar");
		assertThat(this.urls.archiveUrl(GROUP, CdnUrls.ArchiveFormat.ZIP, "photos.zip"))
			.isEqualTo(this.urls.archiveUrl(GROUP, "photos.zip"));
		assertThat(this.urls.archiveUrl(GROUP, CdnUrls.ArchiveFormat.TAR))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/archive/tar/");
		assertThat(this.urls.archiveUrl(GROUP, CdnUrls.ArchiveFormat.ZIP))
			.hasToString("https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~3/archive/zip/");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.urls.archiveUrl(GROUP, CdnUrls.ArchiveFormat.TAR, "../x.tar"));
	}

	@Test
	void fileUrlAppendsOperationsOnce() {
		assertThat(this.urls.fileUrl(FILE, CdnOperations.NONE)).hasToString("https://ucarecdn.com/" + FILE + "/");
		assertThat(this.urls.fileUrl(FILE.toUpperCase(), CdnOperations.parse("resize/x800/-/format/webp/")))
			.hasToString("https://ucarecdn.com/" + FILE + "/-/resize/x800/-/format/webp/");
		assertThat(this.urls.fileUrl(FileRef.parse(FILE + "/-/crop/10x10/"))).hasToString("https://ucarecdn.com/" + FILE + "/-/crop/10x10/");
		assertThatIllegalArgumentException().isThrownBy(() -> this.urls.fileUrl("not-a-uuid", CdnOperations.NONE));
	}

	@Test
	void refusesBadBase() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnUrls(URI.create("ucarecdn.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnUrls(URI.create("ftp://ucarecdn.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnUrls(URI.create("https://ucarecdn.com/?a=b")));
	}

	@Test
	void projectPrefixMatchesIndependentBase36OfSha256() throws Exception {
		// Computed separately with Python (int(sha256(key).hexdigest(), 16) in base 36, first 10 chars).
		assertThat(CdnUrls.projectPrefix("demopublickey")).isEqualTo("1s4oyld5dc");
		assertThat(CdnUrls.projectCdnBase("demopublickey")).isEqualTo(URI.create("https://1s4oyld5dc.ucarecd.net"));
		for (String key : List.of("161fe6bb917ca422b3c0", "caa9d29da887ee88ffe6", "x")) {
			assertThat(CdnUrls.projectPrefix(key)).as(key).isEqualTo(longDivisionBase36(key));
		}
		assertThat(CdnUrls.projectPrefix("161fe6bb917ca422b3c0")).isEqualTo("17jr61jw8c");
	}

	/** Base 36 by schoolbook long division over the digest bytes, without BigInteger. */
	private static String longDivisionBase36(String key) throws Exception {
		int[] number = new int[32];
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < digest.length; i++) {
			number[i] = digest[i] & 0xff;
		}
		StringBuilder digits = new StringBuilder();
		boolean zero = false;
		while (!zero) {
			int remainder = 0;
			zero = true;
			for (int i = 0; i < number.length; i++) {
				int value = remainder * 256 + number[i];
				number[i] = value / 36;
				remainder = value % 36;
				if (number[i] != 0) {
					zero = false;
				}
			}
			digits.append("0123456789abcdefghijklmnopqrstuvwxyz".charAt(remainder));
		}
		return digits.reverse().substring(0, 10);
	}

}
