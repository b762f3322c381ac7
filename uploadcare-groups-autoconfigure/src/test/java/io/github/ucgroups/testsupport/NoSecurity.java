package io.github.ucgroups.testsupport;

/**
 * Spring Security is on this module's test class path (for the webhook security test); tests of
 * other things switch its auto-configuration off with this property.
 */
public final class NoSecurity {

	/** Excludes Spring Boot's security auto-configurations. */
	public static final String PROPERTY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	private NoSecurity() {
	}

}
