package io.github.ucgroups.observation;

import java.util.List;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.testsupport.Wire;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code uploadcare.operations} observation. */
class UploadcareObservationTest {

	private MockWebServer server;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void successfulCreateIsObserved() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).withBean(ObservationRegistry.class, () -> this.registry).run((context) -> {
			context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1, FILE_1)));
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("uploadcare.operations", 1)
				.hasObservationWithNameEqualTo("uploadcare.operations")
				.that()
				.hasContextualNameEqualTo("uploadcare group.create")
				.hasLowCardinalityKeyValue("operation", "group.create")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("error", "none")
				.hasHighCardinalityKeyValue("uploadcare.files.count", "2")
				.hasHighCardinalityKeyValue("uploadcare.retries", "0")
				.hasBeenStarted()
				.hasBeenStopped();
		});
	}

	@Test
	void failingInfoGetsOutcomeAndErrorTags() {
		this.server.enqueue(Wire.text(404, "group_id is invalid."));
		Wire.runner(this.server).withBean(ObservationRegistry.class, () -> this.registry).run((context) -> {
			assertThatExceptionOfType(UploadcareNotFoundException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).getGroup(Wire.GROUP_ID));
			assertThat(this.registry).hasObservationWithNameEqualTo("uploadcare.operations")
				.that()
				.hasLowCardinalityKeyValue("operation", "group.info")
				.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
				.hasLowCardinalityKeyValue("error", "UploadcareNotFoundException")
				.hasHighCardinalityKeyValue("uploadcare.group.id", Wire.GROUP_ID)
				.hasError();
		});
	}

	@Test
	void retriedServerErrorsAreCountedOnTheOneObservation() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(Wire.text(500, "Internal error."));
		}
		Wire.runner(this.server).withBean(ObservationRegistry.class, () -> this.registry).run((context) -> {
			assertThatExceptionOfType(UploadcareServerException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))));
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("uploadcare.operations", 1)
				.hasObservationWithNameEqualTo("uploadcare.operations")
				.that()
				.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
				.hasLowCardinalityKeyValue("error", "UploadcareServerException")
				.hasHighCardinalityKeyValue("uploadcare.retries", "2");
		});
	}

	@Test
	void unreadableSuccessfulAnswerIsObservedAsFailure() {
		this.server.enqueue(Wire.text(200, "OK but not JSON"));
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.retry.max-attempts=1")
			.withBean(ObservationRegistry.class, () -> this.registry)
			.run((context) -> {
				assertThatExceptionOfType(UploadcareServerException.class)
					.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))));
				assertThat(this.registry).hasObservationWithNameEqualTo("uploadcare.operations")
					.that()
					.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
					.hasLowCardinalityKeyValue("error", "UploadcareServerException");
			});
	}

	@Test
	void customConventionReplacesTheDefault() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withBean(ObservationRegistry.class, () -> this.registry)
			.withBean(UploadcareObservationConvention.class, CustomConvention::new)
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
					.hasObservationWithNameEqualTo("custom.uploadcare")
					.that()
					.hasLowCardinalityKeyValue("op", "group.create")
					.doesNotHaveLowCardinalityKeyValueWithKey("outcome");
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("uploadcare.operations", 0);
			});
	}

	static class CustomConvention implements UploadcareObservationConvention {

		@Override
		public String getName() {
			return "custom.uploadcare";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(UploadcareObservationContext context) {
			return KeyValues.of("op", context.getOperation());
		}

	}

}
