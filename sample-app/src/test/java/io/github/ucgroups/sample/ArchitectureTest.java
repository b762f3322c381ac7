package io.github.ucgroups.sample;

import java.lang.reflect.Modifier;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.web.ValidGroupId;
import io.github.ucgroups.webhook.UploadcareWebhookEvent;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app is what users copy: it uses our public API only, so that everything it shows
 * works in their applications too.
 * <p>
 * The public API of the client: the classes directly in {@code io.github.ucgroups}, the
 * {@link CdnUrls} bean, the {@link ValidGroupId} annotation, the webhook event types (the
 * {@link UploadcareWebhookEvent}s an application listens to), the public types of
 * {@code io.github.ucgroups.browser} (binding and verifying File Uploader posts), the
 * {@link UploadcareConnectionDetails} and the {@code @ConfigurationProperties} classes (read by
 * applications as Boot's own properties classes are), all documented in the README; the rest of
 * {@code cdn}, {@code web}, {@code webhook} and {@code autoconfigure} is wired by the
 * auto-configuration.
 * The app reaches the emulator through its auto-configuration only; its tests may use the
 * emulator's test API: {@code UploadcareEmulator} and what it hands out (faults, journal,
 * stored files and groups), the JUnit extension and {@code @AutoConfigureUploadcareEmulator}.
 */
@AnalyzeClasses(packages = "io.github.ucgroups.sample")
class ArchitectureTest {

	/** By name: classes outside the sample are imported as names only (archunit.properties). */
	private static final DescribedPredicate<JavaClass> WEBHOOK_EVENT_TYPES = DescribedPredicate
		.describe("webhook event types", (javaClass) -> {
			try {
				String outermost = javaClass.getName().split("\\$")[0];
				return UploadcareWebhookEvent.class.isAssignableFrom(Class.forName(outermost));
			}
			catch (ClassNotFoundException ex) {
				return false;
			}
		});

	/** By name, like {@link #WEBHOOK_EVENT_TYPES}: public classes (nested ones by their outermost class). */
	private static final DescribedPredicate<JavaClass> PUBLIC_CLASSES = DescribedPredicate
		.describe("public classes", (javaClass) -> {
			try {
				return Modifier.isPublic(Class.forName(javaClass.getName().split("\\$")[0]).getModifiers());
			}
			catch (ClassNotFoundException ex) {
				return false;
			}
		});

	/** By name: the {@code @ConfigurationProperties} classes (nested ones by their outermost class). */
	private static final DescribedPredicate<JavaClass> CONFIGURATION_PROPERTIES = DescribedPredicate
		.describe("@ConfigurationProperties classes", (javaClass) -> {
			try {
				return Class.forName(javaClass.getName().split("\\$")[0])
					.isAnnotationPresent(ConfigurationProperties.class);
			}
			catch (ClassNotFoundException ex) {
				return false;
			}
		});

	private static final DescribedPredicate<JavaClass> CLIENT_PUBLIC_API = resideInAnyPackage("io.github.ucgroups")
		.or(type(CdnUrls.class))
		.or(type(ValidGroupId.class))
		.or(type(UploadcareConnectionDetails.class))
		.or(resideInAPackage("io.github.ucgroups.webhook").and(WEBHOOK_EVENT_TYPES))
		.or(resideInAPackage("io.github.ucgroups.browser").and(PUBLIC_CLASSES))
		.or(resideInAPackage("io.github.ucgroups.autoconfigure..").and(CONFIGURATION_PROPERTIES))
		.as("the public API (io.github.ucgroups, CdnUrls, @ValidGroupId, connection details, properties, "
				+ "webhook events, browser uploads)");

	/**
	 * Known departures of the app from the public API, each named; the test below fails once one
	 * no longer occurs. {@code EmulatorWebhookRegistration} subscribes the app to the embedded
	 * emulator's webhooks at startup, for which it needs the {@code UploadcareEmulator} bean.
	 */
	private static final List<DescribedPredicate<Dependency>> APP_KNOWN_VIOLATIONS = List.of(
			dependency(EmulatorWebhookRegistration.class, UploadcareEmulator.class));

	private static final DescribedPredicate<JavaClass> EMULATOR_TEST_API = resideInAnyPackage(
			"io.github.ucgroups.emulator", "io.github.ucgroups.emulator.faults", "io.github.ucgroups.emulator.journal",
			"io.github.ucgroups.emulator.store", "io.github.ucgroups.emulator.webhooks", "io.github.ucgroups.emulator.junit",
			"io.github.ucgroups.emulator.boot.test")
		.as("the emulator's test API");

	private static final DescribedPredicate<JavaClass> NOT_OURS_OR_THE_SAMPLE = resideOutsideOfPackage(
			"io.github.ucgroups..")
		.or(resideInAPackage("io.github.ucgroups.sample.."));

	private static final DescribedPredicate<JavaClass> IN_MAIN_CODE = DescribedPredicate.describe("in main code",
			(javaClass) -> isWritten(javaClass) && javaClass.getSource()
				.map((source) -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
				.orElse(false));

	private static final DescribedPredicate<JavaClass> IN_TEST_CODE = DescribedPredicate.describe("in test code",
			(javaClass) -> isWritten(javaClass) && !IN_MAIN_CODE.test(javaClass));

	/**
	 * Not generated: what Spring AOT writes into {@code target/classes} ({@code Xyz__BeanDefinitions}
	 * and the like, left there by a {@code -Paot} build) calls the auto-configuration's internals
	 * by design.
	 */
	private static boolean isWritten(JavaClass javaClass) {
		return !javaClass.getName().contains("__");
	}

	@ArchTest
	static final ArchRule appUsesOnlyThePublicApi = classes().that(IN_MAIN_CODE)
		.should(onlyHaveDependenciesWhere(dependencyTarget(NOT_OURS_OR_THE_SAMPLE.or(CLIENT_PUBLIC_API))
			.or(DescribedPredicate.or(APP_KNOWN_VIOLATIONS).as("a known violation"))))
		.because("the sample shows what applications can do with the public API");

	@ArchTest
	static void knownAppViolationsStillOccur(JavaClasses classes) {
		List<Dependency> dependencies = classes.that(IN_MAIN_CODE)
			.stream()
			.flatMap((javaClass) -> javaClass.getDirectDependenciesFromSelf().stream())
			.toList();
		for (DescribedPredicate<Dependency> violation : APP_KNOWN_VIOLATIONS) {
			assertThat(dependencies.stream().anyMatch(violation))
				.as("'%s' no longer occurs: delete it from APP_KNOWN_VIOLATIONS", violation.getDescription())
				.isTrue();
		}
	}

	@ArchTest
	static final ArchRule testsUseOnlyThePublicAndTheEmulatorsTestApi = classes().that(IN_TEST_CODE)
		.and()
		.doNotHaveFullyQualifiedName(ArchitectureTest.class.getName())
		.should()
		.onlyDependOnClassesThat(NOT_OURS_OR_THE_SAMPLE.or(CLIENT_PUBLIC_API).or(EMULATOR_TEST_API))
		.because("the sample's tests show how applications test with the emulator");

}
