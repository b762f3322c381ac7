package io.github.ucgroups.emulator.boot;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code uploadcare.emulator.enabled=true}, or when that property is absent and no
 * {@code uploadcare.public-key} is set.
 */
class OnEmulatorEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		Optional<Boolean> enabled = binder.bind("uploadcare.emulator.enabled", Boolean.class).map(Optional::of)
			.orElse(Optional.empty());
		if (enabled.isPresent()) {
			return enabled.get() ? ConditionOutcome.match("uploadcare.emulator.enabled is true")
					: ConditionOutcome.noMatch("uploadcare.emulator.enabled is false");
		}
		boolean keySet = binder.bind("uploadcare.public-key", String.class).map((key) -> !key.isBlank()).orElse(false);
		return keySet ? ConditionOutcome.noMatch("uploadcare.public-key is set")
				: ConditionOutcome.match("neither uploadcare.emulator.enabled nor uploadcare.public-key is set");
	}

}
