package io.github.ucgroups.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated {@link BrowserUpload} (a form object's field) must be a group of this project
 * that keeps the stated rules, as {@link GroupVerifier} checks them on the server with the
 * project's keys; posted file URLs become a group first. Each broken rule is one constraint
 * violation whose message names the file and the rule. Once valid,
 * {@link BrowserUpload#verifiedGroup()} holds the verified group. {@code null} is valid (combine
 * with {@code @NotNull}).
 * <p>
 * Needs Spring's validator (the validator class is created by Spring and given the
 * {@link GroupVerifier} bean). For limits known only at run time, call
 * {@link GroupVerifier#verify(BrowserUpload, GroupRules)} instead.
 */
@Documented
@Constraint(validatedBy = VerifiedUploadValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface VerifiedUpload {

	/**
	 * The message when the upload cannot be verified at all; broken rules carry their own.
	 * @return the message or message key
	 */
	String message() default "is not a verified Uploadcare upload";

	/**
	 * The fewest files.
	 * @return the minimum, at least 1
	 */
	int minFiles() default 1;

	/**
	 * The most files.
	 * @return the maximum, at most 1000
	 */
	int maxFiles() default 1000;

	/**
	 * Accepted MIME types, wildcards allowed ({@code image/*}); empty for any type.
	 * @return the types
	 */
	String[] accept() default {};

	/**
	 * Whether only images are accepted.
	 * @return {@code true} for images only
	 */
	boolean imagesOnly() default false;

	/**
	 * The largest size of one file, in Spring's {@code DataSize} form ({@code 10MB}); empty for
	 * no limit.
	 * @return the size
	 */
	String maxFileSize() default "";

	/**
	 * Whether every file must be ready (fully uploaded and processed).
	 * @return {@code true} to require ready files
	 */
	boolean requireReady() default true;

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
