package io.github.ucgroups;

import java.util.List;

/**
 * What {@link WebhookAdminService#ensureSubscribed} did: the subscriptions it created, those it
 * changed to match, and those that already matched.
 *
 * @param created subscriptions that were missing and are now created
 * @param updated subscriptions that existed but differed (inactive, another secret or version)
 * and are now changed
 * @param unchanged subscriptions that already matched
 */
public record WebhookRegistration(List<WebhookSubscription> created, List<WebhookSubscription> updated,
		List<WebhookSubscription> unchanged) {

	/**
	 * Creates the record with unmodifiable copies of the lists.
	 * @param created the created subscriptions
	 * @param updated the updated subscriptions
	 * @param unchanged the subscriptions left as they were
	 */
	public WebhookRegistration {
		created = List.copyOf(created);
		updated = List.copyOf(updated);
		unchanged = List.copyOf(unchanged);
	}

	/**
	 * Tells whether anything was changed at Uploadcare.
	 * @return whether a subscription was created or updated
	 */
	public boolean changed() {
		return !this.created.isEmpty() || !this.updated.isEmpty();
	}

}
