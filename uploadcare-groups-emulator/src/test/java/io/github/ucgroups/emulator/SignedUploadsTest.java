package io.github.ucgroups.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.ucgroups.emulator.UploadApiContractTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Signed uploads: legacy signatures (with the recorded test vector) and JWTs, computed by hand. */
class SignedUploadsTest {

	static final String VECTOR = "7d2e71d1843788a02d0c7fe6f5d71edf657363a369112e78d4f37ace3f884b00";

	static UploadcareEmulator uc;

	static String file;

	@BeforeAll
	static void start() {
		uc = UploadcareEmulator.builder().signedUploadsRequired(true).start();
		file = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
	}

	@AfterAll
	static void stop() {
		uc.close();
	}

	static String hmacSha256Hex(byte[] key, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	static String jwt(String secret, String claimsJson) throws Exception {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String claims = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
		byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return header + "." + claims + "."
				+ b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
	}

	private static Http.Multipart group() {
		return new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", file);
	}

	private static URI groupUri(UploadcareEmulator emulator) {
		return Http.uri(emulator.uploadUrl(), "/group/");
	}

	@Test
	void testVectorMatchesTheHandComputedSignature() throws Exception {
		assertThat(hmacSha256Hex("demosecretkey".getBytes(StandardCharsets.UTF_8), "60")).isEqualTo(VECTOR);
	}

	@Test
	void missingWrongAndExpiredSignaturesAreRefused() throws Exception {
		assertError(Http.post(groupUri(uc), group()), 400, "`signature` is required.");
		long expire = Instant.now().getEpochSecond() + 600;
		assertError(Http.post(groupUri(uc), group().field("signature", "00" + VECTOR.substring(2))
			.field("expire", Long.toString(expire))), 403, "Invalid signature.");
		assertError(Http.post(groupUri(uc), group().field("signature", VECTOR).field("expire", "60")), 403,
				"Expired signature.");
		assertError(Http.post(groupUri(uc), group().field("signature", VECTOR)), 400, "`expire` is required.");
		assertError(Http.post(groupUri(uc), group().field("signature", VECTOR).field("expire", "soon")), 400,
				"`expire` must be a UNIX timestamp.");
		HttpResponse<String> json = Http.post(Http.uri(uc.uploadUrl(), "/group/?jsonerrors=1"),
				group().field("signature", VECTOR).field("expire", "60"));
		assertThat(Http.json(json).get("error").get("error_code").asString()).isEqualTo("SignatureExpirationError");
		assertThat(uc.groups()).isEmpty();
	}

	@Test
	void validSignaturesAreAccepted() throws Exception {
		long expire = Instant.now().getEpochSecond() + 600;
		String signature = hmacSha256Hex("demosecretkey".getBytes(StandardCharsets.UTF_8), Long.toString(expire));
		HttpResponse<String> response = Http.post(groupUri(uc),
				group().field("signature", signature).field("expire", Long.toString(expire)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		HttpResponse<String> base = Http.post(Http.uri(uc.uploadUrl(), "/base/"),
				new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
					.field("signature", signature)
					.field("expire", Long.toString(expire))
					.file("file", "f.txt", "text/plain", new byte[3]));
		assertThat(base.statusCode()).as(base.body()).isEqualTo(200);
	}

	@Test
	void theRecordedVectorIsValidAtItsOwnTime() {
		try (UploadcareEmulator past = UploadcareEmulator.builder()
			.signedUploadsRequired(true)
			.clock(Clock.fixed(Instant.ofEpochSecond(30), ZoneOffset.UTC))
			.start()) {
			String a = past.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
			HttpResponse<String> response = Http.post(groupUri(past), new Http.Multipart().field("pub_key", "demopublickey")
				.field("files[0]", a)
				.field("signature", VECTOR)
				.field("expire", "60"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(Http.json(response).get("datetime_created").asString()).isEqualTo("1970-01-01T00:00:30.000000Z");
		}
	}

	@Test
	void theVectorAcceptedByTheLiveApiIsValidAtItsOwnTime() {
		try (UploadcareEmulator past = UploadcareEmulator.builder()
			.signedUploadsRequired(true)
			.clock(Clock.fixed(Instant.ofEpochSecond(1632470819 - 1800), ZoneOffset.UTC))
			.start()) {
			String a = past.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
			Http.Multipart form = new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", a);
			HttpResponse<String> response = Http.post(groupUri(past),
					form.field("signature", "50af003e37631a54ec45a10ff21a57e8d8b1b73432597592a877a8c5bfee4eec")
						.field("expire", "1632470819"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void withoutSignedUploadsRequiredNothingIsCheckedAsOnTheRealService() throws Exception {
		try (UploadcareEmulator open = UploadcareEmulator.start()) {
			String a = open.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
			Http.Multipart wrongSignature = new Http.Multipart().field("pub_key", "demopublickey")
				.field("files[0]", a)
				.field("signature", "00" + VECTOR.substring(2))
				.field("expire", "60");
			assertThat(Http.post(groupUri(open), wrongSignature).statusCode()).isEqualTo(200);
			HttpResponse<String> expiredToken = Http.send(new Http.Multipart().field("pub_key", "demopublickey")
				.field("files[0]", a)
				.request(groupUri(open))
				.header("Authorization", "Bearer " + jwt("wrongsecret", "{\"iat\":1,\"exp\":2}"))
				.build());
			assertThat(expiredToken.statusCode()).as(expiredToken.body()).isEqualTo(200);
			assertThat(open.groups()).hasSize(2);
		}
	}

	@Test
	void jwtsAreVerified() throws Exception {
		long now = Instant.now().getEpochSecond();
		String valid = jwt("demosecretkey", "{\"iat\":" + now + ",\"exp\":" + (now + 600)
				+ ",\"uc\":{\"restrictions\":{\"scope\":[\"/group/\",\"/multipart/*\"]}}}");
		assertThat(send(valid).statusCode()).isEqualTo(200);
		HttpResponse<String> expired = send(jwt("demosecretkey", "{\"iat\":" + (now - 600) + ",\"exp\":" + (now - 1) + "}"));
		assertError(expired, 401, "Expired token.");
		assertError(send(jwt("wrongsecret", "{\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")), 401,
				"Invalid token. Reason: signature verification failed");
		assertError(send(jwt("demosecretkey", "{\"exp\":" + (now + 600) + "}")), 401,
				"Invalid token. Reason: iat claim is required");
		assertError(send(jwt("demosecretkey", "{\"iat\":" + now + ",\"exp\":" + (now + 600)
				+ ",\"uc\":{\"restrictions\":{\"scope\":[\"/base/\"]}}}")), 401,
				"Invalid token. Reason: scope does not allow /group/");
		assertError(send("not.a.jwt"), 401, "Invalid token. Reason: malformed token");
		HttpResponse<String> json = Http.send(group().request(Http.uri(uc.uploadUrl(), "/group/?jsonerrors=1"))
			.header("Authorization", "Bearer " + jwt("demosecretkey", "{\"iat\":1,\"exp\":2}"))
			.build());
		assertThat(Http.json(json).get("error").get("error_code").asString()).isEqualTo("AccessTokenExpiredError");
	}

	@Test
	void signatureIsCheckedWhenBothAreSent() throws Exception {
		long now = Instant.now().getEpochSecond();
		String valid = jwt("demosecretkey", "{\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
		HttpResponse<String> response = Http.send(group().field("signature", VECTOR)
			.field("expire", Long.toString(now + 600))
			.request(groupUri(uc))
			.header("Authorization", "Bearer " + valid)
			.build());
		assertError(response, 403, "Invalid signature.");
	}

	private static HttpResponse<String> send(String token) {
		HttpRequest request = group().request(groupUri(uc)).header("Authorization", "Bearer " + token).build();
		return Http.send(request);
	}

}
