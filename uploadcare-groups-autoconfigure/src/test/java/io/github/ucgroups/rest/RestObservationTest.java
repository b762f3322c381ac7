package io.github.ucgroups.rest;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.GroupId;
import io.github.ucgroups.testsupport.TestTransports;
import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.RetryObserver;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every REST operation is observed under its own operation name. */
class RestObservationTest {

	@Test
	void operationsAreObservedWithTheirNames() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (MockWebServer server = new MockWebServer()) {
			server.start(InetAddress.getLoopbackAddress(), 0);
			String base = server.url("/").toString();
			RestClient client = RestClient.builder()
				.baseUrl(base.substring(0, base.length() - 1))
				.requestFactory(new JdkClientHttpRequestFactory())
				.requestInterceptor(new RestSigningInterceptor(new RestRequestSigner("pk", "sk"), Clock.systemUTC()))
				.build();
			RestGroupAdminService service = new RestGroupAdminService(TestTransports.over(client,
					RetrySettings.NONE, registry, Clock.systemUTC()), "sk", new io.github.ucgroups.cdn.CdnUrls(java.net.URI.create("https://ucarecdn.com")));
			server.enqueue(json("{\"next\":null,\"results\":[]}"));
			server.enqueue(json(RestGroupAdminServiceWireTest.groupWithFiles()));
			server.enqueue(new MockResponse.Builder().code(204).build());
			server.enqueue(json(RestGroupAdminServiceWireTest.storageAnswer(List.of(RestGroupAdminServiceWireTest.FILE_UUID), null)));
			server.enqueue(json(RestGroupAdminServiceWireTest.storageAnswer(List.of(RestGroupAdminServiceWireTest.FILE_UUID), null)));
			GroupId id = GroupId.parse(RestGroupAdminServiceWireTest.GROUP_UUID + "~2");

			assertThat(service.listGroups().toList()).isEmpty();
			service.getGroup(id);
			service.deleteGroup(id);
			service.storeFiles(List.of(RestGroupAdminServiceWireTest.FILE_UUID));
			service.deleteFiles(List.of(RestGroupAdminServiceWireTest.FILE_UUID));
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("uploadcare.operations", 5);
		for (String operation : List.of("rest.groups.list", "rest.groups.get", "rest.groups.delete", "rest.files.store",
				"rest.files.delete")) {
			TestObservationRegistryAssert.assertThat(registry)
				.hasAnObservationWithAKeyValue("operation", operation);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("uploadcare.group.id", RestGroupAdminServiceWireTest.GROUP_UUID + "~2");
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
	}

}
