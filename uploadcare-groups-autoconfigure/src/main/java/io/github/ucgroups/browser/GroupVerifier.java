package io.github.ucgroups.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.browser.Violation.Rule;

import org.springframework.util.unit.DataSize;

/**
 * Verifies on the server, with the project's own keys, what a browser posted: the group is read
 * through the Upload API with this project's public key (so a group of another project, or a
 * made-up id, is not found), then checked against the {@link GroupRules} the form states, file by
 * file. Posted file URLs are first turned into a group by this server, under the same rules.
 * Nothing the browser checked is trusted. Once verified, the group's files can be stored for
 * good ({@link #store(Group)}), so that Uploadcare does not remove them after 24 hours.
 */
public final class GroupVerifier {

	private final GroupService groups;

	private final @Nullable GroupAdminService admin;

	/**
	 * Creates the verifier.
	 * @param groups reads and creates groups (Upload API, the project's public key)
	 * @param admin stores files (REST API, needs the secret key), or {@code null} without one
	 */
	public GroupVerifier(GroupService groups, @Nullable GroupAdminService admin) {
		this.groups = Objects.requireNonNull(groups, "groups must not be null");
		this.admin = admin;
	}

	/**
	 * Verifies a posted group, or creates a group of posted files and verifies it.
	 * @param upload what the browser posted
	 * @param rules what the form promises
	 * @return the verified group, as Uploadcare describes it
	 * @throws GroupVerificationException naming each broken rule and file
	 * @throws io.github.ucgroups.UploadcareException if Uploadcare refuses or cannot be reached
	 */
	public Group verify(BrowserUpload upload, GroupRules rules) {
		Objects.requireNonNull(upload, "upload must not be null");
		Objects.requireNonNull(rules, "rules must not be null");
		Optional<GroupId> groupId = upload.groupId();
		return groupId.isPresent() ? verifyGroup(groupId.get(), rules) : verifyFiles(upload.files(), rules);
	}

	/**
	 * Verifies a group by id.
	 * @param groupId the group id
	 * @param rules what the form promises
	 * @return the verified group
	 * @throws GroupVerificationException naming each broken rule and file
	 */
	public Group verifyGroup(GroupId groupId, GroupRules rules) {
		List<Violation> countViolations = countViolations(groupId.filesCount(), rules);
		if (!countViolations.isEmpty()) {
			// The id already tells the number of files: no need to ask Uploadcare.
			throw new GroupVerificationException(groupId, countViolations);
		}
		Group group = this.groups.findGroup(groupId)
			.orElseThrow(() -> new GroupVerificationException(groupId, List.of(new Violation(Rule.GROUP_NOT_FOUND, -1,
					null, "group " + groupId + " is not a group of this Uploadcare project"))));
		return checked(group, groupId, rules);
	}

	/**
	 * Creates a group of posted files (in the posted order, with their operations) and verifies it.
	 * The number of files is checked before anything is sent.
	 * @param files the posted files
	 * @param rules what the form promises
	 * @return the verified new group
	 * @throws GroupVerificationException naming each broken rule and file (the group, if it was
	 * created, is named too; its files are not stored)
	 */
	public Group verifyFiles(List<FileRef> files, GroupRules rules) {
		List<Violation> countViolations = countViolations(files.size(), rules);
		if (!countViolations.isEmpty()) {
			throw new GroupVerificationException(null, countViolations);
		}
		Group group;
		try {
			group = this.groups.createGroup(files);
		}
		catch (UploadcareInvalidRequestException ex) {
			// "Some files not found." / "This is not valid file url": files of another project or made up.
			throw new GroupVerificationException(null, List.of(new Violation(Rule.FILES_NOT_FOUND, -1, null,
					"the posted files are not all files of this Uploadcare project (" + ex.getDetail() + ")")));
		}
		return checked(group, group.id(), rules);
	}

	/**
	 * Checks a group against the rules without any request.
	 * @param group the group as Uploadcare describes it
	 * @param expectedId the id that was posted (its {@code N} must equal the group's files count)
	 * @param rules what the form promises
	 * @return every broken rule, group-wide ones first, then by file; empty if the group is fine
	 */
	public List<Violation> check(Group group, GroupId expectedId, GroupRules rules) {
		List<Violation> violations = new ArrayList<>();
		if (group.filesCount() != expectedId.filesCount() || group.files().size() != group.filesCount()) {
			violations.add(new Violation(Rule.FILES_COUNT_MISMATCH, -1, null, "group " + expectedId + " holds "
					+ group.filesCount() + " files (" + group.files().size() + " listed) instead of the "
					+ expectedId.filesCount() + " its id promises"));
		}
		violations.addAll(countViolations(group.filesCount(), rules));
		for (int i = 0; i < group.files().size(); i++) {
			checkFile(i, group.files().get(i), rules, violations);
		}
		return violations;
	}

