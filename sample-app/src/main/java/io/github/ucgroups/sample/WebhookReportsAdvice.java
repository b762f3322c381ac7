package io.github.ucgroups.sample;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the group page what webhooks reported about its files. */
@ControllerAdvice(assignableTypes = GroupPageController.class)
class WebhookReportsAdvice {

	private final StoredFileReports reports;

	WebhookReportsAdvice(StoredFileReports reports) {
		this.reports = reports;
	}

	@ModelAttribute("storedReports")
	StoredFileReports storedReports() {
		return this.reports;
	}

}
