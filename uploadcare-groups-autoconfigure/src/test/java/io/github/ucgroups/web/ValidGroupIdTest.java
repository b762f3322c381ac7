package io.github.ucgroups.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidGroupIdTest {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void createValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	record Form(@ValidGroupId String groupId) {
	}

	@Test
	void acceptsWellFormedIdsAndNull() {
		assertThat(validator.validate(new Form("d496a4df-0b36-4281-8156-268ae9524d4a~1"))).isEmpty();
		assertThat(validator.validate(new Form(" D496A4DF-0B36-4281-8156-268AE9524D4A~1000 "))).isEmpty();
		assertThat(validator.validate(new Form(null))).isEmpty();
	}

	@Test
	void refusesMalformedIdsWithAHelpfulMessage() {
		for (String bad : new String[] { "", "d496a4df-0b36-4281-8156-268ae9524d4a", "d496a4df-0b36-4281-8156-268ae9524d4a~0",
				"d496a4df-0b36-4281-8156-268ae9524d4a~1001", "x~1" }) {
			Set<ConstraintViolation<Form>> violations = validator.validate(new Form(bad));
			assertThat(violations).as(bad).hasSize(1);
			assertThat(violations.iterator().next().getMessage()).contains("Uploadcare group id");
			assertThat(violations.iterator().next().getPropertyPath()).hasToString("groupId");
		}
	}

}
