package io.github.ucgroups.signing;

import java.util.Set;
import java.util.StringJoiner;

import org.springframework.util.LinkedMultiValueMap;

/**
 * A form (multipart or URL-encoded) whose {@link #toString()} hides the values of the signing
 * fields ({@code signature}, {@code expire}). Spring's {@code RestClient} logs request bodies
 * with {@code toString()} at DEBUG ({@code org.springframework.web.client}); a signature in such a
 * log line could be replayed until it expires. The form is written to the wire unchanged.
 */
public class SignedForm extends LinkedMultiValueMap<String, Object> {

	private static final long serialVersionUID = 1L;

	/** The fields whose values {@link #toString()} hides. */
	static final Set<String> HIDDEN_FIELDS = Set.of("signature", "expire");

	@Override
	public String toString() {
		StringJoiner text = new StringJoiner(", ", "{", "}");
		forEach((name, values) -> text.add(name + "=" + (HIDDEN_FIELDS.contains(name) ? "[******]" : values)));
		return text.toString();
	}

}
