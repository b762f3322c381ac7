package io.github.ucgroups.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the REST API can be used: {@code uploadcare.secret-key} has text, or the
 * application (or the emulator's test support) defines its own {@link UploadcareConnectionDetails}
 * bean, whose secret key is only known once it exists (the REST beans then check it and fail
 * with a message naming {@code uploadcare.secret-key} if it is missing).
 */
class OnSecretKeyCondition extends SpringBootCondition implements ConfigurationCondition {

	static final String PROPERTY = "uploadcare.secret-key";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))) {
			return ConditionOutcome.match(PROPERTY + " is set");
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory != null) {
			for (String name : beanFactory.getBeanNamesForType(UploadcareConnectionDetails.class, true, false)) {
				Class<?> type = beanFactory.getType(name, false);
				if (type != null && !PropertiesUploadcareConnectionDetails.class.isAssignableFrom(type)) {
					return ConditionOutcome.match("UploadcareConnectionDetails bean '" + name
							+ "' may supply a secret key");
				}
			}
		}
		return ConditionOutcome.noMatch(PROPERTY + " is not set and no UploadcareConnectionDetails bean supplies it");
	}

}
