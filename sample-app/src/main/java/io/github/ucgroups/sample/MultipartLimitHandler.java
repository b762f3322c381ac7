package io.github.ucgroups.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file or request over Spring's multipart limits fails before any controller runs, so this
 * handler answers by path: a 413 problem for the JSON API, the form with a message for pages.
 */
@ControllerAdvice
public class MultipartLimitHandler {

	private final GroupPageController pages;

	MultipartLimitHandler(GroupPageController pages) {
		this.pages = pages;
	}

	/**
	 * Answers a submission over the size limits.
	 * @param ex the failure
	 * @param request the request
	 * @param model the view model
	 * @return a {@code ResponseEntity} with a problem for the API, a {@code ModelAndView} for pages
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Model model) {
		this.pages.addFormAttributes(model);
		String message = "Too large: each file may have at most " + model.getAttribute("maxFileSize")
				+ ", a whole submission at most " + model.getAttribute("maxRequestSize") + ".";
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "Submission too large", message);
		}
		ModelAndView view = new ModelAndView("index", model.asMap(), HttpStatus.CONTENT_TOO_LARGE);
		view.addObject("error", message);
		return view;
	}

}
