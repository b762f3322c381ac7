package io.github.ucgroups.sample;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;

/**
 * The JSON API: {@code POST /api/groups} turns a multipart submission into a group,
 * {@code GET /api/groups/{groupId}} reads one. Errors are {@code application/problem+json}
 * ({@link ApiExceptionHandler}).
 */
@RestController
@RequestMapping("/api/groups")
public class GroupApiController {

	private final GroupSubmissions submissions;

	private final GroupService groupService;

	private final @Nullable GroupAdminService admin;

	/**
	 * Creates the controller.
	 * @param submissions turns submissions into groups
	 * @param groupService reads groups
	 * @param admin deletes groups; present only when a secret key is configured
	 */
	public GroupApiController(GroupSubmissions submissions, GroupService groupService,
			ObjectProvider<GroupAdminService> admin) {
		this.submissions = submissions;
		this.groupService = groupService;
		this.admin = admin.getIfAvailable();
	}

	/**
	 * Uploads the files (repeated {@code files} parts) and creates their group.
	 * @param files the files
	 * @param transformation the CDN operations for every file
	 * @return {@code 201 Created} with the group and its {@code Location}
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public ResponseEntity<GroupView> create(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "transformation", defaultValue = "NONE") Transformation transformation) {
		Group group = this.submissions.submit((files != null) ? files : List.of(), transformation);
		return ResponseEntity.created(URI.create("/api/groups/" + group.id())).body(GroupView.of(group));
	}

	/**
	 * Reads a group.
	 * @param groupId the group id
	 * @return the group
	 */
	@GetMapping("/{groupId}")
	public GroupView get(@PathVariable GroupId groupId) {
		return GroupView.of(this.groupService.getGroup(groupId));
	}

	/**
	 * Deletes a group object (its files stay), through the REST API.
	 * @param groupId the group id
	 * @return {@code 204 No Content}
	 */
	@DeleteMapping("/{groupId}")
	public ResponseEntity<Void> delete(@PathVariable GroupId groupId) {
		if (this.admin == null) {
			throw new SubmissionRejectedException(HttpStatus.NOT_IMPLEMENTED,
					"Deleting groups needs the REST API: set uploadcare.secret-key.");
		}
		this.admin.deleteGroup(groupId);
		return ResponseEntity.noContent().build();
	}

}
