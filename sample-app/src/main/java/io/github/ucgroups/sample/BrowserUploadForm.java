package io.github.ucgroups.sample;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.browser.BrowserUpload;

/**
 * What the page "Upload in the browser" posts: the File Uploader's {@code <uc-form-input
 * name="group">}, a group CDN URL (or, without group output, {@code group[]} file URLs), bound by
 * the starter to a {@link BrowserUpload}. A URL on a foreign host is a binding error.
 */
public class BrowserUploadForm {

	private @Nullable BrowserUpload group;

	public @Nullable BrowserUpload getGroup() {
		return this.group;
	}

	public void setGroup(@Nullable BrowserUpload group) {
		this.group = group;
	}

}
