package io.github.ucgroups.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's Spring Security example for the upload-credentials endpoint, as written there:
 * only signed-in users get credentials; CSRF protection stays on for POST.
 */
@SpringBootTest(classes = SecurityExampleTest.App.class,
		properties = { "uploadcare.public-key=demopublickey", "uploadcare.secret-key=demosecretkey",
				"uploadcare.browser-uploads.credentials.enabled=true" })
@AutoConfigureMockMvc
class SecurityExampleTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousCallersGetNoCredentials() throws Exception {
		this.mvc.perform(get("/uploadcare/upload-credentials")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/uploadcare/upload-credentials").with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void signedInUsersDo() throws Exception {
		this.mvc.perform(get("/uploadcare/upload-credentials").with(httpBasic("alice", "secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secureSignature").isNotEmpty());
		this.mvc.perform(post("/uploadcare/upload-credentials").with(httpBasic("alice", "secret")).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(post("/uploadcare/upload-credentials").with(httpBasic("alice", "secret")))
			.andExpect(status().isForbidden());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSecurity
	static class App {

		// README: "Browser uploads with the File Uploader" > Protect the endpoint
		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers("/uploadcare/upload-credentials").authenticated()
					.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults()) // or formLogin(), oauth2Login(): your app's sign-in
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}secret").roles("USER").build());
		}

	}

}
