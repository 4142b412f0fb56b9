package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chuangwen.Fixtures;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named fixtures for weekly reports: a fresh unit with its own administrator account, tasks issued to it and moved
 * along at chosen instants (in 2031, far from the demo's weeks and from what the drafting job does now).
 */
@Component
class ReportFixtures {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** When the test tasks are issued. */
	static final Instant ISSUED = at(LocalDate.of(2031, 2, 20), 9, 0);

	record TestUnit(Unit unit, Actor admin) {
	}

	private final OrganisationManagement organisation;

	private final OrganisationDirectory directory;

	private final UserAccounts accounts;

	private final TaskManagement tasks;

	private final WeeklyReportManagement reports;

	private final Blobs blobs;

	private final TransactionTemplate transactions;

	private final Fixtures fixtures;

	ReportFixtures(OrganisationManagement organisation, OrganisationDirectory directory, UserAccounts accounts,
			TaskManagement tasks, WeeklyReportManagement reports, Blobs blobs, TransactionTemplate transactions,
			Fixtures fixtures) {
		this.organisation = organisation;
		this.directory = directory;
		this.accounts = accounts;
		this.tasks = tasks;
		this.reports = reports;
		this.blobs = blobs;
		this.transactions = transactions;
		this.fixtures = fixtures;
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ZONE).toInstant();
	}

	static Clock clockAt(Instant instant) {
		return Clock.fixed(instant, ZONE);
	}

	/** A new department under the given jurisdiction with a unit administrator account. */
	TestUnit aUnitIn(String jurisdictionCode) {
		return transactions.execute(tx -> {
			String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
			UUID jurisdiction = directory.jurisdictionByCode(jurisdictionCode).orElseThrow().id();
			Unit unit = organisation.createUnit(null, new NewUnit("U-R-" + suffix, "报告测试单位" + suffix,
					UnitType.DEPARTMENT, jurisdiction, null, null, null));
			UUID account = accounts.createBySystem(new NewUser("r" + suffix, "报告测试 " + suffix, Fixtures.PASSWORD,
					EnumSet.of(Role.UNIT_ADMIN), unit.id(), null, null), false);
			return new TestUnit(unit, accounts.actorById(account).orElseThrow());
		});
	}

	TestUnit aUnit() {
		return aUnitIn("LJ");
	}

	/** A key task for the unit, issued on {@link #ISSUED}, due at the end of {@code deadline}. */
	UUID aTask(TestUnit u, String title, LocalDate deadline) {
		return transactions.execute(tx -> tasks.at(clockAt(ISSUED))
			.issue(fixtures.cityOffice(), new NewBreakdownItem(null, null, title, u.unit().code(),
					List.of(u.unit().code()), List.of(), null, deadline, "台账", BigDecimal.ONE))
			.get(0)
			.id());
	}

	void claim(TestUnit u, UUID task, Instant when) {
		act(u.admin(), task, TaskAction.CLAIM, List.of(), when);
	}

	void submit(TestUnit u, UUID task, Instant when) {
		byte[] pdf = ("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n" + UUID.randomUUID()).getBytes();
		UUID file = blobs.store(pdf, "成果.pdf", BlobUse.DELIVERABLE, u.admin().userId()).id();
		act(u.admin(), task, TaskAction.SUBMIT, List.of(file), when);
	}

	void accept(UUID task, Instant when) {
		act(fixtures.cityOffice(), task, TaskAction.ACCEPT, List.of(), when);
	}

	void returnTask(UUID task, Instant when) {
		transactions.executeWithoutResult(tx -> tasks.at(clockAt(when))
			.transition(fixtures.cityOffice(), task, new TaskCommand(TaskAction.RETURN, "材料不全", List.of(), null)));
	}

	private void act(Actor actor, UUID task, TaskAction action, List<UUID> files, Instant when) {
		transactions.executeWithoutResult(
				tx -> tasks.at(clockAt(when)).transition(actor, task, new TaskCommand(action, null, files, null)));
	}

	/** The unit drafts its report of {@code day} on demand at {@code when}. */
	WeeklyReport draft(TestUnit u, LocalDate day, Instant when) {
		return transactions.execute(tx -> reports.at(clockAt(when)).draft(u.admin(), day));
	}

	WeeklyReport submit(TestUnit u, UUID report, WeeklyReportEdit edit, Instant when) {
		return transactions.execute(tx -> reports.at(clockAt(when)).submit(u.admin(), report, edit));
	}

	WeeklyReportManagement reportsAt(Instant when) {
		return reports.at(clockAt(when));
	}
}
