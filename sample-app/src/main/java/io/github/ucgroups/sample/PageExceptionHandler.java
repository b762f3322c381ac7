package io.github.ucgroups.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNotFoundException;

/**
 * Errors of the HTML pages: rejected submissions re-show the form with the message; unknown or
 * malformed group ids and Uploadcare failures get a friendly error page.
 */
@ControllerAdvice(assignableTypes = GroupPageController.class)
public class PageExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final GroupPageController pages;

	PageExceptionHandler(GroupPageController pages) {
		this.pages = pages;
	}

	@ExceptionHandler(SubmissionRejectedException.class)
	ModelAndView rejected(SubmissionRejectedException ex, Model model) {
		return formWithError(ex.getStatus(), ex.getMessage(), model);
	}

	@ExceptionHandler(UploadcareBatchUploadException.class)
	ModelAndView batch(UploadcareBatchUploadException ex, Model model) {
		logger.warn("Submission failed; files already uploaded: {}", ex.getUploadedUuids(), ex);
		model.addAttribute("uploadedFiles", ex.getUploadedUuids());
		return formWithError(HttpStatus.BAD_GATEWAY, "The group could not be created: " + ex.getMessage(), model);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView malformedParameter(MethodArgumentTypeMismatchException ex) {
		return errorPage(HttpStatus.BAD_REQUEST, "This is not a group id",
				ApiExceptionHandler.rootMessage(ex) + ". Group ids look like d496a4df-0b36-4281-8156-268ae9524d4a~1.");
	}

	@ExceptionHandler(UploadcareNotFoundException.class)
	ModelAndView notFound(UploadcareNotFoundException ex) {
		return errorPage(HttpStatus.NOT_FOUND, "No such group", "Uploadcare does not know this group.");
	}

	@ExceptionHandler(UploadcareException.class)
	ModelAndView uploadcare(UploadcareException ex) {
		logger.warn("Uploadcare call failed: {}", ex.getMessage());
		return errorPage(HttpStatus.BAD_GATEWAY, "Uploadcare could not be reached", ex.getMessage());
	}

	private ModelAndView formWithError(HttpStatus status, String message, Model model) {
		this.pages.addFormAttributes(model);
		ModelAndView view = new ModelAndView("index", model.asMap(), status);
		view.addObject("error", message);
		return view;
	}

	private static ModelAndView errorPage(HttpStatus status, String title, String message) {
		ModelAndView view = new ModelAndView("problem", status);
		view.addObject("title", title);
		view.addObject("message", message);
		view.addObject("status", status.value());
		return view;
	}

}
