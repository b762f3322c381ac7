package io.github.ucgroups.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpMethod;

/**
 * Reports whether Uploadcare's Upload API is reachable and accepts the configured public key.
 * <p>
 * The probe asks {@code GET /group/info/} for a random, well-formed group id: a 404 proves both
 * reachability and a valid key without a secret; a 403 means the key is refused. Throttling
 * still counts as UP (Uploadcare answered). The transport has its own short timeouts and no
 * retries, and results are reused for a while so that frequent probes do not hammer Uploadcare.
 * Details never contain keys.
 */
public class UploadcareHealthIndicator implements HealthIndicator {

	private final UploadcareTransport probeTransport;

	private final String publicKey;

	private final Duration cacheTtl;

	private final Clock clock;

	private volatile @Nullable CachedHealth cached;

	/**
	 * Creates the indicator.
	 * @param probeTransport a transport with short timeouts and no retries
	 * @param publicKey the public key to check
	 * @param cacheTtl how long a result is reused
	 * @param clock the clock for the cache
	 */
	public UploadcareHealthIndicator(UploadcareTransport probeTransport, String publicKey, Duration cacheTtl,
			Clock clock) {
		this.probeTransport = probeTransport;
		this.publicKey = publicKey;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	@Override
	public Health health() {
		CachedHealth current = this.cached;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.expires)) {
			return current.health;
		}
		return probeOnce(now);
	}

	private synchronized Health probeOnce(Instant now) {
		CachedHealth current = this.cached;
		if (current != null && now.isBefore(current.expires)) {
			return current.health; // probed by a concurrent caller meanwhile
		}
		Health health = probe();
		this.cached = new CachedHealth(health, this.clock.instant().plus(this.cacheTtl));
		return health;
	}

	private Health probe() {
		String probeId = UUID.randomUUID() + "~1";
		UploadcareRequest request = UploadcareRequest
			.to(UploadcareOperations.HEALTH_PROBE, UploadcareApi.UPLOAD, HttpMethod.GET, "/group/info/")
			.query("pub_key", this.publicKey)
			.query("group_id", probeId)
			.retryable(false)
			.build();
		try {
			this.probeTransport.exchange(request);
			return Health.up().withDetail("upload-api", "reachable").build();
		}
		catch (UploadcareNotFoundException ex) {
			return Health.up().withDetail("upload-api", "reachable").withDetail("public-key", "accepted").build();
		}
		catch (UploadcareThrottledException ex) {
			return Health.up()
				.withDetail("upload-api", "reachable")
				.withDetail("throttled", true)
				.withDetail("reason", "Uploadcare is throttling requests: " + ex.getDetail())
				.build();
		}
		catch (UploadcareAuthenticationException ex) {
			return Health.down()
				.withDetail("upload-api", "reachable")
				.withDetail("public-key", "rejected")
				.withDetail("reason", "Uploadcare refused the public key: " + ex.getDetail())
				.build();
		}
		catch (UploadcareNetworkException ex) {
			return Health.down()
				.withDetail("upload-api", ex.isTimeout() ? "timed out" : "unreachable")
				.withDetail("reason", ex.getDetail())
				.build();
		}
		catch (UploadcareException ex) {
			return Health.down()
				.withDetail("upload-api", "failing")
				.withDetail("status", ex.getStatus())
				.withDetail("reason", ex.getDetail())
				.build();
		}
		catch (RuntimeException ex) {
			// A probe must report, not throw: no stack trace in the health output.
			return Health.down()
				.withDetail("upload-api", "probe failed")
				.withDetail("reason", ex.getClass().getSimpleName())
				.build();
		}
	}

	private record CachedHealth(Health health, Instant expires) {
	}

}
