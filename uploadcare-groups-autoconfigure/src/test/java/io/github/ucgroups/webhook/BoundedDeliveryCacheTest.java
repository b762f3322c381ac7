package io.github.ucgroups.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedDeliveryCacheTest {

	private final MutableClock clock = MutableClock.at(1_700_000_000);

	@Test
	void dropsTheOldestEntriesBeyondItsSize() {
		BoundedDeliveryCache cache = new BoundedDeliveryCache("c", 3, Duration.ofHours(1), this.clock);
		for (int i = 0; i < 10; i++) {
			cache.put("k" + i, (long) i);
		}
		assertThat(cache.size()).isEqualTo(3);
		assertThat(cache.get("k6")).isNull();
		assertThat(cache.get("k7").get()).isEqualTo(7L);
		assertThat(cache.get("k9").get()).isEqualTo(9L);
	}

	@Test
	void expiresEntriesAfterTheirTimeToLive() {
		BoundedDeliveryCache cache = new BoundedDeliveryCache("c", 100, Duration.ofMinutes(1), this.clock);
		cache.put("old", 1L);
		this.clock.advance(Duration.ofSeconds(30));
		cache.put("young", 2L);
		assertThat(cache.putIfAbsent("old", 3L).get()).isEqualTo(1L);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(cache.get("old")).isNull();
		assertThat(cache.get("young").get()).isEqualTo(2L);
		assertThat(cache.putIfAbsent("old", 4L)).isNull();
		this.clock.advance(Duration.ofMinutes(2));
		cache.put("new", 5L); // trimming removes what expired
		assertThat(cache.size()).isEqualTo(1);
	}

	@Test
	void evictsAndClears() {
		BoundedDeliveryCache cache = new BoundedDeliveryCache("c", 10, Duration.ofMinutes(1), this.clock);
		cache.put("a", 1L);
		cache.put("b", 2L);
		cache.evict("a");
		assertThat(cache.get("a")).isNull();
		assertThat(cache.get("b", () -> 9L)).isEqualTo(2L);
		assertThat(cache.get("c", () -> 3L)).isEqualTo(3L);
		cache.clear();
		assertThat(cache.size()).isZero();
		assertThat(cache.getName()).isEqualTo("c");
	}

}
