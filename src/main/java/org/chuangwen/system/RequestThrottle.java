package org.chuangwen.system;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * A reusable request throttle for public endpoints (Open311, citizens' pages): per named bucket (e.g.
 * {@code open311-ip}) and key (a client address, an API key id, a device id), at most the bucket's number of requests
 * in any sliding window ({@link ThrottleSettings}, {@code chuangwen.throttle.*}).
 * <p>
 * <b>Not cluster-safe, on purpose:</b> the counts live in this instance's memory, so with N instances behind a load
 * balancer a client may get up to N times the limit, and a restart forgets the counts. That is enough to blunt abuse
 * (which is the point: a shared counter in the database would put a write on every public request); a city that needs
 * exact limits across instances puts them in its gateway or load balancer.
 * <p>
 * Memory is bounded: each key keeps at most its limit of timestamps, and keys idle for longer than their window are
 * swept out every {@value #SWEEP_EVERY} checks.
 */
@Component
public class RequestThrottle {

	static final int SWEEP_EVERY = 10_000;

	private record Key(String bucket, String key) {
	}

	private final Map<Key, Deque<Long>> hits = new ConcurrentHashMap<>();

	private final AtomicLong checks = new AtomicLong();

	private final ThrottleSettings settings;

	private final Clock clock;

	RequestThrottle(ThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one request of {@code key} in {@code bucket}, or refuses it: {@link ThrottledException} with the seconds
	 * until the oldest counted request leaves the window. A refused request is not counted. A null or blank key is
	 * not throttled (nothing to count it by).
	 */
	public void check(String bucket, String key) {
		long wait = admit(bucket, key);
		if (wait > 0) {
			throw new ThrottledException(bucket, wait);
		}
	}

	/** As {@link #check} without the exception: 0 when admitted, else the seconds to wait (at least 1). */
	public long admit(String bucket, String key) {
		if (key == null || key.isBlank()) {
			return 0;
		}
		ThrottleSettings.Limit limit = settings.limitOf(bucket);
		long now = clock.millis();
		long window = limit.per().toMillis();
		if (checks.incrementAndGet() % SWEEP_EVERY == 0) {
			sweep(now);
		}
		Deque<Long> times = hits.computeIfAbsent(new Key(bucket, key), k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst() <= now - window) {
				times.pollFirst();
			}
			if (times.size() >= limit.requests()) {
				long waitMillis = times.peekFirst() + window - now;
				return Math.max(1, (waitMillis + 999) / 1000);
			}
			times.addLast(now);
			return 0;
		}
	}

	/** Forgets every count (tests, or an operator after a false alarm). */
	public void reset() {
		hits.clear();
	}

	private void sweep(long now) {
		for (Iterator<Map.Entry<Key, Deque<Long>>> it = hits.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Key, Deque<Long>> e = it.next();
			long window = settings.limitOf(e.getKey().bucket()).per().toMillis();
			Deque<Long> times = e.getValue();
			synchronized (times) {
				if (times.isEmpty() || times.peekLast() <= now - window) {
					it.remove();
				}
			}
		}
	}
}
