package io.github.ucgroups.emulator.e2e;

import java.util.List;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application as users build it: every auto-configuration on the class path (Boot's
 * RestClient.Builder and HTTP client settings, observation, metrics, actuator health), the
 * emulator from {@link AutoConfigureUploadcareEmulator}.
 */
@SpringBootTest(classes = FullStackEndToEndTest.App.class,
		properties = "management.endpoint.health.show-details=always")
@AutoConfigureUploadcareEmulator
@DirtiesContext
class FullStackEndToEndTest {

	@Autowired
	GroupService groups;

	@Autowired
	GroupAdminService admin;

	@Autowired
	UploadcareEmulator emulator;

	@Autowired
	HealthEndpoint health;

	@Autowired
	MeterRegistry meters;

	@Test
	void groupsRestHealthAndMetricsWorkTogether() {
		String a = E2e.seed(this.emulator, "full-stack");
		this.emulator.faults().throttle("/group/", 1);
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(a)));
		assertThat(this.groups.getGroup(group.id())).isEqualTo(group);
		assertThat(this.admin.getGroup(group.id()).id()).isEqualTo(group.id());

		assertThat(this.health.healthForPath("uploadcare").getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);

		assertThat(this.meters.find("uploadcare.operations").tag("operation", "group.create")
			.tag("outcome", "SUCCESS").timer()).isNotNull().satisfies((timer) -> assertThat(timer.count()).isOne());
		assertThat(this.meters.find("uploadcare.retries").tag("reason", "throttled").counter()).isNotNull();
		// RestClient's own metric nests under ours and is tagged with URI templates, never raw ids.
		assertThat(this.meters.find("http.client.requests").timers()).isNotEmpty()
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).doesNotContain(group.id().uuid())
				.doesNotContain(this.emulator.publicKey()));
		assertThat(this.meters.find("http.client.requests").tag("uri", "/group/?jsonerrors=1").timer()).isNotNull()
			.satisfies((timer) -> assertThat(timer.count()).as("throttled, then created").isEqualTo(2));
		assertThat(this.meters.find("http.client.requests").tag("uri", "/groups/{id}/").timer()).isNotNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
