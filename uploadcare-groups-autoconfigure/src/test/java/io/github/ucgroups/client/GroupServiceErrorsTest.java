package io.github.ucgroups.client;

import java.util.List;
import java.util.function.Consumer;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.testsupport.Wire;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every error form of the Upload API becomes the right typed exception. */
class GroupServiceErrorsTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private ApplicationContextRunner runner() {
		return Wire.runner(this.server)
			.withPropertyValues("uploadcare.secret-key=" + SECRET_KEY, "uploadcare.retry.max-attempts=1");
	}

	private <E extends UploadcareException> E create(MockResponse response, Class<E> type) {
		return call(response, type, (groups) -> groups.createGroup(FileRef.parseAll(List.of(FILE_1))));
	}

	private <E extends UploadcareException> E call(MockResponse response, Class<E> type,
			Consumer<GroupService> action) {
		this.server.enqueue(response);
		Object[] holder = new Object[1];
		runner().run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			holder[0] = catchThrowableOfType(type, () -> action.accept(groups));
		});
		@SuppressWarnings("unchecked")
		E ex = (E) holder[0];
		assertThat(ex).as("expected " + type.getSimpleName()).isNotNull();
		assertThat(ex.getMessage()).doesNotContain(SECRET_KEY);
		assertThat(ex.toString()).doesNotContain(SECRET_KEY);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		return ex;
	}

	@Test
	void plainText400() {
		UploadcareInvalidRequestException ex = create(Wire.text(400, "Some files not found."),
				UploadcareInvalidRequestException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getStatus()).isEqualTo(400);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getDetail()).isEqualTo("Some files not found.");
		assertThat(ex.getMessage()).contains("group.create").contains("400").contains("Some files not found.");
		assertThat(ex.isTransient()).isFalse();
	}

	@Test
	void plainText404OnInfoIsNotFound() {
		UploadcareNotFoundException ex = call(Wire.text(404, "group_id is invalid."), UploadcareNotFoundException.class,
				(groups) -> groups.getGroup(Wire.GROUP_ID));
		assertThat(ex.getOperation()).isEqualTo("group.info");
		assertThat(ex.getStatus()).isEqualTo(404);
		assertThat(ex.getDetail()).isEqualTo("group_id is invalid.");
	}

	@Test
	void findGroupTurnsNotFoundIntoEmpty() {
		this.server.enqueue(Wire.text(404, "group_id is invalid."));
		runner().run((context) -> assertThat(
				context.getBean(GroupService.class).findGroup(GroupId.parse(Wire.GROUP_ID))).isEmpty());
	}

	@Test
	void plainText403IsAuthentication() {
		UploadcareAuthenticationException ex = create(Wire.text(403, "pub_key is invalid."),
				UploadcareAuthenticationException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getStatus()).isEqualTo(403);
		assertThat(ex.getDetail()).isEqualTo("pub_key is invalid.");
	}

	@Test
	void jsonEnvelopeWithHttp200IsInvalidRequest() {
		UploadcareInvalidRequestException ex = create(Wire.json(200, Wire.fixture("error-envelope-jsonerrors.json")),
				UploadcareInvalidRequestException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getStatus()).isEqualTo(400);
		assertThat(ex.getErrorCode()).isEqualTo("GroupFilesNotFoundError");
		assertThat(ex.getDetail()).isEqualTo("Some files not found.");
		assertThat(ex.getMessage()).contains("GroupFilesNotFoundError");
	}

	@Test
	void jsonEnvelopeWithRealStatus() {
		UploadcareAuthenticationException ex = create(Wire.json(403,
				"{\"error\":{\"status_code\":403,\"content\":\"Invalid signature.\",\"error_code\":\"SignatureInvalidError\"}}"),
				UploadcareAuthenticationException.class);
		assertThat(ex.getStatus()).isEqualTo(403);
		assertThat(ex.getErrorCode()).isEqualTo("SignatureInvalidError");
		assertThat(ex.getDetail()).isEqualTo("Invalid signature.");
	}

	@Test
	void throttledEnvelopeWithHttp200CarriesRetryAfter() {
		MockResponse response = new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader("Retry-After", "7")
			.body("{\"error\":{\"status_code\":429,\"content\":\"Request was throttled.\",\"error_code\":\"RequestThrottledError\"}}")
			.build();
		UploadcareThrottledException ex = create(response, UploadcareThrottledException.class);
		assertThat(ex.getStatus()).isEqualTo(429);
		assertThat(ex.getRetryAfter()).contains(java.time.Duration.ofSeconds(7));
	}

	@Test
	void htmlGatewayPageIsServerError() {
		MockResponse response = new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
					+ "<hr><center>nginx</center></body></html>")
			.build();
		UploadcareServerException ex = create(response, UploadcareServerException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getStatus()).isEqualTo(502);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getDetail()).doesNotContain("<html>");
		assertThat(ex.isTransient()).isTrue();
	}

	@Test
	void nonJsonBodyWithHttp200IsServerError() {
		UploadcareServerException ex = create(Wire.text(200, "OK but not JSON"), UploadcareServerException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getStatus()).isEqualTo(200);
		assertThat(ex.getDetail()).contains("not JSON");
	}

	@Test
	void jsonWithoutGroupFieldsIsServerError() {
		UploadcareServerException ex = create(Wire.json(200, "{\"unexpected\":true}"), UploadcareServerException.class);
		assertThat(ex.getOperation()).isEqualTo("group.create");
		assertThat(ex.getDetail()).contains("id");
	}

	@Test
	void hugeErrorBodyIsAbbreviated() {
		UploadcareInvalidRequestException ex = create(Wire.text(400, "x".repeat(100_000)),
				UploadcareInvalidRequestException.class);
		assertThat(ex.getMessage()).hasSizeLessThan(1_000);
	}

	@Test
	void emptyErrorBodyStillDescribesTheStatus() {
		UploadcareServerException ex = create(Wire.text(503, ""), UploadcareServerException.class);
		assertThat(ex.getStatus()).isEqualTo(503);
		assertThat(ex.getDetail()).isNotBlank();
	}

}
