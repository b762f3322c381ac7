package io.github.ucgroups.autoconfigure.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.WebhookRegistration;
import io.github.ucgroups.WebhookSubscription;
import io.github.ucgroups.WebhookSubscriptionRequest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UploadcareWebhookRegistrationAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareWebhookRegistrationAutoConfiguration.class))
		.withBean(RecordingWebhooks.class);

	private final ApplicationContextRunner configured = this.runner.withPropertyValues(
			"uploadcare.webhooks.registration.target-url=https://app.example.com/uploadcare/webhooks",
			"uploadcare.webhooks.signing-secrets=current-secret,previous-secret");

	@Test
	void subscribesOnceTheApplicationIsReady() {
		this.configured.run((context) -> {
			RecordingWebhooks webhooks = context.getBean(RecordingWebhooks.class);
			assertThat(webhooks.calls).as("nothing before the application is ready").isEmpty();
			ready(context);
			assertThat(webhooks.calls).containsExactly("https://app.example.com/uploadcare/webhooks "
					+ "[file.uploaded, file.stored, file.deleted, file.info_updated] current-secret");
		});
	}

	@Test
	void subscribesToTheConfiguredEvents() {
		this.configured.withPropertyValues("uploadcare.webhooks.registration.events=file.stored,file.deleted")
			.run((context) -> {
				ready(context);
				assertThat(context.getBean(RecordingWebhooks.class).calls).singleElement()
					.asString()
					.contains("[file.stored, file.deleted]");
			});
	}

	@Test
	void isOffWithoutTargetUrlOrRestApi() {
		this.runner.withPropertyValues("uploadcare.webhooks.signing-secrets=s")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookStartupRegistration.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareWebhookRegistrationAutoConfiguration.class))
			.withPropertyValues("uploadcare.webhooks.registration.target-url=https://app.example.com/hooks",
					"uploadcare.webhooks.signing-secrets=s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(WebhookStartupRegistration.class);
			});
	}

	@Test
	void refusesUnsignedSubscriptionsAndBadSettingsAtStartup() {
		assertFailure(this.runner.withPropertyValues(
				"uploadcare.webhooks.registration.target-url=https://app.example.com/hooks"),
				"uploadcare.webhooks.signing-secrets is not");
		assertFailure(this.configured.withPropertyValues("uploadcare.webhooks.registration.target-url=/hooks"),
				"absolute http or https URL");
		assertFailure(this.configured.withPropertyValues("uploadcare.webhooks.registration.events=file stored"),
				"file stored");
		assertFailure(this.configured.withPropertyValues("uploadcare.webhooks.signing-secrets=" + "x".repeat(40)),
				"40 characters");
	}

	@Test
	void logsAndRunsOnWhenUploadcareFails(CapturedOutput output) {
		this.configured.withPropertyValues("uploadcare.webhooks.registration.target-url=https://fail.example.com/hooks")
			.run((context) -> {
				ready(context);
				assertThat(context).hasNotFailed();
			});
		assertThat(output).contains("Could not subscribe https://fail.example.com/hooks")
			.contains("Uploadcare is down")
			.doesNotContain("current-secret");
	}

	private static void assertFailure(ApplicationContextRunner runner, String message) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidWebhookConfigurationException.class)
				.hasMessageContaining(message);
		});
	}

	private static void ready(ConfigurableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, null));
	}

	static class RecordingWebhooks implements WebhookAdminService {

		final List<String> calls = new ArrayList<>();

		@Override
		public WebhookRegistration ensureSubscribed(URI targetUrl, Collection<String> events,
				@Nullable String signingSecret) {
			if (targetUrl.getHost().startsWith("fail")) {
				throw new UploadcareServerException("rest.webhooks.list", 503, null, "Uploadcare is down", null);
			}
			this.calls.add(targetUrl + " " + events + " " + signingSecret);
			return new WebhookRegistration(List.of(), List.of(), List.of());
		}

		@Override
		public List<WebhookSubscription> listWebhooks() {
			throw new UnsupportedOperationException();
		}

		@Override
		public WebhookSubscription createWebhook(WebhookSubscriptionRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public WebhookSubscription updateWebhook(long id, WebhookSubscriptionRequest changes) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void deleteWebhook(long id) {
			throw new UnsupportedOperationException();
		}

	}

}
