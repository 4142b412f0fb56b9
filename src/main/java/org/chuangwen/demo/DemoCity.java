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
			long started = System.nanoTime();
			DemoContext context = new DemoContext(seed);
			StringBuilder timings = new StringBuilder();
			for (DemoStep step : steps) {
				long stepStarted = System.nanoTime();
				step.load(context);
				long ms = (System.nanoTime() - stepStarted) / 1_000_000;
				log.info("Demo step {} ({}) took {} ms", step.order(), step.getClass().getSimpleName(), ms);
				timings.append(timings.isEmpty() ? "" : ", ").append(step.getClass().getSimpleName()).append(' ').append(ms);
			}
			log.info("Demo city loaded (seed {}) in {} ms: {}", seed, (System.nanoTime() - started) / 1_000_000, timings);
		});
	}
}
