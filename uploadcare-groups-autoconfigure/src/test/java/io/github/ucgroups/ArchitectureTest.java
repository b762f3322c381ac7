package io.github.ucgroups;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.github.ucgroups.signing.UploadAuthorization;

import org.springframework.http.HttpHeaders;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of the client module (DESIGN.md, section 2), held on its main classes. Data
 * flows one way: the public package at the bottom, {@code http} and {@code signing} above it,
 * {@code client}, {@code rest} and {@code cdn} above those, {@code autoconfigure} and {@code web}
 * wiring them into Spring Boot.
 */
@AnalyzeClasses(packages = "io.github.ucgroups", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** Classes directly in the public package; sub-packages are ours but not public API. */
	private static final String PUBLIC_PACKAGE = "io.github.ucgroups";

	private static final String ANY_SUB_PACKAGE = "io.github.ucgroups.*..";

	@ArchTest
	static final ArchRule publicPackageDependsOnNothingOfOursBelowIt = noClasses().that()
		.resideInAPackage(PUBLIC_PACKAGE)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ANY_SUB_PACKAGE)
		.because("users import the public package; it must stay free of implementation types and cycles");

	@ArchTest
	static final ArchRule onlyAutoConfigurationUsesSpringBoot = noClasses().that()
		.resideOutsideOfPackage("io.github.ucgroups.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..")
		.because("the client works without Spring Boot; only the auto-configuration wires it into Boot");

	@ArchTest
	static final ArchRule httpCallsNothingAboveIt = noClasses().that()
		.resideInAPackage("io.github.ucgroups.http..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.github.ucgroups.client..", "io.github.ucgroups.rest..",
				"io.github.ucgroups.autoconfigure..", "io.github.ucgroups.web..", "io.github.ucgroups.cdn..")
		.because("every request takes the one transport path, which knows no endpoint and no wiring");

	@ArchTest
	static final ArchRule restAndUploadClientsAreSiblings = noClasses().that()
		.resideInAPackage("io.github.ucgroups.rest..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.github.ucgroups.client..")
		.because("the REST and Upload API clients share wire reading through the json package, not each other");

	@ArchTest
	static final ArchRule jsonReadingKnowsNoClient = noClasses().that()
		.resideInAPackage("io.github.ucgroups.json..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.github.ucgroups.client..", "io.github.ucgroups.rest..",
				"io.github.ucgroups.autoconfigure..", "io.github.ucgroups.web..")
		.because("both clients read answers through it, so it sits below them");

	/**
	 * What signing may use: the JDK (HMAC, SHA-256, Base64), the public package, JSpecify,
	 * Jackson (the JWT's JSON header and claims) and Spring's core collections
	 * ({@code org.springframework.util}: the multi-value map a signed form is). No HTTP, no
	 * Spring web, no Spring Boot, nothing else of ours.
	 */
	private static final DescribedPredicate<JavaClass> SIGNING_MAY_USE = resideInAnyPackage("java..", "javax.crypto..",
			PUBLIC_PACKAGE, "io.github.ucgroups.signing..", "org.jspecify.annotations..", "tools.jackson..",
			"org.springframework.util..")
		.as("the JDK, the public package, JSpecify, Jackson or org.springframework.util");

	/**
	 * Known violations of the signing rule, each named; fix them and delete the entry (the test
	 * below fails when an entry no longer occurs, so the list cannot go stale).
	 * <ul>
	 * <li>{@code UploadAuthorization.addTo(HttpHeaders)} puts the JWT bearer token into Spring
	 * web's {@code HttpHeaders}: request building belongs to the transport.</li>
	 * </ul>
	 */
	private static final List<DescribedPredicate<Dependency>> SIGNING_KNOWN_VIOLATIONS = List
		.of(dependency(UploadAuthorization.class, HttpHeaders.class));

	@ArchTest
	static final ArchRule signingIsPure = classes().that()
		.resideInAPackage("io.github.ucgroups.signing..")
		.should(onlyHaveDependenciesWhere(dependencyTarget(SIGNING_MAY_USE).or(anyOf(SIGNING_KNOWN_VIOLATIONS))))
		.because("signing is computation on keys and clocks; it must be testable and reusable without HTTP");

	@ArchTest
	static void knownSigningViolationsStillOccur(JavaClasses classes) {
		List<Dependency> dependencies = classes.that(resideInAPackage("io.github.ucgroups.signing.."))
			.stream()
			.flatMap((javaClass) -> javaClass.getDirectDependenciesFromSelf().stream())
			.toList();
		for (DescribedPredicate<Dependency> violation : SIGNING_KNOWN_VIOLATIONS) {
			assertThat(dependencies.stream().anyMatch(violation))
				.as("'%s' no longer occurs: delete it from SIGNING_KNOWN_VIOLATIONS", violation.getDescription())
				.isTrue();
		}
	}

	private static DescribedPredicate<Dependency> anyOf(List<DescribedPredicate<Dependency>> predicates) {
		return DescribedPredicate.or(predicates).as("a known violation");
	}

}
