package io.github.ucgroups.autoconfigure;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.http.UploadcareTransport;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uploadcare.http.client-factory} chooses the engine of the starter's own clients and of
 * nothing else: a plain {@code RestClient} built from Boot's builder in the same context keeps
 * Boot's choice. (This module's tests have Apache HttpClient 5 on the class path.)
 */
class HttpEngineSelectionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, UploadcareAutoConfiguration.class))
		.withPropertyValues("uploadcare.public-key=demopublickey");

	@Test
	void defaultIsApacheHttpClientWhenPresentWhileTheAppKeepsBootsChoice() {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=jdk").run((context) -> {
			assertThat(ours(context)).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			assertThat(theApps(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
		});
	}

	@Test
	void defaultIsJettyWithoutApacheHttpClientThenTheJdkClient() {
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.hc"))
			.withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThat(ours(context)).isInstanceOf(JettyClientHttpRequestFactory.class);
				assertThat(theApps(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
			});
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.hc", "org.eclipse.jetty", "reactor.netty"))
			.run((context) -> {
				assertThat(ours(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
				assertThat(theApps(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
			});
	}

	@Test
	void jdkForOursWhileBootDetectsApacheForTheApp() {
		this.runner.withPropertyValues("uploadcare.http.client-factory=jdk").run((context) -> {
			assertThat(ours(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
			assertThat(theApps(context)).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
		});
	}

	@Test
	void bootFollowsTheApplicationsEngine() {
		this.runner
			.withPropertyValues("uploadcare.http.client-factory=boot", "spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThat(ours(context)).isInstanceOf(JdkClientHttpRequestFactory.class));
		this.runner.withPropertyValues("uploadcare.http.client-factory=boot")
			.run((context) -> assertThat(ours(context)).isInstanceOf(HttpComponentsClientHttpRequestFactory.class));
	}

	@Test
	void httpComponentsExplicitly() {
		this.runner
			.withPropertyValues("uploadcare.http.client-factory=http-components",
					"spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThat(ours(context)).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
				assertThat(theApps(context)).isInstanceOf(JdkClientHttpRequestFactory.class);
			});
	}

	@Test
	void anEngineWhoseLibraryIsMissingFailsClearly() {
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.jetty"))
			.withPropertyValues("uploadcare.http.client-factory=jetty")
			.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("uploadcare.http.client-factory=jetty")
				.hasMessageContaining("org.eclipse.jetty:jetty-client");
		});
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.hc"))
			.withPropertyValues("uploadcare.http.client-factory=http-components")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("org.apache.httpcomponents.client5:httpclient5"));
	}

	@Test
	void apachePoolHoldsMaxConnectionsPerHost() {
		this.runner.run((context) -> assertThat(apachePool(context).getDefaultMaxPerRoute()).isEqualTo(64));
		this.runner.withPropertyValues("uploadcare.http.max-connections-per-host=7")
			.run((context) -> assertThat(apachePool(context).getDefaultMaxPerRoute()).isEqualTo(7));
	}

	@Test
	void jettyPoolHoldsMaxConnectionsPerHost() {
		this.runner.withPropertyValues("uploadcare.http.client-factory=jetty", "uploadcare.http.max-connections-per-host=9")
			.run((context) -> {
				JettyClientHttpRequestFactory factory = (JettyClientHttpRequestFactory) ours(context);
				org.eclipse.jetty.client.HttpClient client = (org.eclipse.jetty.client.HttpClient) ReflectionTestUtils
					.getField(factory, "httpClient");
				assertThat(client.getMaxConnectionsPerDestination()).isEqualTo(9);
			});
	}

	@Test
	void simpleIsTheJdksHttpUrlConnection() {
		this.runner.withPropertyValues("uploadcare.http.client-factory=simple")
			.run((context) -> assertThat(ours(context)).isInstanceOf(SimpleClientHttpRequestFactory.class));
	}

	@Test
	void aPoolWithoutConnectionsIsRefused() {
		this.runner.withPropertyValues("uploadcare.http.max-connections-per-host=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("uploadcare.http.max-connections-per-host must be at least 1, was 0"));
	}

	private static org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager apachePool(
			AssertableApplicationContext context) {
		HttpComponentsClientHttpRequestFactory factory = (HttpComponentsClientHttpRequestFactory) ours(context);
		return (org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager) ReflectionTestUtils
			.getField(factory.getHttpClient(), "connManager");
	}

	/** The request factory of the Upload API transport's RestClient. */
	private static ClientHttpRequestFactory ours(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		UploadcareTransport transport = context.getBean(UploadcareAutoConfiguration.UPLOAD_TRANSPORT_BEAN_NAME,
				UploadcareTransport.class);
		Object sender = ReflectionTestUtils.getField(transport, "sender"); // one attempt's sending: RequestSender
		return requestFactory((RestClient) ReflectionTestUtils.getField(sender, "restClient"));
	}

	/** The request factory of a RestClient the application builds from Boot's builder. */
	private static ClientHttpRequestFactory theApps(AssertableApplicationContext context) {
		return requestFactory(context.getBean(RestClient.Builder.class).build());
	}

	private static ClientHttpRequestFactory requestFactory(RestClient client) {
		return (ClientHttpRequestFactory) ReflectionTestUtils.getField(client, "clientRequestFactory");
	}

}
