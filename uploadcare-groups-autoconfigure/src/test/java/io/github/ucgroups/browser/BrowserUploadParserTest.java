package io.github.ucgroups.browser;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.cdn.CdnUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The three shapes the File Uploader posts, and the CDN host rules. */
class BrowserUploadParserTest {

	static final String GROUP = "d496a4df-0b36-4281-8156-268ae9524d4a~3";

	static final String FILE = "94a2218e-3526-428a-945e-65fbc06e7b35";

	static final String OTHER = "b1026315-8116-4632-8364-607e64fca723";

	final BrowserUploadParser parser = new BrowserUploadParser(CdnHostPolicy.forProject("demopublickey",
			Set.of(URI.create("http://127.0.0.1:8123/cdn")), List.of("cdn.example.com", "http://localhost:9000")));

	@Test
	void groupUrlOnEveryDefaultHost() {
		for (String host : List.of("https://ucarecdn.com", "https://1s4oyld5dc.ucarecd.net", "https://UCARECDN.com:443",
				"http://127.0.0.1:8123/cdn", "https://cdn.example.com", "http://localhost:9000")) {
			BrowserUpload upload = this.parser.parse(host + "/" + GROUP + "/");
			assertThat(upload.isGroup()).as(host).isTrue();
			assertThat(upload.groupId()).contains(GroupId.parse(GROUP));
			assertThat(upload.files()).isEmpty();
		}
		assertThat(this.parser.parse("https://ucarecdn.com/" + GROUP).groupId()).contains(GroupId.parse(GROUP));
	}

	@Test
	void projectHostIsDerivedFromThePublicKey() {
		assertThat(CdnUrls.projectPrefix("demopublickey")).isEqualTo("1s4oyld5dc");
		assertThat(this.parser.hosts().allowed()).contains("https://ucarecdn.com", "https://1s4oyld5dc.ucarecd.net",
				"http://127.0.0.1:8123", "https://cdn.example.com", "http://localhost:9000");
	}

	@Test
	void singleFileUrlKeepsItsOperations() {
		BrowserUpload upload = this.parser.parse("https://ucarecdn.com/" + FILE + "/-/crop/100x100/10,20/-/preview/");
		assertThat(upload.isGroup()).isFalse();
		assertThat(upload.files()).containsExactly(
				FileRef.of(FILE).withOperations(CdnOperations.parse("-/crop/100x100/10,20/-/preview/")));
		assertThat(upload.urls()).hasSize(1);
	}

	@Test
	void listOfFileUrls() {
		BrowserUpload upload = this.parser
			.parseAll(List.of("https://ucarecdn.com/" + FILE + "/", "https://1s4oyld5dc.ucarecd.net/" + OTHER + "/-/resize/x800/"));
		assertThat(upload.files()).containsExactly(FileRef.of(FILE), FileRef.of(OTHER).withOperations("resize/x800"));
	}

	@Test
	void foreignHostsAreRefusedNamingTheValue() {
		for (String url : List.of("https://evil.example.com/" + GROUP + "/", "http://ucarecdn.com/" + GROUP + "/",
				"https://ucarecdn.com.evil.example/" + FILE + "/", "http://127.0.0.1:8124/" + GROUP + "/",
				"https://2s4oyld5dc.ucarecd.net/" + FILE + "/", "ftp://ucarecdn.com/" + FILE + "/")) {
			assertThatIllegalArgumentException().as(url)
				.isThrownBy(() -> this.parser.parse(url))
				.withMessageContaining("'" + url + "' is not on an allowed Uploadcare CDN host")
				.withMessageContaining("uploadcare.browser-uploads.cdn-hosts");
		}
	}

	@Test
	void groupSizeUpTo1000() {
		String uuid = "d496a4df-0b36-4281-8156-268ae9524d4a";
		assertThat(this.parser.parse("https://ucarecdn.com/" + uuid + "~1000/").groupId().orElseThrow().filesCount())
			.isEqualTo(1000);
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("https://ucarecdn.com/" + uuid + "~1001/"))
			.withMessageContaining(uuid + "~1001");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("https://ucarecdn.com/" + uuid + "~0/"))
			.withMessageContaining(uuid + "~0");
	}

	@Test
	void malformedValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(""))
			.withMessageContaining("field is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(GROUP))
			.withMessageContaining("'" + GROUP + "' is not a CDN URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.parser.parse("https://ucarecdn.com/" + GROUP + "/nth/0/"))
			.withMessageContaining("nothing after the group id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.parser.parse("https://ucarecdn.com/" + GROUP + "/?x=1"))
			.withMessageContaining("nothing after the group id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("https://ucarecdn.com/not-a-file/"))
			.withMessageContaining("not-a-file");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.parser.parseAll(List.of("https://ucarecdn.com/" + FILE + "/",
					"https://ucarecdn.com/" + GROUP + "/")))
			.withMessageStartingWith("files[1]: ")
			.withMessageContaining("is a group URL");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parseAll(List.of()))
			.withMessageContaining("No files");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.parser.parseAll(Collections.nCopies(1001, "https://ucarecdn.com/" + FILE + "/")))
			.withMessageContaining("at most 1000");
	}

	@Test
	void malformedCustomHostsFailNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CdnHostPolicy.forProject("demopublickey", Set.of(), List.of("cdn.example.com/path")))
			.withMessageContaining("'cdn.example.com/path' in uploadcare.browser-uploads.cdn-hosts");
	}

}
