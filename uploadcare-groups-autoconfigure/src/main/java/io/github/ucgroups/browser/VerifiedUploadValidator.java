package io.github.ucgroups.browser;

import java.util.List;
import java.util.Objects;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Checks {@link VerifiedUpload} with {@link GroupVerifier}: one violation per broken rule.
 * Created by Spring's constraint validator factory, which supplies the verifier.
 */
public final class VerifiedUploadValidator implements ConstraintValidator<VerifiedUpload, BrowserUpload> {

	private final GroupVerifier verifier;

	private GroupRules rules = GroupRules.defaults();

	/**
	 * Creates the validator.
	 * @param verifier the verifier bean
	 */
	public VerifiedUploadValidator(GroupVerifier verifier) {
		this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
	}

	@Override
	public void initialize(VerifiedUpload annotation) {
		GroupRules rules = new GroupRules(annotation.minFiles(), annotation.maxFiles(),
				List.of(annotation.accept()), annotation.imagesOnly(),
				annotation.maxFileSize().isBlank() ? null : DataSize.parse(annotation.maxFileSize()),
				annotation.requireReady());
		this.rules = rules;
	}

	@Override
	public boolean isValid(@Nullable BrowserUpload upload, ConstraintValidatorContext context) {
		if (upload == null) {
			return true;
		}
		try {
			upload.markVerified(this.verifier.verify(upload, this.rules));
			return true;
		}
		catch (GroupVerificationException ex) {
			context.disableDefaultConstraintViolation();
			for (Violation violation : ex.getViolations()) {
				// Literal text: a message naming a file must not be read as an EL expression.
				context.buildConstraintViolationWithTemplate(escape(violation.message())).addConstraintViolation();
			}
			return false;
		}
	}

	private static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
