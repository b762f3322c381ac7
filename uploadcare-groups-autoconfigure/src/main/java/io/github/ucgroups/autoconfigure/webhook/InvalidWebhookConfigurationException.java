package io.github.ucgroups.autoconfigure.webhook;

/**
 * Thrown at startup when the webhook settings cannot work; the message names the property and
 * what to set, never a secret's value.
 */
public class InvalidWebhookConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong and what to set
	 */
	public InvalidWebhookConfigurationException(String message) {
		super(message);
	}

}
