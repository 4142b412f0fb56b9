package org.chuangwen.organisation.accounts;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;

/** Named fixtures for account tests: fresh accounts on the demo city, so tests do not disturb each other. */
final class TestAccounts {

	private static final AtomicInteger counter = new AtomicInteger();

	private final UserAccounts accounts;

	private final OrganisationDirectory directory;

	TestAccounts(UserAccounts accounts, OrganisationDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	static String uniqueName(String prefix) {
		return prefix + "_" + System.nanoTime() % 1_000_000_000L + "_" + counter.incrementAndGet();
	}

	/** A grid worker in the east district's first grid, password {@link Fixtures#PASSWORD}, nothing to change. */
	Created aGridWorker() {
		String username = uniqueName("gw");
		UUID id = accounts.createBySystem(new NewUser(username, "测试网格员", Fixtures.PASSWORD,
				EnumSet.of(Role.GRID_WORKER), null, jurisdiction("LJ-01-01-01-01"), null), false);
		return new Created(id, username);
	}

	/** A unit admin of the west district's first street office. */
	Created aWestStreetAdmin() {
		String username = uniqueName("west");
		UUID id = accounts.createBySystem(new NewUser(username, "西区街道联络员", Fixtures.PASSWORD,
				EnumSet.of(Role.UNIT_ADMIN), unit("U-LJ-02-01"), null, null), false);
		return new Created(id, username);
	}

	UUID jurisdiction(String code) {
		return directory.jurisdictionByCode(code).orElseThrow().id();
	}

	UUID unit(String code) {
		return directory.unitByCode(code).orElseThrow().id();
	}

	record Created(UUID id, String username) {
	}
}
