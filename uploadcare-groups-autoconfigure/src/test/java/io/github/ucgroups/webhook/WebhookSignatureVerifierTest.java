package io.github.ucgroups.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.ucgroups.webhook.WebhookTestData.RUBY_VECTOR_SECRET;
import static io.github.ucgroups.webhook.WebhookTestData.RUBY_VECTOR_SIGNATURE;
import static io.github.ucgroups.webhook.WebhookTestData.rubyVectorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureVerifierTest {

	@Test
	void acceptsUploadcareRubysKnownVector() {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(RUBY_VECTOR_SECRET));
		assertThat(verifier.isValid(rubyVectorBody(), RUBY_VECTOR_SIGNATURE)).isTrue();
		assertThat(WebhookSignatureVerifier.sign(RUBY_VECTOR_SECRET, rubyVectorBody())).isEqualTo(RUBY_VECTOR_SIGNATURE);
	}

	@Test
	void refusesTheVectorUnderAnotherSecret() {
		// uploadcare-ruby's negative case: the secret without its last character.
		assertThat(new WebhookSignatureVerifier(List.of("12345")).isValid(rubyVectorBody(), RUBY_VECTOR_SIGNATURE))
			.isFalse();
	}

	@Test
	void refusesAWrongSignatureAndAChangedBody() {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(RUBY_VECTOR_SECRET));
		String flipped = RUBY_VECTOR_SIGNATURE.substring(0, RUBY_VECTOR_SIGNATURE.length() - 1) + "d";
		assertThat(verifier.isValid(rubyVectorBody(), flipped)).isFalse();
		byte[] changed = rubyVectorBody();
		changed[changed.length - 2] ^= 1;
		assertThat(verifier.isValid(changed, RUBY_VECTOR_SIGNATURE)).isFalse();
		// The raw bytes are signed: the same JSON with one more space is another body.
		byte[] reformatted = new String(rubyVectorBody(), StandardCharsets.UTF_8).replaceFirst(",", ", ")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(verifier.isValid(reformatted, RUBY_VECTOR_SIGNATURE)).isFalse();
	}

	@Test
	void refusesMissingAndMalformedHeaders() {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(RUBY_VECTOR_SECRET));
		byte[] body = rubyVectorBody();
		String hex = RUBY_VECTOR_SIGNATURE.substring(3);
		for (String header : Arrays.asList(null, "", "invalid", hex, "v2=" + hex, "v1=", "v1=" + hex.substring(2),
				"v1=" + hex + "00", "v1=" + "zz" + hex.substring(2), "sha256=" + hex)) {
			assertThat(verifier.isValid(body, header)).as(String.valueOf(header)).isFalse();
		}
	}

	@Test
	void toleratesUpperCaseHexAndSurroundingSpace() {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(RUBY_VECTOR_SECRET));
		assertThat(verifier.isValid(rubyVectorBody(), " V1=" + RUBY_VECTOR_SIGNATURE.substring(3).toUpperCase() + " "))
			.isTrue();
	}

	@Test
	void acceptsEverySecretOfARotation() {
		WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(List.of("the-new-secret", RUBY_VECTOR_SECRET));
		assertThat(rotating.isValid(rubyVectorBody(), RUBY_VECTOR_SIGNATURE)).as("old secret").isTrue();
		assertThat(rotating.isValid(rubyVectorBody(), WebhookSignatureVerifier.sign("the-new-secret", rubyVectorBody())))
			.as("new secret")
			.isTrue();
		assertThat(rotating.isValid(rubyVectorBody(), WebhookSignatureVerifier.sign("a-third-secret", rubyVectorBody())))
			.as("unknown secret")
			.isFalse();
	}

	@Test
	void refusesMissingBlankAndOverlongSecretsWithoutShowingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatureVerifier(List.of()))
			.withMessageContaining("at least one");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatureVerifier(List.of("ok", " ")))
			.withMessageContaining("[1]")
			.withMessageContaining("blank");
		String overlong = "s3cr3t-".repeat(5); // 35 characters
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatureVerifier(List.of(overlong)))
			.withMessageContaining("35 characters")
			.withMessageContaining("at most 32")
			.withMessageNotContaining("s3cr3t");
		assertThat(new WebhookSignatureVerifier(List.of("x".repeat(32)))).isNotNull();
	}

	@Test
	void toStringShowsNoSecret() {
		assertThat(new WebhookSignatureVerifier(List.of(RUBY_VECTOR_SECRET, "other"))).hasToString(
				"WebhookSignatureVerifier[2 secret(s)]");
	}

}
