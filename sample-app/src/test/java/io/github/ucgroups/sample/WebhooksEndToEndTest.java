package io.github.ucgroups.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.webhooks.EmulatedWebhook;
import io.github.ucgroups.emulator.webhooks.WebhookDelivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end from the embedded emulator to the sample app's webhook receiver: the app subscribes
 * itself at startup, the emulator posts signed deliveries when files are uploaded and stored, and
 * the group page shows the files reported as stored. Forged and repeated deliveries change nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhooksEndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	UploadcareEmulator emulator;

	@Autowired
	GroupService groups;

	@Autowired
	StoredFileReports reports;

	@Test
	void subscribesItselfAtStartup() {
		assertThat(this.emulator.webhooks().subscriptions()).extracting(EmulatedWebhook::event)
			.containsExactlyInAnyOrder("file.uploaded", "file.stored", "file.deleted");
		assertThat(this.emulator.webhooks().subscriptions()).allSatisfy((subscription) -> {
			assertThat(subscription.targetUrl()).isEqualTo("http://127.0.0.1:" + this.port + "/uploadcare/webhooks");
			assertThat(subscription.active()).isTrue();
			assertThat(subscription.signingSecret()).as("deliveries are signed").isNotBlank();
		});
	}

	@Test
	void groupPageShowsTheFilesReportedAsStored() {
		int before = this.emulator.webhooks().deliveries().size();
		Group group = this.groups.uploadGroup(UploadRequest.allOf(List.of(text("one.txt", "1"), text("two.txt", "22"))));

		// Each file: file.uploaded and file.stored.
		List<WebhookDelivery> deliveries = this.emulator.webhooks().awaitDeliveries(before + 4, WAIT);
		assertThat(deliveries.subList(before, deliveries.size())).allSatisfy((delivery) -> assertThat(delivery.status())
			.as(delivery.toString()).isEqualTo(200));
		for (GroupFile file : group.files()) {
			assertThat(this.reports.storedAt(file.uuid())).as(file.uuid()).isNotNull();
		}
		String page = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/groups/" + group.id())
			.retrieve()
			.body(String.class);
		assertThat(page.split("reported stored \\(webhook, ", -1)).as("one report per file").hasSize(3);
		assertThat(page).doesNotContain("not yet reported stored");
	}

	@Test
	void forgedDeliveriesAreRefusedAndNothingIsReported() {
		int before = this.emulator.webhooks().deliveries().size();
		this.emulator.webhooks().signNextDeliveryWrongly(); // file.uploaded
		this.emulator.webhooks().signNextDeliveryWrongly(); // file.stored
		Group group = this.groups.uploadGroup(UploadRequest.allOf(List.of(text("forged.txt", "x"))));

		List<WebhookDelivery> deliveries = this.emulator.webhooks().awaitDeliveries(before + 2, WAIT);
		assertThat(deliveries.subList(before, deliveries.size())).allSatisfy((delivery) -> {
			assertThat(delivery.wronglySigned()).isTrue();
			assertThat(delivery.status()).isEqualTo(401);
		});
		assertThat(this.reports.storedAt(group.files().get(0).uuid())).isNull();
		String page = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/groups/" + group.id())
			.retrieve()
			.body(String.class);
		assertThat(page).contains("not yet reported stored");
	}

	@Test
	void repeatedAndReplayedDeliveriesAreReportedOnce() {
		int before = this.emulator.webhooks().deliveries().size();
		this.emulator.webhooks().deliverNextTwice(); // file.uploaded, twice
		this.emulator.webhooks().deliverNextTwice(); // file.stored, twice
		long storedBefore = this.reports.storedEvents();
		this.groups.uploadGroup(UploadRequest.allOf(List.of(text("twice.txt", "2"))));

		List<WebhookDelivery> deliveries = this.emulator.webhooks().awaitDeliveries(before + 4, WAIT);
		List<WebhookDelivery> sent = deliveries.subList(before, deliveries.size());
		assertThat(sent).allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		WebhookDelivery stored = sent.stream().filter((delivery) -> delivery.event().equals("file.stored")).findFirst()
			.orElseThrow();
		assertThat(this.emulator.webhooks().redeliver(stored).status()).as("a replay is acknowledged").isEqualTo(200);
		assertThat(this.reports.storedEvents() - storedBefore).as("published once").isEqualTo(1);
	}

	private static UploadSource text(String name, String content) {
		return UploadSource.of(content.getBytes(StandardCharsets.UTF_8), name, "text/plain");
	}

}
