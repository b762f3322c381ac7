package io.github.ucgroups.observation;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.testsupport.Wire;
import io.github.ucgroups.testsupport.TestKeys;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static org.assertj.core.api.Assertions.assertThat;

/** With Boot's own observation and metrics auto-configuration, operations become timers and retries counters. */
class BootMetricsIntegrationTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void httpClientMetricsUseTheUriTemplateNotIdsOrKeys() {
		this.server.enqueue(Wire.json(200, Wire.fixture("group-info-deleted-files-response.json")));
		Wire.runner(this.server)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration.class))
			.run((context) -> {
				context.getBean(GroupService.class).getGroup("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				var timers = registry.find("http.client.requests").timers();
				assertThat(timers).isNotEmpty();
				assertThat(timers).allSatisfy((timer) -> assertThat(timer.getId().getTag("uri"))
					.isNotNull()
					.doesNotContain("8b1362ed")
					.doesNotContain(TestKeys.PUBLIC_KEY)
					.contains("/group/info/"));
			});
	}

	@Test
	void operationsBecomeTimersAndRetriesCounters() {
		this.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0")
			.body("Request was throttled.").build());
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RetryObserver.class);
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("uploadcare.operations")
					.tag("operation", "group.create")
					.tag("outcome", "SUCCESS")
					.tag("error", "none")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("uploadcare.retries").tag("reason", "throttled").counter().count())
					.isEqualTo(1.0);
			});
	}

}
