package io.github.ucgroups.emulator.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs an Uploadcare emulator as a bean of the test's application context and points the
 * starter at it through an {@code UploadcareConnectionDetails} bean, as Boot's
 * {@code @ServiceConnection} does for databases: no properties needed.
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureUploadcareEmulator
 * class UploadsTest {
 *     @Autowired GroupService groups;
 *     @Autowired UploadcareEmulator emulator; // faults(), journal(), files(), groups()
 * }
 * }</pre>
 * The emulator stops when the context closes. Its settings can be changed with the
 * {@code uploadcare.emulator.*} properties (for example
 * {@code @SpringBootTest(properties = "uploadcare.emulator.signed-uploads-required=true")}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(UploadcareEmulatorTestAutoConfiguration.class)
public @interface AutoConfigureUploadcareEmulator {

}
