package io.github.ucgroups.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text must be a well-formed Uploadcare group id ({@code <uuid>~<N>}, as
 * {@link io.github.ucgroups.GroupId#parse(String)} accepts it). {@code null} is valid (combine with
 * {@code @NotNull} or {@code @NotBlank} to require a value). Applies to {@link CharSequence}
 * fields, parameters and type arguments of form objects.
 */
@Documented
@Constraint(validatedBy = GroupIdValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidGroupId {

	/**
	 * The message when the value is not a group id.
	 * @return the message or message key
	 */
	String message() default "must be an Uploadcare group id such as d496a4df-0b36-4281-8156-268ae9524d4a~1";

	/**
	 * The validation groups.
	 * @return the groups
	 */
	Class<?>[] groups() default {};

	/**
	 * The payload.
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

}
