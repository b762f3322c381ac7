package io.github.ucgroups.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.github.ucgroups.Strings;
import io.github.ucgroups.cdn.CdnUrls;

/**
 * The CDN hosts whose URLs a browser may post: {@code ucarecdn.com}, the project's own
 * {@code <prefix>.ucarecd.net}, the configured CDN base and custom domains (CNAMEs). Host names
 * are allowed over https on the default port; a base URL ({@code http://127.0.0.1:8081}) allows
 * exactly its scheme, host and port. Never trust a host because the browser sent it.
 */
public final class CdnHostPolicy {

	/** The global CDN host of projects created before per-project hosts. */
	public static final String GLOBAL_CDN_HOST = "ucarecdn.com";

	private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

	private final List<Origin> origins;

	private CdnHostPolicy(List<Origin> origins) {
		this.origins = List.copyOf(origins);
	}

	/**
	 * The policy for a project: {@code ucarecdn.com}, {@code <prefix>.ucarecd.net} of the public
	 * key, the given CDN base URLs and the custom hosts.
	 * @param publicKey the project's public key
	 * @param cdnBases the CDN base URLs in use (e.g. {@code uploadcare.cdn-url})
	 * @param customHosts host names ({@code cdn.example.com}) or base URLs
	 * ({@code http://localhost:8081}) of custom domains
	 * @return the policy
	 * @throws IllegalArgumentException naming an entry that is neither a host name nor an
	 * http(s) URL
	 */
	public static CdnHostPolicy forProject(String publicKey, Collection<URI> cdnBases, Collection<String> customHosts) {
		Set<Origin> origins = new LinkedHashSet<>();
		origins.add(Origin.of(URI.create("https://" + GLOBAL_CDN_HOST)));
		origins.add(Origin.of(CdnUrls.projectCdnBase(publicKey)));
		cdnBases.forEach((base) -> origins.add(Origin.of(base)));
		for (String host : customHosts) {
			origins.add(parseCustom(host));
		}
		return new CdnHostPolicy(new ArrayList<>(origins));
	}

	/**
	 * Tells whether a URL is on an allowed CDN host.
	 * @param url the URL a browser posted
	 * @return {@code true} if its scheme, host and port are allowed
	 */
	public boolean isAllowed(URI url) {
		try {
			return this.origins.contains(Origin.of(url));
		}
		catch (IllegalArgumentException ex) {
			return false; // not an http(s) URL with a host
		}
	}

	/**
	 * Checks that a URL is on an allowed CDN host.
	 * @param url the URL a browser posted
	 * @throws IllegalArgumentException naming the URL and the allowed hosts if it is not
	 */
	public void check(URI url) {
		if (!isAllowed(url)) {
			throw new IllegalArgumentException("'" + Strings.abbreviate(url.toString())
					+ "' is not on an allowed Uploadcare CDN host (allowed: " + describe()
					+ "; list custom domains in uploadcare.browser-uploads.cdn-hosts)");
		}
	}

	/** Returns the allowed origins, e.g. {@code https://ucarecdn.com}. */
	public List<String> allowed() {
		return this.origins.stream().map(Origin::toString).toList();
	}

	private String describe() {
		StringJoiner joiner = new StringJoiner(", ");
		this.origins.forEach((origin) -> joiner.add(origin.toString()));
		return joiner.toString();
	}

	private static Origin parseCustom(String entry) {
		String text = Objects.requireNonNull(entry, "CDN host must not be null").strip();
		try {
			if (text.contains("://")) {
				return Origin.of(URI.create(text));
			}
			if (!HOST_NAME.matcher(text).matches()) {
				throw new IllegalArgumentException("not a host name");
			}
			return Origin.of(URI.create("https://" + text));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Malformed CDN host '" + Strings.abbreviate(text)
					+ "' in uploadcare.browser-uploads.cdn-hosts: expected a host name such as cdn.example.com "
					+ "or a base URL such as https://cdn.example.com:8443", ex);
		}
	}

	@Override
	public String toString() {
		return "CdnHostPolicy[" + describe() + "]";
	}

	private record Origin(String scheme, String host, int port) {

		static Origin of(URI uri) {
			String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("not an http(s) URL: " + uri);
			}
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("no host in " + uri);
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
			return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
		}

		@Override
		public String toString() {
			boolean defaultPort = (this.scheme.equals("https") && this.port == 443)
					|| (this.scheme.equals("http") && this.port == 80);
			return this.scheme + "://" + this.host + (defaultPort ? "" : ":" + this.port);
		}

	}

}
