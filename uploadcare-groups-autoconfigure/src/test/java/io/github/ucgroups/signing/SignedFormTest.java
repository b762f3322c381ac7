package io.github.ucgroups.signing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class SignedFormTest {

	@Test
	void toStringHidesTheSignatureAndExpiryButTheFormKeepsThem() {
		SignedForm form = new SignedForm();
		form.add("pub_key", "demopublickey");
		new SignatureUploadSigner("demosecretkey", Duration.ofMinutes(30), MutableClock.at(0))
			.authorize("/group/")
			.addTo(form);
		form.add("files[0]", "b1026315-8116-4632-8364-607e64fca723");
		String signature = (String) form.getFirst("signature");
		String expire = (String) form.getFirst("expire");
		assertThat(signature).hasSize(64);
		assertThat(expire).isEqualTo("1800");
		assertThat(form.toString()).isEqualTo("{pub_key=[demopublickey], signature=[******], expire=[******], "
				+ "files[0]=[b1026315-8116-4632-8364-607e64fca723]}")
			.doesNotContain(signature);
	}

}
