package io.github.ucgroups.emulator.readme;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot test example, kept compiling and passing: an application's test with
 * {@code @AutoConfigureUploadcareEmulator} and nothing else.
 */
@SpringBootTest(classes = ReadmeExampleTest.App.class)
@AutoConfigureUploadcareEmulator
class ReadmeExampleTest {

	@Autowired
	GroupService groups;

	@Autowired
	UploadcareEmulator emulator;

	@Test
	void throttlingIsRetried() {
		this.emulator.faults().throttle("/group/", 1, Duration.ofSeconds(1));
		String uuid = this.emulator.addFile("hello".getBytes(StandardCharsets.UTF_8), "hello.txt", "text/plain");
		Group group = this.groups.createGroup(FileRef.parseAll(List.of(uuid)));
		assertThat(this.emulator.journal().count("/group/")).isEqualTo(2);
		assertThat(group.filesCount()).isEqualTo(1);
	}

	/** Stands for the user's application: full auto-configuration, no Uploadcare properties. */
	@SpringBootApplication
	static class App {

	}

}
