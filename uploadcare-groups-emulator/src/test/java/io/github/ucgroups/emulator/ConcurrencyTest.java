package io.github.ucgroups.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

	static final int CLIENTS = 50;

	@Test
	@Timeout(60)
	void fiftyParallelClientsUploadAndGroupWithoutLosingAnything() throws Exception {
		try (UploadcareEmulator uc = UploadcareEmulator.builder().threads(8).start()) {
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			CountDownLatch go = new CountDownLatch(1);
			Set<String> groupIds = ConcurrentHashMap.newKeySet();
			try {
				List<Future<String>> results = new ArrayList<>();
				for (int i = 0; i < CLIENTS; i++) {
					int client = i;
					results.add(pool.submit(() -> {
						go.await(10, TimeUnit.SECONDS);
						byte[] content = ("client " + client).getBytes(StandardCharsets.UTF_8);
						HttpResponse<String> uploaded = Http.post(Http.uri(uc.uploadUrl(), "/base/"),
								new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
									.file("file", "c" + client + ".txt", "text/plain", content));
						assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
						String uuid = Http.json(uploaded).get("file").asString();
						HttpResponse<String> grouped = Http.post(Http.uri(uc.uploadUrl(), "/group/"),
								new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", uuid));
						assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(200);
						JsonNode group = Http.json(grouped);
						assertThat(group.get("files").get(0).get("uuid").asString()).isEqualTo(uuid);
						groupIds.add(group.get("id").asString());
						return uuid;
					}));
				}
				go.countDown();
				Set<String> uuids = ConcurrentHashMap.newKeySet();
				for (Future<String> result : results) {
					uuids.add(result.get(50, TimeUnit.SECONDS));
				}
				assertThat(uuids).hasSize(CLIENTS);
				assertThat(groupIds).hasSize(CLIENTS);
				assertThat(uc.files()).hasSize(CLIENTS);
				assertThat(uc.groups()).hasSize(CLIENTS);
				for (String id : groupIds) {
					HttpResponse<String> info = Http
						.get(Http.uri(uc.uploadUrl(), "/group/info/?pub_key=demopublickey&group_id=" + id));
					assertThat(info.statusCode()).isEqualTo(200);
					assertThat(uuids).contains(Http.json(info).get("files").get(0).get("uuid").asString());
				}
				assertThat(uc.groups()).extracting((group) -> group.created()).doesNotHaveDuplicates();
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

}
