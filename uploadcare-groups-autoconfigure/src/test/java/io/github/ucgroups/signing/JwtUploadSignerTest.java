package io.github.ucgroups.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JwtUploadSignerTest {

	private static final String SECRET = io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode decode(String part) {
		return JSON.readTree(Base64.getUrlDecoder().decode(part));
	}

	private static String hs256(String secret, String input) throws Exception {
		byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void tokenIsAValidHs256JwtWithClaims() throws Exception {
		MutableClock clock = MutableClock.at(1_800_000_000L);
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(1), clock);
		UploadAuthorization auth = signer.authorize("/group/");
		assertThat(auth.formFields()).isEmpty();
		String token = auth.bearerToken();
		assertThat(token).isNotNull();
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		assertThat(token).doesNotContain("=").doesNotContain("+").doesNotContain("/");

		JsonNode header = decode(parts[0]);
		assertThat(header.path("alg").asString()).isEqualTo("HS256");
		assertThat(header.path("typ").asString()).isEqualTo("JWT");

		JsonNode payload = decode(parts[1]);
		// iat is back-dated so that a host clock slightly ahead of Uploadcare's is not refused
		assertThat(payload.path("iat").asLong()).isEqualTo(1_800_000_000L - 30);
		assertThat(payload.path("exp").asLong()).isEqualTo(1_800_000_000L + 3600);
		JsonNode scope = payload.path("uc").path("restrictions").path("scope");
		assertThat(scope.isArray()).isTrue();
		assertThat(scope.size()).isEqualTo(1);
		assertThat(scope.get(0).asString()).isEqualTo("/group/");

		assertThat(parts[2]).isEqualTo(hs256(SECRET, parts[0] + "." + parts[1]));
		assertThat(parts[2]).isNotEqualTo(hs256("othersecret", parts[0] + "." + parts[1]));
	}

	@Test
	void cachedPerScope() {
		MutableClock clock = MutableClock.at(1_800_000_000L);
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(1), clock);
		String group = signer.authorize("/group/").bearerToken();
		String base = signer.authorize("/base/").bearerToken();
		assertThat(base).isNotEqualTo(group);
		clock.advance(Duration.ofMinutes(10));
		assertThat(signer.authorize("/group/").bearerToken()).isEqualTo(group);
		assertThat(signer.authorize("/base/").bearerToken()).isEqualTo(base);
		assertThat(decode(base.split("\\.")[1]).path("uc").path("restrictions").path("scope").get(0).asString())
			.isEqualTo("/base/");
	}

	@Test
	void refreshedWhenCloseToExpiry() {
		MutableClock clock = MutableClock.at(1_800_000_000L);
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(1), clock);
		String first = signer.authorize("/group/").bearerToken();
		clock.advance(Duration.ofMinutes(44)); // 16 minutes left: more than a quarter of the lifetime
		assertThat(signer.authorize("/group/").bearerToken()).isEqualTo(first);
		clock.advance(Duration.ofMinutes(2)); // 14 minutes left
		String refreshed = signer.authorize("/group/").bearerToken();
		assertThat(refreshed).isNotEqualTo(first);
		JsonNode payload = decode(refreshed.split("\\.")[1]);
		assertThat(payload.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond() - 30);
		assertThat(payload.path("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
	}

	@Test
	void aTwentyFourHourTokenStaysWithinTheLimitDespiteTheBackDatedIat() {
		MutableClock clock = MutableClock.at(1_800_000_000L);
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(24), clock);
		JsonNode payload = decode(signer.authorize("/group/").bearerToken().split("\\.")[1]);
		assertThat(payload.path("iat").asLong()).isEqualTo(1_800_000_000L - 30);
		assertThat(payload.path("exp").asLong() - payload.path("iat").asLong()).isEqualTo(24 * 3600);
	}

	@Test
	void concurrentCallersShareOneToken() throws Exception {
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(1), MutableClock.at(1_800_000_000L));
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return signer.authorize("/group/").bearerToken();
				}));
			}
			start.countDown();
			Set<String> distinct = new HashSet<>();
			for (Future<String> future : futures) {
				distinct.add(future.get(10, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rejectsBadLifetimeAndBlankSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JwtUploadSigner(SECRET, Duration.ofHours(25), Clock.systemUTC()));
		assertThatIllegalArgumentException().isThrownBy(() -> new JwtUploadSigner(SECRET, Duration.ofSeconds(1), Clock.systemUTC()));
		assertThatIllegalArgumentException().isThrownBy(() -> new JwtUploadSigner("", Duration.ofHours(1), Clock.systemUTC()));
	}

	@Test
	void toStringHidesSecretAndToken() {
		JwtUploadSigner signer = new JwtUploadSigner(SECRET, Duration.ofHours(1), Clock.systemUTC());
		UploadAuthorization auth = signer.authorize("/group/");
		assertThat(signer.toString()).doesNotContain(SECRET);
		assertThat(auth.toString()).doesNotContain(SECRET).doesNotContain(auth.bearerToken()).contains("******");
	}

}
