package io.github.ucgroups.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.MutableClock;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryDeduplicatorTest {

	private final MutableClock clock = MutableClock.at(1_700_000_000);

	@Test
	void publishesADeliveryOncePerWindow() {
		DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(
				new BoundedDeliveryCache("test", 100, Duration.ofMinutes(10), this.clock), Duration.ofMinutes(10),
				this.clock);
		String key = DeliveryDeduplicator.key(WebhookTestData.fileStored());
		assertThat(deduplicator.markFirst(key)).isTrue();
		assertThat(deduplicator.markFirst(key)).isFalse();
		assertThat(deduplicator.markFirst(DeliveryDeduplicator.key(WebhookTestData.delivery("file.deleted")))).isTrue();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(deduplicator.markFirst(key)).isFalse();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(deduplicator.markFirst(key)).as("after the window").isTrue();
		assertThat(deduplicator.markFirst(key)).isFalse();
	}

	@Test
	void keepsTheWindowInACacheThatNeverExpires() {
		ConcurrentMapCache cache = new ConcurrentMapCache("app-cache");
		DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(cache, Duration.ofMinutes(5), this.clock);
		assertThat(deduplicator.markFirst("k")).isTrue();
		assertThat(deduplicator.markFirst("k")).isFalse();
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(deduplicator.markFirst("k")).isTrue();
		assertThat(cache.get("k").get()).isEqualTo(this.clock.millis());
	}

	@Test
	void readsTheTimeBackAsAnyNumberType() {
		ConcurrentMapCache cache = new ConcurrentMapCache("json-cache");
		DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(cache, Duration.ofMinutes(5), this.clock);
		cache.put("k", (int) 1); // long ago, as an Integer
		assertThat(deduplicator.markFirst("k")).isTrue();
		cache.put("n", (double) this.clock.millis()); // now, as a Double
		assertThat(deduplicator.markFirst("n")).isFalse();
		cache.put("x", "not a time");
		assertThat(deduplicator.markFirst("x")).as("unknown: a duplicate rather than published twice").isFalse();
	}

	@Test
	void forgetsADeliveryWhoseListenersFailed() {
		DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(new ConcurrentMapCache("c"), Duration.ofMinutes(5),
				this.clock);
		assertThat(deduplicator.markFirst("k")).isTrue();
		deduplicator.forget("k");
		assertThat(deduplicator.markFirst("k")).isTrue();
	}

	@Test
	void letsOneOfManyConcurrentDeliveriesThrough() throws Exception {
		DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(
				new BoundedDeliveryCache("test", 100, Duration.ofMinutes(10), this.clock), Duration.ofMinutes(10),
				this.clock);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 50; round++) {
				String key = "delivery-" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> results = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					results.add(pool.submit(() -> {
						start.await();
						return deduplicator.markFirst(key);
					}));
				}
				start.countDown();
				int first = 0;
				for (Future<Boolean> result : results) {
					first += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(first).as("round " + round).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void keyIsTheBodysSha256() {
		assertThat(DeliveryDeduplicator.key("abc".getBytes()))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void refusesAnEmptyWindow() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryDeduplicator(new ConcurrentMapCache("c"), Duration.ZERO, this.clock))
			.withMessageContaining("window");
	}

}
