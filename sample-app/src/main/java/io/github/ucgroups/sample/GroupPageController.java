package io.github.ucgroups.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.cdn.CdnUrls;

/**
 * The HTML pages: the upload form, its submission, and a group's page. Errors are shown by
 * {@link PageExceptionHandler}.
 */
@Controller
public class GroupPageController {

	private final GroupSubmissions submissions;

	private final GroupService groupService;

	private final CdnUrls cdnUrls;

	private final @Nullable GroupAdminService admin;

	private final DataSize maxFileSize;

	private final DataSize maxRequestSize;

	/**
	 * Creates the controller.
	 * @param submissions turns submissions into groups
	 * @param groupService reads groups
	 * @param cdnUrls builds CDN URLs
	 * @param admin deletes groups; present only when a secret key is configured
	 * @param maxFileSize Spring's multipart limit per file
	 * @param maxRequestSize Spring's multipart limit per request
	 */
	public GroupPageController(GroupSubmissions submissions, GroupService groupService, CdnUrls cdnUrls,
			ObjectProvider<GroupAdminService> admin, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
		this.submissions = submissions;
		this.groupService = groupService;
		this.cdnUrls = cdnUrls;
		this.admin = admin.getIfAvailable();
		this.maxFileSize = maxFileSize;
		this.maxRequestSize = maxRequestSize;
	}

	/**
	 * Shows the upload form.
	 * @param model the view model
	 * @return the form view
	 */
	@GetMapping("/")
	public String form(Model model) {
		addFormAttributes(model);
		return "index";
	}

	/**
	 * Uploads the submitted files, creates their group and sends the browser to its page.
	 * @param files the submitted files
	 * @param transformation the chosen transformation
	 * @return a 303 redirect to the group page
	 */
	@PostMapping("/groups")
	public ModelAndView submit(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "transformation", defaultValue = "NONE") Transformation transformation) {
		Group group = this.submissions.submit((files != null) ? files : List.of(), transformation);
		RedirectView redirect = new RedirectView("/groups/" + group.id(), true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	/**
	 * Shows a group.
	 * @param groupId the group id from the URL
	 * @param model the view model
	 * @return the group view
	 */
	@GetMapping("/groups/{groupId}")
	public String group(@PathVariable GroupId groupId, Model model) {
		Group group = this.groupService.getGroup(groupId);
		model.addAttribute("group", GroupView.of(group));
		model.addAttribute("archiveUrl", this.cdnUrls.archiveUrl(group, "group-" + group.id().uuid() + ".zip"));
		model.addAttribute("canDelete", this.admin != null);
		return "group";
	}

	/**
	 * Deletes a group (the group object only; its files stay) when a secret key is configured.
	 * @param groupId the group id
	 * @param redirect carries the confirmation to the form page
	 * @return a 303 redirect to the form
	 */
	@PostMapping("/groups/{groupId}/delete")
	public ModelAndView delete(@PathVariable GroupId groupId, RedirectAttributes redirect) {
		if (this.admin == null) {
			throw new SubmissionRejectedException(HttpStatus.BAD_REQUEST,
					"Deleting groups needs the REST API: set uploadcare.secret-key.");
		}
		this.admin.deleteGroup(groupId);
		redirect.addFlashAttribute("notice", "Group " + groupId + " was deleted; its files were kept.");
		RedirectView view = new RedirectView("/", true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

	/**
	 * Adds what the form shows: limits and transformations.
	 * @param model the view model
	 */
	void addFormAttributes(Model model) {
		model.addAttribute("maxFiles", this.submissions.maxFiles());
		model.addAttribute("maxFileSize", GroupSubmissions.describe(this.maxFileSize));
		model.addAttribute("maxRequestSize", GroupSubmissions.describe(this.maxRequestSize));
		model.addAttribute("transformations", Transformation.values());
	}

}
