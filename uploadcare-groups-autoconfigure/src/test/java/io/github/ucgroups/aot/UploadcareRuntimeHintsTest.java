package io.github.ucgroups.aot;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.web.GroupIdValidator;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class UploadcareRuntimeHintsTest {

	@Test
	void registeredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(UploadcareRuntimeHints.class::isInstance);
	}

	@Test
	void publicRecordsCanBeWrittenAndReadByJackson() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new UploadcareRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (Class<?> type : UploadcareRuntimeHints.JSON_TYPES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
		// Accessors (for writing) and the canonical constructor (for reading), nested types too.
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Group.class, "files")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GroupFile.class, "imageInfo"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(UploadedFile.class, "uuid")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(UploadedFile.class.getConstructor(String.class, String.class, long.class,
					String.class)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(GroupFile.ImageInfo.class)).accepts(hints);
	}

	@Test
	void groupIdValidatorCanBeInstantiatedByBeanValidation() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new UploadcareRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(GroupIdValidator.class.getConstructor()))
			.accepts(hints);
	}

	@Test
	void noValidatorHintWithoutBeanValidation() {
		RuntimeHints hints = new RuntimeHints();
		new UploadcareRuntimeHints().registerHints(hints, new FilteredClassLoader("jakarta.validation"));
		assertThat(RuntimeHintsPredicates.reflection().onType(GroupIdValidator.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Group.class)).accepts(hints);
	}

}