	/**
	 * Stores the files of a verified group for good (REST API, batches of 100).
	 * @param group the verified group
	 * @return what Uploadcare stored
	 * @throws GroupVerificationException if Uploadcare could not store some files, naming them
	 * @throws IllegalStateException if no secret key is configured (no REST API)
	 */
	public StorageResult store(Group group) {
		if (this.admin == null) {
			throw new IllegalStateException("Storing files needs the REST API: configure uploadcare.secret-key");
		}
		List<String> uuids = group.presentFiles()
			.stream()
			.map((file) -> Objects.requireNonNull(file.uuid(), "a present file has a UUID"))
			.toList();
		StorageResult result = this.admin.storeFiles(uuids);
		if (!result.isComplete()) {
			List<Violation> problems = new ArrayList<>();
			for (Map.Entry<String, String> problem : result.problems().entrySet()) {
				problems.add(new Violation(Rule.NOT_STORED, uuids.indexOf(problem.getKey()), problem.getKey(),
						"file " + problem.getKey() + " could not be stored: " + problem.getValue()));
			}
			throw new GroupVerificationException(group.id(), problems);
		}
		return result;
	}

	/**
	 * Verifies what the browser posted, then stores the group's files for good.
	 * @param upload what the browser posted
	 * @param rules what the form promises
	 * @return the verified, stored group
	 * @throws GroupVerificationException naming each broken rule and file, or files that could
	 * not be stored
	 */
	public Group verifyAndStore(BrowserUpload upload, GroupRules rules) {
		Group group = verify(upload, rules);
		store(group);
		return group;
	}

	private Group checked(Group group, GroupId expectedId, GroupRules rules) {
		List<Violation> violations = check(group, expectedId, rules);
		if (!violations.isEmpty()) {
			throw new GroupVerificationException(group.id(), violations);
		}
		return group;
	}

	private static List<Violation> countViolations(int count, GroupRules rules) {
		if (count < rules.minFiles()) {
			return List.of(new Violation(Rule.FILE_COUNT, -1, null,
					count + " files were uploaded, at least " + rules.minFiles() + " are required"));
		}
		if (count > rules.maxFiles()) {
			return List.of(new Violation(Rule.FILE_COUNT, -1, null,
					count + " files were uploaded, at most " + rules.maxFiles() + " are allowed"));
		}
		return List.of();
	}

	private static void checkFile(int index, GroupFile file, GroupRules rules, List<Violation> violations) {
		if (file.isRemoved()) {
			violations.add(new Violation(Rule.FILE_REMOVED, index, file.uuid(),
					"file " + (index + 1) + ((file.uuid() != null) ? " (" + file.uuid() + ")" : "") + " was removed"));
			return;
		}
		String uuid = Objects.requireNonNull(file.uuid(), "a file that is not removed has a UUID");
		String name = "file " + (index + 1) + " '" + Objects.requireNonNullElse(file.originalFilename(), uuid) + "' ("
				+ uuid + ")";
		if (!rules.accepts(file.mimeType())) {
			violations.add(new Violation(Rule.FILE_TYPE, index, uuid, name + " is of type "
					+ Objects.requireNonNullElse(file.mimeType(), "unknown") + ", accepted are " + String.join(", ",
							rules.acceptedTypes())));
		}
		if (rules.imagesOnly() && !file.image()) {
			violations.add(new Violation(Rule.NOT_AN_IMAGE, index, uuid, name + " is not an image"));
		}
		DataSize max = rules.maxFileSize();
		if (max != null && file.size() > max.toBytes()) {
			violations.add(new Violation(Rule.FILE_TOO_LARGE, index, uuid,
					name + " has " + file.size() + " bytes, more than the " + max.toBytes() + " allowed"));
		}
		if (rules.requireReady() && !file.ready()) {
			violations.add(new Violation(Rule.FILE_NOT_READY, index, uuid, name + " is not ready yet"));
		}
	}

	@Override
	public String toString() {
		return "GroupVerifier[store=" + ((this.admin != null) ? "available" : "unavailable") + "]";
	}

}
