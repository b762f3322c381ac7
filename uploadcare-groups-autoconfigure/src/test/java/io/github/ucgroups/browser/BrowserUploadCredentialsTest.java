package io.github.ucgroups.browser;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Credentials for browsers: the legacy signature (live API vector) and JWTs with scope and limit. */
class BrowserUploadCredentialsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void signatureMatchesTheLiveApiVectorAndExpiresALifetimeFromNow() {
		// expire 1632470819 was accepted by the live API with demosecretkey.
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1632470819 - 1800), ZoneOffset.UTC);
		UploadCredentials credentials = BrowserUploadCredentials
			.signatures("demosecretkey", Duration.ofMinutes(30), clock)
			.issue();
		assertThat(credentials.secureExpire()).isEqualTo("1632470819");
		assertThat(credentials.secureSignature())
			.isEqualTo("50af003e37631a54ec45a10ff21a57e8d8b1b73432597592a877a8c5bfee4eec");
		assertThat(credentials.token()).isNull();
		JsonNode json = JSON.readTree(JSON.writeValueAsString(credentials));
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("secureSignature", "secureExpire");
		assertThat(credentials.toString()).doesNotContain("50af003e").doesNotContain("1632470819\"");
	}

	@Test
	void jwtCarriesScopeAndOperationsLimit() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
		UploadCredentials credentials = BrowserUploadCredentials
			.jwt("demosecretkey", Duration.ofHours(1), clock, List.of("/base/", "/multipart/*", "/group/"), 20)
			.issue();
		assertThat(credentials.secureSignature()).isNull();
		String[] parts = credentials.token().split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		assertThat(claims.path("exp").asLong()).isEqualTo(1_800_003_600L);
		assertThat(claims.path("uc").path("restrictions").path("scope").toString())
			.isEqualTo("[\"/base/\",\"/multipart/*\",\"/group/\"]");
		assertThat(claims.path("uc").path("restrictions").path("limits").path("operations").asInt()).isEqualTo(20);
		assertThat(credentials.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_800_003_600L));
		JsonNode json = JSON.readTree(JSON.writeValueAsString(credentials));
		assertThat(json.propertyNames()).containsExactly("token");
		assertThat(credentials.toString()).doesNotContain(parts[2]);
	}

	@Test
	void jwtWithoutLimitHasNoLimitsClaim() {
		UploadCredentials credentials = BrowserUploadCredentials
			.jwt("demosecretkey", Duration.ofHours(1), Clock.systemUTC(), List.of("/base/"), null)
			.issue();
		String payload = new String(Base64.getUrlDecoder().decode(credentials.token().split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(payload).doesNotContain("limits");
	}

	@Test
	void badSettingsFailAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrowserUploadCredentials.jwt("k", Duration.ofHours(1), Clock.systemUTC(), List.of(), null))
			.withMessageContaining("scope");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrowserUploadCredentials.jwt("k", Duration.ofHours(1), Clock.systemUTC(),
					List.of("/base/"), 0))
			.withMessageContaining("operations limit 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrowserUploadCredentials.signatures(" ", Duration.ofHours(1), Clock.systemUTC()));
	}

}
