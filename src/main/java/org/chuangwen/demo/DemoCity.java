package org.chuangwen.demo;

import java.util.Comparator;
import java.util.List;

import org.chuangwen.organisation.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city into an empty database, in one transaction (all or nothing), once even when two instances
 * start together. Off with {@code --chuangwen.demo.enabled=false}. Runs when every bean is ready and before the web
 * server opens, so nobody can sign in to a half-loaded city.
 */
@Component
public class DemoCity implements SmartInitializingSingleton {

	/** The demo city's code, and the codes of named fixtures tests and the README rely on. */
	public static final String CITY = "LJ";

	public static final String DISTRICT_EAST = "LJ-01";

	public static final String STREET_EAST_1 = "LJ-01-01";

	public static final String COMMUNITY_EAST_1_1 = "LJ-01-01-01";

	public static final String GRID_EAST_1_1_1 = "LJ-01-01-01-01";

	public static final String DISTRICT_WEST = "LJ-02";

	public static final String UNIT_CITY_OFFICE = "U-LJ-WMB";

	public static final String UNIT_URBAN_MANAGEMENT = "U-LJ-CGJ";

	public static final String UNIT_TRAFFIC_POLICE = "U-LJ-JJ";

	public static final String UNIT_STREET_EAST_1 = "U-LJ-01-01";

	public static final String UNIT_COMMUNITY_EAST_1_1 = "U-LJ-01-01-01";

	public static final String UNIT_STREET_WEST_1 = "U-LJ-02-01";

	/** The password of every demo account (listed in the README). */
	public static final String DEMO_PASSWORD = "Chuangwen@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private final List<DemoStep> steps;

	private final OrganisationDirectory directory;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final boolean enabled;

	private final long seed;

	DemoCity(List<DemoStep> steps, OrganisationDirectory directory, TransactionTemplate transactions, JdbcClient jdbc,
			@Value("${chuangwen.demo.enabled:true}") boolean enabled, @Value("${chuangwen.demo.seed:20261125}") long seed) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
		this.directory = directory;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.enabled = enabled;
		this.seed = seed;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!enabled) {
			log.info("Demo city disabled (chuangwen.demo.enabled=false)");
			return;
		}
		transactions.executeWithoutResult(tx -> {
			// one loader at a time across instances; the second finds the city already there
			jdbc.sql("select pg_advisory_xact_lock(20261125)").query().singleRow();
			if (!directory.isEmpty()) {
				return;
			}
			Costs costs = new Costs(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
			Costs.Reading start = costs.read();
			DemoContext context = new DemoContext(seed);
			StringBuilder timings = new StringBuilder();
			for (DemoStep step : steps) {
				Costs.Reading before = costs.read();
				step.load(context);
				String spent = costs.read().since(before);
				log.info("Demo step {} ({}): {}", step.order(), step.getClass().getSimpleName(), spent);
				timings.append(timings.isEmpty() ? "" : "; ").append(step.getClass().getSimpleName()).append(' ').append(spent);
			}
			Costs.Reading end = costs.read();
			log.info("Demo city loaded (seed {}) in {} ms: {}", seed, (end.wallNanos() - start.wallNanos()) / 1_000_000,
					end.since(start) + " = " + timings);
		});
	}

	/**
	 * What a step costs: wall time, and the processor time of this thread and of the database's server process for the
	 * load's connection (read from /proc where the database runs on this machine, as the embedded one does). Processor
	 * times hardly depend on what else the machine runs, wall time does: both are logged so that figures taken on a
	 * busy machine can still be compared.
	 */
	static final class Costs {

		private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

		private final java.nio.file.Path backendStat;

		Costs(int backendPid) {
			java.nio.file.Path stat = java.nio.file.Path.of("/proc", String.valueOf(backendPid), "stat");
			this.backendStat = ticks(stat) >= 0 && comm(stat).startsWith("(postgres") ? stat : null;
		}

		record Reading(long wallNanos, long javaCpuNanos, long databaseTicks) {

			String since(Reading before) {
				String database = databaseTicks < 0 || before.databaseTicks < 0 ? "?"
						: String.valueOf((databaseTicks - before.databaseTicks) * 10); // USER_HZ 100: 10 ms a tick
				return "%d ms (java cpu %d ms, database cpu %s ms)".formatted((wallNanos - before.wallNanos) / 1_000_000,
						(javaCpuNanos - before.javaCpuNanos) / 1_000_000, database);
			}
		}

		Reading read() {
			long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
			return new Reading(System.nanoTime(), cpu, backendStat == null ? -1 : ticks(backendStat));
		}

		private static String comm(java.nio.file.Path stat) {
			try {
				String line = java.nio.file.Files.readString(stat);
				return line.substring(line.indexOf('('), line.lastIndexOf(')') + 1);
			}
			catch (java.io.IOException | RuntimeException ex) {
				return "";
			}
		}

		/** User plus system time of a process in clock ticks (fields 14 and 15 of /proc/PID/stat), -1 if unreadable. */
		private static long ticks(java.nio.file.Path stat) {
			try {
				String line = java.nio.file.Files.readString(stat);
				String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (java.io.IOException | RuntimeException ex) {
				return -1;
			}
		}
	}
}
