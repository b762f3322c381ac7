package io.github.ucgroups.sample;

import io.github.ucgroups.CdnOperations;

/** The image transformations the form offers, applied to every file as CDN operations. */
public enum Transformation {

	/** No operations. */
	NONE("Original files", CdnOperations.NONE),

	/** Resize to 800 pixels wide. */
	RESIZE_800("Resize to 800 px wide", CdnOperations.of("resize/800x")),

	/** A preview (at most 2048×2048, format kept). */
	PREVIEW("Preview", CdnOperations.of("preview"));

	private final String label;

	private final CdnOperations operations;

	Transformation(String label, CdnOperations operations) {
		this.label = label;
		this.operations = operations;
	}

	/** Returns the label shown on the form. */
	public String getLabel() {
		return this.label;
	}

	/** Returns the CDN operations. */
	public CdnOperations getOperations() {
		return this.operations;
	}

}
