package org.chuangwen.blobs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.chuangwen.ChuangwenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures (does not assert) the near-duplicate photo search at 100,000 and 1,000,000 stored hashes (indexed quarters
 * for distances under 16, a full scan above), the same comparison done in Java over hashes held in memory, and the cost
 * of reading a 12-megapixel photo's facts at upload. Not part of the test suite (the name does not end in Tests); run
 * with bench/photos-bench.sh.
 */
@ChuangwenIntegrationTest
class PhotoSimilarityBenchmark {

	@Autowired
	Blobs blobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() {
		Random random = new Random(20261125);
		long[] queries = new long[200];
		for (int i = 0; i < queries.length; i++) {
			queries[i] = random.nextLong();
		}
		int stored = 0;
		for (int target : new int[] { 100_000, 1_000_000 }) {
			grow(target - stored);
			stored = target;
			jdbc.sql("analyze blob_photo").update();
			long[] all = jdbc.sql("select phash from blob_photo where phash is not null").query(Long.class).list().stream()
				.mapToLong(Long::longValue).toArray();
			for (int d : new int[] { 5, 10, 15, 20 }) {
				double[] ms = new double[queries.length];
				for (int warm = 0; warm < 20; warm++) {
					blobs.similarPhotos(queries[warm], d, Set.of());
				}
				for (int i = 0; i < queries.length; i++) {
					long t0 = System.nanoTime();
					blobs.similarPhotos(queries[i], d, Set.of());
					ms[i] = (System.nanoTime() - t0) / 1e6;
				}
				report("similarPhotos d=" + d + " over " + all.length + " hashes" + (d < 16 ? " (indexed quarters)" : " (full scan)"), ms);
			}
			double[] java = new double[queries.length];
			long totalHits = 0;
			for (int i = 0; i < queries.length; i++) {
				long t0 = System.nanoTime();
				int hits = 0;
				for (long h : all) {
					if (Long.bitCount(h ^ queries[i]) <= 10) {
						hits++;
					}
				}
				java[i] = (System.nanoTime() - t0) / 1e6;
				totalHits += hits; // used below, so the loop cannot be optimised away
			}
			report("Java loop over " + all.length + " hashes in memory, d=10 (" + totalHits + " hits)", java);
		}
		byte[] large = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.scene(1, 4000, 3000), 0.9f),
				LocalDateTime.parse("2026-03-10T09:00:00"), "+08:00", 30.5, 114.3);
		double[] read = new double[10];
		for (int i = 0; i < 3; i++) {
			PhotoReader.read(large, ZoneId.of("Asia/Shanghai"));
		}
		for (int i = 0; i < read.length; i++) {
			long t0 = System.nanoTime();
			PhotoReader.read(large, ZoneId.of("Asia/Shanghai"));
			read[i] = (System.nanoTime() - t0) / 1e6;
		}
		report("PhotoReader.read of a 4000x3000 JPEG (" + large.length / 1024 + " KB)", read);
	}

	/** Adds random hashes (with blob rows for the foreign key) in one statement per 100,000. */
	private void grow(int count) {
		for (int done = 0; done < count; done += 100_000) {
			int n = Math.min(100_000, count - done);
			jdbc.sql("""
					with ids as (select gen_random_uuid() as id from generate_series(1, :n)),
					     b as (insert into blob (id, sha256, content_type, size, original_filename, uploaded_at)
					           select id, repeat('0', 64), 'image/jpeg', 1, 'bench.jpg', now() from ids returning id)
					insert into blob_photo (blob_id, phash, read_at)
					select id, ((floor(random() * 4294967296)::bigint) << 32) # floor(random() * 4294967296)::bigint, now()
					from b
					""").param("n", n).update();
		}
	}

	private static void report(String what, double[] ms) {
		double[] sorted = ms.clone();
		Arrays.sort(sorted);
		System.out.printf("BENCH %s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)%n", what,
				sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1],
				sorted.length);
	}
}
