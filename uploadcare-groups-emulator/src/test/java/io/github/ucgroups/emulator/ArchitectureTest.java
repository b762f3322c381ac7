package io.github.ucgroups.emulator;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of the emulator module, held on its main classes. */
@AnalyzeClasses(packages = "io.github.ucgroups.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/**
	 * Of the client module, the emulator may use the public value types and the connection
	 * details it supplies; nothing else (DESIGN.md: if both used one parser, a wrong reading of
	 * the API would pass every test by construction).
	 */
	private static final DescribedPredicate<JavaClass> OURS_THE_EMULATOR_MAY_USE = resideOutsideOfPackage(
			"io.github.ucgroups..")
		.or(resideInAPackage("io.github.ucgroups.emulator.."))
		.or(type(GroupId.class))
		.or(type(FileRef.class))
		.or(type(CdnOperations.class))
		.or(type(UploadcareConnectionDetails.class))
		.as("not of the client module, or GroupId, FileRef, CdnOperations or UploadcareConnectionDetails");

	@ArchTest
	static final ArchRule emulatorSharesNoClientCode = classes().should()
		.onlyDependOnClassesThat(OURS_THE_EMULATOR_MAY_USE)
		.because("the emulator is an independent reading of Uploadcare's API");

	@ArchTest
	static final ArchRule onlyTheBootIntegrationUsesSpringBoot = noClasses().that()
		.resideOutsideOfPackage("io.github.ucgroups.emulator.boot..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..")
		.because("the emulator itself runs in any JVM test, with or without Spring Boot");

	@ArchTest
	static final ArchRule onlyTheJUnitExtensionUsesJUnit = noClasses().that()
		.resideOutsideOfPackage("io.github.ucgroups.emulator.junit..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.junit..")
		.because("JUnit is an optional dependency: applications load the emulator without it");

	@ArchTest
	static final ArchRule onlyTheBootTestSupportUsesSpringTest = noClasses().that()
		.resideOutsideOfPackage("io.github.ucgroups.emulator.boot.test..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.test..", "org.springframework.boot.test..")
		.because("spring-test and spring-boot-test are optional dependencies: applications load the emulator without them");

}
