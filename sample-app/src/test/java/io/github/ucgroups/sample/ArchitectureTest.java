package io.github.ucgroups.sample;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.web.ValidGroupId;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The sample app is what users copy: it uses our public API only, so that everything it shows
 * works in their applications too.
 * <p>
 * The public API of the client: the classes directly in {@code io.github.ucgroups}, the
 * {@link CdnUrls} bean and the {@link ValidGroupId} annotation (both documented in the README;
 * the rest of {@code cdn} and {@code web} is wired by the auto-configuration and never named).
 * The app reaches the emulator through its auto-configuration only; its tests may use the
 * emulator's test API: {@code UploadcareEmulator} and what it hands out (faults, journal,
 * stored files and groups), the JUnit extension and {@code @AutoConfigureUploadcareEmulator}.
 */
@AnalyzeClasses(packages = "io.github.ucgroups.sample")
class ArchitectureTest {

	private static final DescribedPredicate<JavaClass> CLIENT_PUBLIC_API = resideInAnyPackage("io.github.ucgroups")
		.or(type(CdnUrls.class))
		.or(type(ValidGroupId.class))
		.as("the public API (io.github.ucgroups, CdnUrls, @ValidGroupId)");

	private static final DescribedPredicate<JavaClass> EMULATOR_TEST_API = resideInAnyPackage(
			"io.github.ucgroups.emulator", "io.github.ucgroups.emulator.faults", "io.github.ucgroups.emulator.journal",
			"io.github.ucgroups.emulator.store", "io.github.ucgroups.emulator.junit",
			"io.github.ucgroups.emulator.boot.test")
		.as("the emulator's test API");

	private static final DescribedPredicate<JavaClass> NOT_OURS_OR_THE_SAMPLE = resideOutsideOfPackage(
			"io.github.ucgroups..")
		.or(resideInAPackage("io.github.ucgroups.sample.."));

	private static final DescribedPredicate<JavaClass> IN_MAIN_CODE = DescribedPredicate.describe("in main code",
			(javaClass) -> javaClass.getSource()
				.map((source) -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
				.orElse(false));

	@ArchTest
	static final ArchRule appUsesOnlyThePublicApi = classes().that(IN_MAIN_CODE)
		.should()
		.onlyDependOnClassesThat(NOT_OURS_OR_THE_SAMPLE.or(CLIENT_PUBLIC_API))
		.because("the sample shows what applications can do with the public API");

	@ArchTest
	static final ArchRule testsUseOnlyThePublicAndTheEmulatorsTestApi = classes().that(DescribedPredicate.not(IN_MAIN_CODE))
		.should()
		.onlyDependOnClassesThat(NOT_OURS_OR_THE_SAMPLE.or(CLIENT_PUBLIC_API).or(EMULATOR_TEST_API))
		.because("the sample's tests show how applications test with the emulator");

}
