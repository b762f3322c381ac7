package io.github.ucgroups.testsupport;

/**
 * The one set of project keys every test uses: Uploadcare's documentation keys, whose
 * signature test vector is recorded in the wire contract.
 */
public final class TestKeys {

	/** The public key. */
	public static final String PUBLIC_KEY = "demopublickey";

	/** The secret key (never printed by the code under test). */
	public static final String SECRET_KEY = "demosecretkey";

	private TestKeys() {
	}

}
