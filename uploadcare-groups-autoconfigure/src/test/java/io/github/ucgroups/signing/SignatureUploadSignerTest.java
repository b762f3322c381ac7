package io.github.ucgroups.signing;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignatureUploadSignerTest {

	private static final String SECRET = io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;

	@Test
	void matchesTheRecordedVector() {
		assertThat(SignatureUploadSigner.sign(SECRET, 60))
			.isEqualTo("7d2e71d1843788a02d0c7fe6f5d71edf657363a369112e78d4f37ace3f884b00");
	}

	@Test
	void matchesTheVectorAcceptedByTheLiveApi() {
		// Accepted by the live Upload API on 2021-09-24 (Uploadcare's own documentation example).
		assertThat(SignatureUploadSigner.sign(SECRET, 1632470819L))
			.isEqualTo("50af003e37631a54ec45a10ff21a57e8d8b1b73432597592a877a8c5bfee4eec");
	}

	@Test
	void differentExpireGivesDifferentSignature() {
		assertThat(SignatureUploadSigner.sign(SECRET, 61)).isNotEqualTo(SignatureUploadSigner.sign(SECRET, 60))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void expireIsNowPlusLifetimeAndSignatureMatches() {
		MutableClock clock = MutableClock.at(1_700_000_000L);
		SignatureUploadSigner signer = new SignatureUploadSigner(SECRET, Duration.ofMinutes(30), clock);
		UploadAuthorization auth = signer.authorize("/group/");
		assertThat(auth.bearerToken()).isNull();
		assertThat(auth.formFields()).containsOnlyKeys("signature", "expire");
		long expire = Long.parseLong(auth.formFields().get("expire"));
		assertThat(expire).isEqualTo(1_700_000_000L + 1800);
		assertThat(auth.formFields().get("signature")).isEqualTo(SignatureUploadSigner.sign(SECRET, expire));
	}

	@Test
	void reusesTheValueWhileFreshAndRenewsAfterHalfTheLifetime() {
		MutableClock clock = MutableClock.at(1_000_000L);
		SignatureUploadSigner signer = new SignatureUploadSigner(SECRET, Duration.ofSeconds(60), clock);
		UploadAuthorization first = signer.authorize("/group/");
		clock.advance(Duration.ofSeconds(29));
		assertThat(signer.authorize("/base/")).isEqualTo(first);
		clock.advance(Duration.ofSeconds(2)); // 31 s passed: less than half of the lifetime remains
		UploadAuthorization renewed = signer.authorize("/group/");
		assertThat(renewed).isNotEqualTo(first);
		assertThat(renewed.formFields().get("expire")).isEqualTo(Long.toString(1_000_031L + 60));
		assertThat(renewed.formFields().get("signature"))
			.isEqualTo(SignatureUploadSigner.sign(SECRET, 1_000_031L + 60));
	}

	@Test
	void neverHandsOutAnExpiredSignatureAfterALongPause() {
		MutableClock clock = MutableClock.at(1_000_000L);
		SignatureUploadSigner signer = new SignatureUploadSigner(SECRET, Duration.ofSeconds(60), clock);
		signer.authorize("/group/");
		clock.advance(Duration.ofDays(3));
		long expire = Long.parseLong(signer.authorize("/group/").formFields().get("expire"));
		assertThat(expire).isGreaterThan(clock.instant().getEpochSecond());
	}

	@Test
	void keepsTheFieldOrder() {
		// Map.copyOf's iteration order varies from JVM to JVM; many fields make a reordering near certain.
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 20; i++) {
			fields.put("field" + i, "v" + i);
		}
		assertThat(new UploadAuthorization(fields, null).formFields().keySet()).containsExactlyElementsOf(fields.keySet());
		UploadAuthorization auth = new SignatureUploadSigner(SECRET, Duration.ofMinutes(1), MutableClock.at(100))
			.authorize("/group/");
		assertThat(auth.formFields().keySet()).containsExactly("signature", "expire");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> auth.formFields().put("x", "y"));
	}

	@Test
	void rejectsBlankSecretAndTinyLifetime() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignatureUploadSigner(" ", Duration.ofMinutes(1), Clock.systemUTC()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignatureUploadSigner(SECRET, Duration.ofSeconds(1), Clock.systemUTC()));
	}

	@Test
	void toStringHidesSecretAndSignature() {
		SignatureUploadSigner signer = new SignatureUploadSigner(SECRET, Duration.ofMinutes(30), Clock.systemUTC());
		UploadAuthorization auth = signer.authorize("/group/");
		assertThat(signer.toString()).doesNotContain(SECRET);
		assertThat(auth.toString()).doesNotContain(SECRET)
			.doesNotContain(auth.formFields().get("signature"))
			.doesNotContain(auth.formFields().get("expire"));
	}

}
