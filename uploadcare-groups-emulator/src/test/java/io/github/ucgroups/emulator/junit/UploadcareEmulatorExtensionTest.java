package io.github.ucgroups.emulator.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.ucgroups.emulator.UploadcareEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadcareEmulatorExtensionTest {

	@RegisterExtension
	static UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension((builder) -> builder.publicKey("testkey"));

	static UploadcareEmulator first;

	private final UploadcareEmulator constructorInjected;

	UploadcareEmulatorExtensionTest(UploadcareEmulator emulator) {
		this.constructorInjected = emulator;
	}

	@Test
	@Order(1)
	void injectsTheClassWideEmulatorAndScriptsFaults(UploadcareEmulator emulator) throws Exception {
		first = emulator;
		assertThat(emulator).isSameAs(uc.emulator()).isSameAs(this.constructorInjected);
		assertThat(uc.publicKey()).isEqualTo("testkey");
		uc.faults().throttle("/", 1);
		emulator.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		assertThat(status()).isEqualTo(429);
		assertThat(uc.journal().entries()).hasSize(1);
		uc.faults().throttle("/", 1);
	}

	@Test
	@Order(2)
	void resetsFaultsAndJournalBeforeEachTestButKeepsTheEmulator(UploadcareEmulator emulator) throws Exception {
		assertThat(emulator).isSameAs(first);
		assertThat(uc.journal().entries()).isEmpty();
		assertThat(uc.faults().hasPending()).isFalse();
		assertThat(status()).isEqualTo(404);
		assertThat(emulator.files()).hasSize(1);
	}

	private static int status() throws Exception {
		URI uri = URI.create(uc.uploadUrl() + "/group/info/?pub_key=testkey&group_id=x");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
