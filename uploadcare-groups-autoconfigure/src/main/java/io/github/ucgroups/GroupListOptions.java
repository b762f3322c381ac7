package io.github.ucgroups;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What {@link GroupAdminService#listGroups(GroupListOptions)} asks the REST API for: how many
 * groups per page, from which creation time on, and in which order. Unset values are not sent,
 * so Uploadcare's defaults apply (100 per page, oldest first).
 *
 * @param limit groups per page, 1 to {@value #MAX_LIMIT}, or {@code null} for Uploadcare's default
 * @param from the creation time the listing starts at (sent as the {@code from} query parameter,
 * ISO-8601), or {@code null} to start at the beginning
 * @param ordering the order, or {@code null} for Uploadcare's default
 */
public record GroupListOptions(@Nullable Integer limit, @Nullable Instant from, @Nullable Ordering ordering) {

	/** The largest page size the REST API accepts. */
	public static final int MAX_LIMIT = 1000;

	/** No options: Uploadcare's defaults. */
	public static final GroupListOptions DEFAULTS = new GroupListOptions(null, null, null);

	/**
	 * Creates options, checking the page size.
	 * @param limit groups per page, or {@code null}
	 * @param from the creation time the listing starts at, or {@code null}
	 * @param ordering the order, or {@code null}
	 * @throws IllegalArgumentException if {@code limit} is outside 1..{@value #MAX_LIMIT}
	 */
	public GroupListOptions {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new IllegalArgumentException("Group list limit " + limit + " is out of range 1.." + MAX_LIMIT);
		}
	}

	/** Returns Uploadcare's defaults. */
	public static GroupListOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with the given page size.
	 * @param limit groups per page, 1 to {@value #MAX_LIMIT}
	 * @return the new options
	 */
	public GroupListOptions withLimit(int limit) {
		return new GroupListOptions(limit, this.from, this.ordering);
	}

	/**
	 * Returns a copy starting at the given creation time.
	 * @param from the creation time the listing starts at
	 * @return the new options
	 */
	public GroupListOptions withFrom(Instant from) {
		return new GroupListOptions(this.limit, from, this.ordering);
	}

	/**
	 * Returns a copy with the given order.
	 * @param ordering the order
	 * @return the new options
	 */
	public GroupListOptions withOrdering(Ordering ordering) {
		return new GroupListOptions(this.limit, this.from, ordering);
	}

	/** The orders the REST API lists groups in. */
	public enum Ordering {

		/** Oldest first ({@code datetime_created}). */
		CREATED_ASCENDING("datetime_created"),

		/** Newest first ({@code -datetime_created}). */
		CREATED_DESCENDING("-datetime_created");

		private final String wireValue;

		Ordering(String wireValue) {
			this.wireValue = wireValue;
		}

		/** Returns the value of the {@code ordering} query parameter. */
		public String wireValue() {
			return this.wireValue;
		}

	}

}
