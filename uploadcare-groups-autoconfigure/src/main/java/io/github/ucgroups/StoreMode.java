package io.github.ucgroups;

/**
 * Whether Uploadcare keeps an uploaded file for good ({@code UPLOADCARE_STORE} / {@code store}).
 * Files that are not stored are removed by Uploadcare after about 24 hours.
 */
public enum StoreMode {

	/** Follow the project's "automatic file storing" setting (sent as {@code auto}). */
	AUTO("auto"),

	/** Store the file (sent as {@code 1}). */
	TRUE("1"),

	/** Do not store the file; it is removed after about 24 hours (sent as {@code 0}). */
	FALSE("0");

	private final String wireValue;

	StoreMode(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Returns the value sent to Uploadcare.
	 * @return {@code auto}, {@code 1} or {@code 0}
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
