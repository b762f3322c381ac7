package io.github.ucgroups.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.GroupFile;
import io.github.ucgroups.UploadcareFile;
import io.github.ucgroups.webhook.WebhookPayloadReader.UnreadableDeliveryException;

import static io.github.ucgroups.webhook.WebhookTestData.FILE_UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookPayloadReaderTest {

	private final WebhookPayloadReader reader = new WebhookPayloadReader(JsonMapper.builder().build());

	@Test
	void readsAFileStoredDelivery() {
		UploadcareWebhookEvent event = this.reader.read(this, WebhookTestData.fileStored());

		assertThat(event).isInstanceOf(FileStoredEvent.class);
		assertThat(event.getEventType()).isEqualTo("file.stored");
		assertThat(event.getHook()).isEqualTo(new UploadcareWebhookEvent.Hook(1283756, "file.stored",
				URI.create("https://app.example.com/uploadcare/webhooks"), "demopublickey", 42797L, "0.7"));
		assertThat(event.getInitiator()).isEqualTo(new UploadcareWebhookEvent.Initiator("api",
				"d6c9ed1f-4c4c-4a8c-8d71-0b6f2c0e2f41", null, null));
		assertThat(event.getBody()).isEqualTo(new String(WebhookTestData.fileStored(), StandardCharsets.UTF_8));
		UploadcareFile file = ((FileStoredEvent) event).getFile();
		assertThat(file.uuid()).isEqualTo(FILE_UUID);
		assertThat(file.originalFilename()).isEqualTo("IMG_3037.heic");
		assertThat(file.size()).isEqualTo(1603303);
		assertThat(file.mimeType()).isEqualTo("image/heic");
		assertThat(file.image()).isTrue();
		assertThat(file.ready()).isTrue();
		assertThat(file.stored()).isTrue();
		assertThat(file.storedAt()).isEqualTo(Instant.parse("2022-10-05T15:38:09Z"));
		assertThat(file.uploadedAt()).isEqualTo(Instant.parse("2022-10-05T15:38:07.959425Z"));
		assertThat(file.removed()).isFalse();
		assertThat(file.metadata()).isEqualTo(Map.of("album", "holidays"));
		assertThat(file.imageInfo()).isEqualTo(new GroupFile.ImageInfo(4032, 3024, "HEIF"));
		assertThat(((FileStoredEvent) event).getFileUrl())
			.isEqualTo(URI.create("https://ucarecdn.com/" + FILE_UUID + "/IMG_3037.heic"));
	}

	@Test
	void givesEachKnownKindItsOwnType() {
		assertThat(this.reader.read(this, WebhookTestData.delivery("file.uploaded"))).isInstanceOf(FileUploadedEvent.class);
		assertThat(this.reader.read(this, WebhookTestData.delivery("file.deleted"))).isInstanceOf(FileDeletedEvent.class);
		assertThat(this.reader.read(this, WebhookTestData.delivery("file.infected"))).isInstanceOf(FileInfectedEvent.class);
		assertThat(this.reader.read(this, WebhookTestData.delivery("file.info_updated")))
			.isInstanceOf(FileInfoUpdatedEvent.class);
	}

	@Test
	void readsPreviousMetadataOfInfoUpdated() {
		FileInfoUpdatedEvent event = (FileInfoUpdatedEvent) this.reader.read(this, WebhookTestData.infoUpdated());
		assertThat(event.getPreviousMetadata()).isEqualTo(Map.of("album", "work", "rating", "5"));
		assertThat(event.getFile().metadata()).isEqualTo(Map.of("album", "holidays"));
		assertThat(((FileInfoUpdatedEvent) this.reader.read(this, WebhookTestData.delivery("file.info_updated")))
			.getPreviousMetadata()).isNull();
	}

	@Test
	void publishesUnknownKindsAsTheGenericEvent() {
		UploadcareWebhookEvent event = this.reader.read(this, WebhookTestData.delivery("group.created"));
		assertThat(event.getClass()).isEqualTo(UploadcareWebhookEvent.class);
		assertThat(event.getEventType()).isEqualTo("group.created");
		UploadcareWebhookEvent futureFileKind = this.reader.read(this,
				"{\"hook\":{\"id\":7,\"event\":\"file.moved\"},\"data\":{\"whatever\":1}}".getBytes(StandardCharsets.UTF_8));
		assertThat(futureFileKind.getClass()).isEqualTo(UploadcareWebhookEvent.class);
		assertThat(futureFileKind.getEventType()).isEqualTo("file.moved");
	}

	@Test
	void readsTheRubyVectorsOlderPayload() {
		FileUploadedEvent event = (FileUploadedEvent) this.reader.read(this, WebhookTestData.rubyVectorBody());
		assertThat(event.getFile().uuid()).isEqualTo("f08d7c8a-2971-42e0-ab01-780d9039b40b");
		assertThat(event.getFile().imageInfo()).isEqualTo(new GroupFile.ImageInfo(300, 168, "JPEG"));
		assertThat(event.getFile().stored()).isFalse();
		assertThat(event.getHook().projectPublicKey()).isNull();
		assertThat(event.getInitiator()).isNull();
	}

	@Test
	void refusesBodiesThatAreNoDelivery() {
		assertUnreadable("{\"hook\":", "not JSON");
		assertUnreadable("[1,2]", "not a JSON object");
		assertUnreadable("\"text\"", "not a JSON object");
		assertUnreadable("{\"data\":{}}", "no 'hook'");
		assertUnreadable("{\"hook\":{\"id\":1}}", "no event type");
		assertUnreadable("{\"hook\":{\"id\":1,\"event\":\"file.stored\"}}", "no file");
		assertUnreadable("{\"hook\":{\"id\":1,\"event\":\"file.stored\"},\"data\":{\"uuid\":\"nope\"}}", "'uuid'");
		assertUnreadable("{\"hook\":{\"id\":1,\"event\":\"file.stored\"},\"data\":{\"uuid\":\"" + FILE_UUID
				+ "\",\"datetime_stored\":\"yesterday\"}}", "datetime_stored");
		assertThatExceptionOfType(UnreadableDeliveryException.class)
			.isThrownBy(() -> this.reader.read(this, new byte[] { '{', (byte) 0xC3, '}' }))
			.withMessageContaining("UTF-8");
	}

	private void assertUnreadable(String body, String reason) {
		assertThatExceptionOfType(UnreadableDeliveryException.class)
			.isThrownBy(() -> this.reader.read(this, body.getBytes(StandardCharsets.UTF_8)))
			.as(body)
			.withMessageContaining(reason);
	}

}
