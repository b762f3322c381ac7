package io.github.ucgroups.browser;

import java.util.Objects;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The upload-credentials endpoint: {@code GET} or {@code POST} answers fresh
 * {@link UploadCredentials} as JSON with {@code Cache-Control: no-store}. Protect it: whoever can
 * call it can upload into the project.
 */
public final class UploadCredentialsRoutes {

	private UploadCredentialsRoutes() {
	}

	/**
	 * Creates the endpoint's routes.
	 * @param path the path, e.g. {@code /uploadcare/upload-credentials}
	 * @param credentials issues the credentials
	 * @return the router function (a Spring MVC functional endpoint)
	 * @throws IllegalArgumentException if the path does not start with {@code /}
	 */
	public static RouterFunction<ServerResponse> of(String path, BrowserUploadCredentials credentials) {
		Objects.requireNonNull(credentials, "credentials must not be null");
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException("The upload-credentials path '" + path
					+ "' (uploadcare.browser-uploads.credentials.path) must start with '/'");
		}
		HandlerFunction<ServerResponse> issue = (request) -> answer(credentials);
		return RouterFunctions.route().GET(path, issue).POST(path, issue).build();
	}

	private static ServerResponse answer(BrowserUploadCredentials credentials) {
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(credentials.issue());
	}

}
