package io.github.ucgroups.benchmarks.startup;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scenario 4: a minimal Spring MVC app (one controller, Tomcat on a random port). Started in a fresh
 * JVM by {@code StartupBenchmark} once with and once without the starter on the class path; prints
 * {@code STARTUP <ready ms per Spring> <ms since JVM start> <uploadcare beans>} and exits.
 */
@SpringBootApplication
@RestController
public class StartupApp {

	@GetMapping("/")
	String hello() {
		return "hello";
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		long[] ready = new long[1];
		application.addListeners((ApplicationReadyEvent event) -> ready[0] = event.getTimeTaken().toMillis());
		ConfigurableApplicationContext context = application.run(args);
		long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		long uploadcareBeans = java.util.Arrays.stream(context.getBeanDefinitionNames())
			.filter((name) -> name.toLowerCase(java.util.Locale.ROOT).contains("uploadcare"))
			.count();
		System.out.println("STARTUP " + ready[0] + " " + sinceJvmStart + " " + uploadcareBeans);
		context.close();
	}

}
