package io.github.ucgroups.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.client.OrphanFileRemover;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.rest.RestGroupAdminService;
import io.github.ucgroups.web.UploadcareWebMvcConfigurer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class UploadcareRestAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareAutoConfiguration.class,
				UploadcareRestAutoConfiguration.class, UploadcareCdnAutoConfiguration.class,
				UploadcareWebMvcAutoConfiguration.class))
		.withPropertyValues("uploadcare.public-key=demopublickey");

	@Test
	void noAdminBeansWithoutSecretKey() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GroupAdminService.class);
			assertThat(context).doesNotHaveBean(OrphanFileRemover.class);
			assertThat(context).doesNotHaveBean(UploadcareRestAutoConfiguration.REST_TRANSPORT_BEAN_NAME);
		});
		this.runner.withPropertyValues("uploadcare.secret-key=  ")
			.run((context) -> assertThat(context).doesNotHaveBean(GroupAdminService.class));
	}

	@Test
	void adminBeansWithSecretKey() {
		this.runner.withPropertyValues("uploadcare.secret-key=demosecretkey").run((context) -> {
			assertThat(context).hasSingleBean(GroupAdminService.class);
			assertThat(context.getBean(GroupAdminService.class)).isInstanceOf(RestGroupAdminService.class);
			assertThat(context).hasSingleBean(OrphanFileRemover.class);
			assertThat(context).hasBean(UploadcareRestAutoConfiguration.REST_TRANSPORT_BEAN_NAME);
		});
	}

	@Test
	void restTransportDoesNotCompeteWithUploadTransportForInjectionByType() {
		this.runner.withPropertyValues("uploadcare.secret-key=demosecretkey")
			.withUserConfiguration(InjectsTransportByType.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(InjectsTransportByType.Holder.class).transport())
					.isSameAs(context.getBean(UploadcareAutoConfiguration.UPLOAD_TRANSPORT_BEAN_NAME));
			});
	}

	@Test
	void backsOffForApplicationBeans() {
		this.runner.withPropertyValues("uploadcare.secret-key=demosecretkey")
			.withUserConfiguration(OwnBeans.class)
			.run((context) -> {
				assertThat(context.getBean(GroupAdminService.class)).isSameAs(context.getBean("ownAdmin"));
				assertThat(context.getBean(OrphanFileRemover.class)).isSameAs(context.getBean("ownRemover"));
				assertThat(context.getBean(CdnUrls.class)).isSameAs(context.getBean("ownCdnUrls"));
			});
	}

	@Test
	void customConnectionDetailsMaySupplyTheSecretKey() {
		this.runner.withUserConfiguration(CustomDetails.class).run((context) -> {
			assertThat(context).hasSingleBean(GroupAdminService.class);
		});
	}

	@Test
	void customConnectionDetailsWithoutSecretKeyFailWithAClearMessage() {
		this.runner.withUserConfiguration(CustomDetailsWithoutSecret.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("uploadcare.secret-key");
		});
	}

	@Test
	void signedRequestsGoToTheConfiguredRestUrl() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.start(InetAddress.getLoopbackAddress(), 0);
			server.enqueue(new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.body("{\"next\":null,\"results\":[]}")
				.build());
			server.enqueue(new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.body("{\"status\":\"ok\",\"problems\":{},\"result\":[{\"uuid\":\"94a2218e-3526-428a-945e-65fbc06e7b35\"}]}")
				.build());
			String url = server.url("/").toString();
			this.runner
				.withPropertyValues("uploadcare.secret-key=demosecretkey",
						"uploadcare.rest-url=" + url.substring(0, url.length() - 1))
				.run((context) -> {
					assertThat(context.getBean(GroupAdminService.class)
						.listGroups(GroupListOptions.defaults().withLimit(5))
						.toList()).isEmpty();
					context.getBean(OrphanFileRemover.class).delete(List.of("94a2218e-3526-428a-945e-65fbc06e7b35"));
					context.getBean(OrphanFileRemover.class).delete(List.of());
				});
			RecordedRequest list = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(list.getTarget()).isEqualTo("/groups/?limit=5");
			assertThat(list.getHeaders().get("User-Agent")).startsWith("UploadcareGroupsSpringBoot/");
			io.github.ucgroups.rest.RestGroupAdminServiceWireTestAccess.assertSigned(list, "demopublickey",
					"demosecretkey");
			RecordedRequest delete = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(delete.getMethod()).isEqualTo("DELETE");
			assertThat(delete.getTarget()).isEqualTo("/files/storage/");
			assertThat(delete.getBody().utf8()).isEqualTo("[\"94a2218e-3526-428a-945e-65fbc06e7b35\"]");
			io.github.ucgroups.rest.RestGroupAdminServiceWireTestAccess.assertSigned(delete, "demopublickey",
					"demosecretkey");
			assertThat(server.getRequestCount()).isEqualTo(2);
		}
	}

	@Test
	void cdnUrlsUseTheProjectsOwnHostUnlessACdnUrlIsConfigured() {
		GroupId group = GroupId.parse("d496a4df-0b36-4281-8156-268ae9524d4a~1");
		this.runner.run((context) -> assertThat(context.getBean(CdnUrls.class).groupUrl(group))
			.isEqualTo(URI.create("https://1s4oyld5dc.ucarecd.net/" + group + "/")));
		this.runner.withPropertyValues("uploadcare.cdn-url=https://cdn.example.com/")
			.run((context) -> assertThat(context.getBean(CdnUrls.class).groupUrl(group))
				.isEqualTo(URI.create("https://cdn.example.com/" + group + "/")));
		this.runner.withPropertyValues("uploadcare.cdn-url=https://ucarecdn.com")
			.run((context) -> assertThat(context.getBean(CdnUrls.class).groupUrl(group))
				.isEqualTo(URI.create("https://ucarecdn.com/" + group + "/")));
	}

	@Test
	void webMvcBindingOnlyInServletWebApplications() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(UploadcareWebMvcConfigurer.class));
		WebApplicationContextRunner web = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareWebMvcAutoConfiguration.class));
		web.run((context) -> assertThat(context).hasSingleBean(UploadcareWebMvcConfigurer.class));
		web.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareWebMvcConfigurer.class));
		web.withPropertyValues("uploadcare.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareWebMvcConfigurer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsTransportByType {

		record Holder(UploadcareTransport transport) {
		}

		@Bean
		Holder holder(UploadcareTransport transport) {
			return new Holder(transport);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		GroupAdminService ownAdmin() {
			return new GroupAdminService() {
				@Override
				public java.util.stream.Stream<io.github.ucgroups.Group> listGroups(GroupListOptions options) {
					return java.util.stream.Stream.empty();
				}

				@Override
				public io.github.ucgroups.Group getGroup(GroupId groupId) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void deleteGroup(GroupId groupId) {
				}

				@Override
				public StorageResult storeGroupFiles(GroupId groupId) {
					return StorageResult.EMPTY;
				}

				@Override
				public StorageResult deleteGroupFiles(GroupId groupId) {
					return StorageResult.EMPTY;
				}

				@Override
				public StorageResult storeFiles(List<String> uuids) {
					return StorageResult.EMPTY;
				}

				@Override
				public StorageResult deleteFiles(List<String> uuids) {
					return StorageResult.EMPTY;
				}
			};
		}

		@Bean
		OrphanFileRemover ownRemover() {
			return (uuids) -> {
			};
		}

		@Bean
		CdnUrls ownCdnUrls() {
			return new CdnUrls(URI.create("https://own.example.com"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDetailsWithoutSecret {

		@Bean
		UploadcareConnectionDetails customUploadcareConnectionDetails() {
			return new UploadcareConnectionDetails() {
				@Override
				public String getPublicKey() {
					return "pk";
				}

				@Override
				public @Nullable String getSecretKey() {
					return null;
				}

				@Override
				public URI getUploadUrl() {
					return URI.create("http://127.0.0.1:1");
				}

				@Override
				public URI getRestUrl() {
					return URI.create("http://127.0.0.1:1");
				}

				@Override
				public URI getCdnUrl() {
					return URI.create("http://127.0.0.1:1/cdn");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDetails {

		@Bean
		UploadcareConnectionDetails customUploadcareConnectionDetails() {
			return new UploadcareConnectionDetails() {
				@Override
				public String getPublicKey() {
					return "pk";
				}

				@Override
				public @Nullable String getSecretKey() {
					return "sk";
				}

				@Override
				public URI getUploadUrl() {
					return URI.create("http://127.0.0.1:1");
				}

				@Override
				public URI getRestUrl() {
					return URI.create("http://127.0.0.1:1");
				}

				@Override
				public URI getCdnUrl() {
					return URI.create("http://127.0.0.1:1/cdn");
				}
			};
		}

	}

}
