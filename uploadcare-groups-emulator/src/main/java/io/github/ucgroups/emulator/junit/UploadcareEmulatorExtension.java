package io.github.ucgroups.emulator.junit;

import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.faults.Faults;
import io.github.ucgroups.emulator.journal.Journal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link UploadcareEmulator} for a test class:
 * <pre>{@code
 * @RegisterExtension
 * static UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();
 *
 * @Test
 * void creates(UploadcareEmulator emulator) { ... uc.uploadUrl() ... }
 * }</pre>
 * Registered in a static field, one emulator serves the whole class and is closed after it;
 * registered in an instance field, each test gets its own. Fault rules and the journal are
 * reset before each test (files and groups stay; call {@link UploadcareEmulator#reset()} for a
 * clean slate). Test methods and constructors can declare an {@link UploadcareEmulator}
 * parameter.
 */
public final class UploadcareEmulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final UnaryOperator<UploadcareEmulator.Builder> customizer;

	private @Nullable UploadcareEmulator emulator;

	private boolean perTest;

	/** Creates an extension for an emulator with the default settings. */
	public UploadcareEmulatorExtension() {
		this(UnaryOperator.identity());
	}

	/**
	 * Creates an extension for an emulator with custom settings, e.g.
	 * {@code new UploadcareEmulatorExtension(b -> b.signedUploadsRequired(true))}.
	 * @param customizer adjusts the builder before the emulator starts
	 */
	public UploadcareEmulatorExtension(UnaryOperator<UploadcareEmulator.Builder> customizer) {
		this.customizer = Objects.requireNonNull(customizer, "customizer must not be null");
	}

	/**
	 * Starts the class-wide emulator.
	 * @param context the JUnit context
	 */
	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.emulator == null) {
			this.emulator = this.customizer.apply(UploadcareEmulator.builder()).start();
		}
	}

	/**
	 * Starts a per-test emulator when registered in an instance field; otherwise resets faults and
	 * journal.
	 * @param context the JUnit context
	 */
	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.emulator == null) {
			this.emulator = this.customizer.apply(UploadcareEmulator.builder()).start();
			this.perTest = true;
		}
		else {
			this.emulator.resetFaultsAndJournal();
		}
	}

	/**
	 * Stops a per-test emulator.
	 * @param context the JUnit context
	 */
	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (this.perTest) {
			stop();
		}
	}

	/**
	 * Stops the class-wide emulator.
	 * @param context the JUnit context
	 */
	@Override
	public synchronized void afterAll(ExtensionContext context) {
		stop();
	}

	private void stop() {
		UploadcareEmulator running = this.emulator;
		this.emulator = null;
		this.perTest = false;
		if (running != null) {
			running.close();
		}
	}

	/**
	 * Supports parameters of type {@link UploadcareEmulator}.
	 * @param parameterContext the parameter
	 * @param extensionContext the JUnit context
	 * @return whether the parameter is an emulator
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == UploadcareEmulator.class;
	}

	/**
	 * Resolves the running emulator, starting it if a constructor asks before any test ran.
	 * @param parameterContext the parameter
	 * @param extensionContext the JUnit context
	 * @return the emulator
	 */
	@Override
	public synchronized Object resolveParameter(ParameterContext parameterContext,
			ExtensionContext extensionContext) {
		if (this.emulator == null) {
			this.emulator = this.customizer.apply(UploadcareEmulator.builder()).start();
			this.perTest = true;
		}
		return this.emulator;
	}

	/**
	 * Returns the running emulator.
	 * @return the emulator
	 * @throws IllegalStateException outside the tests of the class
	 */
	public synchronized UploadcareEmulator emulator() {
		if (this.emulator == null) {
			throw new IllegalStateException("The Uploadcare emulator runs only while the tests of the class run");
		}
		return this.emulator;
	}

	/**
	 * Returns the Upload API base URL.
	 * @return the URL
	 */
	public URI uploadUrl() {
		return emulator().uploadUrl();
	}

	/**
	 * Returns the REST API base URL.
	 * @return the URL
	 */
	public URI restUrl() {
		return emulator().restUrl();
	}

	/**
	 * Returns the CDN base URL.
	 * @return the URL
	 */
	public URI cdnUrl() {
		return emulator().cdnUrl();
	}

	/**
	 * Returns the public key.
	 * @return the key
	 */
	public String publicKey() {
		return emulator().publicKey();
	}

	/**
	 * Returns the secret key.
	 * @return the key
	 */
	public String secretKey() {
		return emulator().secretKey();
	}

	/**
	 * Returns the fault rules.
	 * @return the faults
	 */
	public Faults faults() {
		return emulator().faults();
	}

	/**
	 * Returns the request journal.
	 * @return the journal
	 */
	public Journal journal() {
		return emulator().journal();
	}

}
