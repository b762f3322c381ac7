package io.github.ucgroups.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadSource;

/**
 * Turns the files of one form submission into a group: checks the form's rules, then lets the
 * starter upload every file concurrently and create the group in the submitted order.
 */
@Service
public class GroupSubmissions {

	private final GroupService groupService;

	private final SampleProperties properties;

	/**
	 * Creates the service.
	 * @param groupService the starter's group service
	 * @param properties the sample's limits
	 */
	public GroupSubmissions(GroupService groupService, SampleProperties properties) {
		this.groupService = groupService;
		this.properties = properties;
	}

	/**
	 * Uploads the submitted files and creates their group.
	 * @param files the submitted file parts (empty parts, which browsers send when no file was
	 * chosen, are ignored)
	 * @param transformation the CDN operations to apply to every file
	 * @return the new group
	 * @throws SubmissionRejectedException if the submission breaks the form's rules
	 * @throws io.github.ucgroups.UploadcareException if Uploadcare fails (a batch failure lists
	 * the files already uploaded)
	 */
	public Group submit(List<MultipartFile> files, Transformation transformation) {
		// A file input left empty still sends one part, without a name and without bytes.
		List<MultipartFile> chosen = (files != null)
				? files.stream().filter((file) -> !file.isEmpty() || hasName(file)).toList() : List.of();
		if (chosen.isEmpty()) {
			throw new SubmissionRejectedException(HttpStatus.BAD_REQUEST, "Choose at least one file.");
		}
		if (chosen.size() > this.properties.getMaxFiles()) {
			throw new SubmissionRejectedException(HttpStatus.BAD_REQUEST, "Too many files: " + chosen.size()
					+ " were chosen, at most " + this.properties.getMaxFiles() + " are allowed.");
		}
		for (MultipartFile file : chosen) {
			if (file.isEmpty()) {
				throw new SubmissionRejectedException(HttpStatus.BAD_REQUEST,
						"'" + file.getOriginalFilename() + "' is empty; Uploadcare does not store empty files.");
			}
		}
		List<UploadRequest> uploads = chosen.stream()
			.map((file) -> new UploadRequest(UploadSource.of(file), transformation.getOperations()))
			.toList();
		return this.groupService.uploadGroup(uploads, UploadOptions.defaults());
	}

	/** Returns the most files a submission may hold. */
	public int maxFiles() {
		return this.properties.getMaxFiles();
	}

	private static boolean hasName(MultipartFile file) {
		return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
	}

	static String describe(DataSize size) {
		return (size.toBytes() % (1024 * 1024) == 0) ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

}
