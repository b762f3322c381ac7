package io.github.ucgroups.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.GroupId;

/** Checks {@link ValidGroupId} with {@link GroupId#isValid(String)}; {@code null} is valid. */
public final class GroupIdValidator implements ConstraintValidator<ValidGroupId, CharSequence> {

	@Override
	public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
		return value == null || GroupId.isValid(value.toString());
	}

}
