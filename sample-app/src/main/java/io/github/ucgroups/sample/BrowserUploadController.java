package io.github.ucgroups.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.autoconfigure.BrowserUploadsProperties;
import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.browser.BrowserUpload;
import io.github.ucgroups.browser.GroupRules;
import io.github.ucgroups.browser.GroupVerificationException;
import io.github.ucgroups.browser.GroupVerifier;
import io.github.ucgroups.browser.Violation;
import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The page "Upload in the browser": Uploadcare's File Uploader uploads the files straight from
 * the browser (signed with credentials from the starter's endpoint) and creates the group; the
 * form posts only the group's CDN URL, which this controller verifies on the server against the
 * same limits as the server-side form (with the project's keys: the browser's checks can be
 * bypassed), stores and shows.
 */
@Controller
public class BrowserUploadController {

	private final GroupVerifier verifier;

	private final SampleProperties properties;

	private final UploadcareConnectionDetails connection;

	private final CdnUrls cdnUrls;

	private final BrowserUploadsProperties browserUploads;

	private final @Nullable GroupAdminService admin;

	private final DataSize maxFileSize;

	/**
	 * Creates the controller.
	 * @param verifier verifies posted groups
	 * @param properties the sample's limits
	 * @param connection the Upload API and the public key the browser uses
	 * @param cdnUrls the CDN base the browser uses
	 * @param browserUploads where the credentials endpoint is
	 * @param admin stores verified groups (present with a secret key)
	 * @param maxFileSize the largest file, as for the server-side form
	 */
	public BrowserUploadController(GroupVerifier verifier, SampleProperties properties,
			UploadcareConnectionDetails connection, CdnUrls cdnUrls, BrowserUploadsProperties browserUploads,
			ObjectProvider<GroupAdminService> admin,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.verifier = verifier;
		this.properties = properties;
		this.connection = connection;
		this.cdnUrls = cdnUrls;
		this.browserUploads = browserUploads;
		this.admin = admin.getIfAvailable();
		this.maxFileSize = maxFileSize;
	}

	/**
	 * Shows the page with the File Uploader.
	 * @param model the view model
	 * @return the view
	 */
	@GetMapping("/browser")
	public String page(Model model) {
		addPageAttributes(model);
		return "browser";
	}

	/**
	 * Verifies the posted group against the form's rules, stores its files and shows it; a
	 * refused submission re-shows the page naming what was wrong.
	 * @param form what the File Uploader posted
	 * @param binding binding errors (a URL on a foreign host, a malformed id)
	 * @param model the view model
	 * @return a 303 redirect to the group page, or the page with the error
	 */
	@PostMapping("/browser/groups")
	public ModelAndView submit(@ModelAttribute("form") BrowserUploadForm form, BindingResult binding, Model model) {
		if (binding.hasErrors()) {
			return pageWithError(model, "The posted upload was refused: " + bindingMessage(binding.getFieldError()),
					List.of());
		}
		BrowserUpload upload = form.getGroup();
		if (upload == null) {
			return pageWithError(model, "Upload files first: no group was posted.", List.of());
		}
		try {
			Group group = (this.admin != null) ? this.verifier.verifyAndStore(upload, rules())
					: this.verifier.verify(upload, rules());
			RedirectView redirect = new RedirectView("/groups/" + group.id(), true);
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(redirect);
		}
		catch (GroupVerificationException ex) {
			return pageWithError(model, "The group was refused.",
					ex.getViolations().stream().map(Violation::message).toList());
		}
	}

	/** Returns the rules every posted group must keep: those of the server-side form. */
	GroupRules rules() {
		return GroupRules.defaults()
			.withFiles(1, this.properties.getMaxFiles())
			.withMaxFileSize(this.maxFileSize)
			.acceptingTypes(this.properties.getBrowserAcceptedTypes().toArray(String[]::new));
	}

	private ModelAndView pageWithError(Model model, String error, List<String> violations) {
		addPageAttributes(model);
		ModelAndView view = new ModelAndView("browser", model.asMap(), HttpStatus.BAD_REQUEST);
		view.addObject("error", error);
		view.addObject("violations", violations);
		return view;
	}

	private static String bindingMessage(@Nullable FieldError error) {
		if (error == null) {
			return "the form could not be read";
		}
		if (error.contains(TypeMismatchException.class)) {
			return ApiExceptionHandler.rootMessage(error.unwrap(TypeMismatchException.class));
		}
		return error.getDefaultMessage();
	}

	private void addPageAttributes(Model model) {
		model.addAttribute("publicKey", this.connection.getPublicKey());
		model.addAttribute("uploadUrl", this.connection.getUploadUrl());
		model.addAttribute("cdnBase", withoutTrailingSlash(this.cdnUrls.base().toString()));
		model.addAttribute("credentialsPath",
				this.browserUploads.getCredentials().isEnabled() ? this.browserUploads.getCredentials().getPath() : null);
		model.addAttribute("maxFiles", this.properties.getMaxFiles());
		model.addAttribute("maxFileSizeBytes", this.maxFileSize.toBytes());
		model.addAttribute("maxFileSize", GroupSubmissions.describe(this.maxFileSize));
		model.addAttribute("accept", String.join(",", this.properties.getBrowserAcceptedTypes()));
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
