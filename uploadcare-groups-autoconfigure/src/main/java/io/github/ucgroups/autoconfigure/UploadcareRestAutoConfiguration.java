package io.github.ucgroups.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.client.OrphanFileRemover;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.rest.RestGroupAdminService;
import io.github.ucgroups.rest.RestRequestSigner;
import io.github.ucgroups.rest.RestSigningInterceptor;
import io.github.ucgroups.rest.RestWebhookAdminService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration of the Uploadcare REST API: a signing transport, {@link GroupAdminService},
 * {@link WebhookAdminService} and an {@link OrphanFileRemover}. Active only when a secret key is configured
 * ({@code uploadcare.secret-key}) or an application-defined {@link UploadcareConnectionDetails}
 * bean may supply one; without a secret key there is no {@link GroupAdminService} bean.
 */
@AutoConfiguration(after = UploadcareAutoConfiguration.class)
@ConditionalOnBean({ UploadcareRestClients.class, UploadcareConnectionDetails.class })
@Conditional(OnSecretKeyCondition.class)
public final class UploadcareRestAutoConfiguration {

	/**
	 * Name of the REST API transport bean. It is not a default candidate for injection by type,
	 * so it never competes with the Upload API transport; inject it with
	 * {@code @Qualifier(REST_TRANSPORT_BEAN_NAME)}.
	 */
	public static final String REST_TRANSPORT_BEAN_NAME = "uploadcareRestTransport";

	@Bean(name = REST_TRANSPORT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REST_TRANSPORT_BEAN_NAME)
	UploadcareTransport uploadcareRestTransport(UploadcareRestClients clients, UploadcareProperties properties,
			UploadcareConnectionDetails connectionDetails, ObjectProvider<Clock> clock) {
		String publicKey = connectionDetails.getPublicKey();
		RestSigningInterceptor signing = new RestSigningInterceptor(
				new RestRequestSigner(publicKey, connectionDetails.getSecretKey()), clock.getIfUnique(Clock::systemUTC));
		return clients.transportBuilder(connectionDetails.getRestUrl(), publicKey)
			.timeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.retry(UploadcareAutoConfiguration.retrySettings(properties))
			.lastly((builder) -> builder.requestInterceptor(signing))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(GroupAdminService.class)
	RestGroupAdminService uploadcareGroupAdminService(@Qualifier(REST_TRANSPORT_BEAN_NAME) UploadcareTransport transport,
			UploadcareConnectionDetails connectionDetails, ObjectProvider<CdnUrls> cdnUrls) {
		return new RestGroupAdminService(transport, connectionDetails.getSecretKey(),
				UploadcareAutoConfiguration.cdnUrls(cdnUrls, connectionDetails));
	}

	@Bean
	@ConditionalOnMissingBean(WebhookAdminService.class)
	RestWebhookAdminService uploadcareWebhookAdminService(@Qualifier(REST_TRANSPORT_BEAN_NAME) UploadcareTransport transport) {
		return new RestWebhookAdminService(transport);
	}

	@Bean
	@ConditionalOnMissingBean(OrphanFileRemover.class)
	OrphanFileRemover uploadcareOrphanFileRemover(GroupAdminService groupAdminService) {
		return new AdminOrphanFileRemover(groupAdminService);
	}

	/** Deletes orphaned files through {@link GroupAdminService#deleteFiles(List)}. */
	static final class AdminOrphanFileRemover implements OrphanFileRemover {

		private final GroupAdminService groupAdminService;

		AdminOrphanFileRemover(GroupAdminService groupAdminService) {
			this.groupAdminService = groupAdminService;
		}

		@Override
		public void delete(List<String> uuids) {
			if (!uuids.isEmpty()) {
				this.groupAdminService.deleteFiles(uuids);
			}
		}

	}

}
