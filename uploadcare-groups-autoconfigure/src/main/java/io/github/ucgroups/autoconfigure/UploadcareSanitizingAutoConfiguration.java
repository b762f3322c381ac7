package io.github.ucgroups.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Uploadcare secret keys ({@code uploadcare.secret-key}, {@code UPLOADCARE_SECRET_KEY},
 * {@code uploadcare.emulator.secret-key}, …) and webhook signing secrets
 * ({@code uploadcare.webhooks.signing-secrets[0]}, …) in the actuator's {@code configprops} and
 * {@code env} endpoints, even when an operator sets
 * {@code management.endpoint.*.show-values=always} (Boot then shows every other value in clear).
 * Active whenever the actuator is on the class path, whether or not the starter is enabled.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class UploadcareSanitizingAutoConfiguration {

	/** Name of the sanitizing function bean. */
	public static final String BEAN_NAME = "uploadcareSecretKeySanitizer";

	@Bean(name = BEAN_NAME)
	@ConditionalOnMissingBean(name = BEAN_NAME)
	SanitizingFunction uploadcareSecretKeySanitizer() {
		return (data) -> isUploadcareSecretKey(data) ? data.withSanitizedValue() : data;
	}

	/**
	 * Tells whether the key names an Uploadcare secret key or webhook signing secret in any of the
	 * forms the endpoints report: {@code uploadcare.secret-key} (env), {@code uploadcare.secretKey}
	 * (configprops), {@code UPLOADCARE_SECRET_KEY} (an environment variable),
	 * {@code uploadcare.webhooks.signing-secrets[0]}, {@code signingSecrets}.
	 * @param data the value and its key
	 * @return whether to mask the value
	 */
	static boolean isUploadcareSecretKey(SanitizableData data) {
		String key = data.getKey();
		if (key == null) {
			return false;
		}
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
		return (normalized.startsWith("uploadcare") && normalized.endsWith("secretkey"))
				|| (normalized.startsWith("uploadcarewebhooks") && normalized.contains("signingsecret"))
				|| normalized.startsWith("signingsecrets");
	}

}
