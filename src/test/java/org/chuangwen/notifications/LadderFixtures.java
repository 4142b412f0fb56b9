package org.chuangwen.notifications;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewPerson;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Named fixtures for the ladder: a fresh unit whose liaison, head and leader each have their own account. */
@Component
class LadderFixtures {

	/** A unit with its people; the accounts are linked to the people (the leader's too); plus a unit admin. */
	record UnitWithPeople(UUID unitId, UUID jurisdictionId, Person liaison, Person head, Person leader,
			Actor liaisonAccount, Actor headAccount, Actor leaderAccount, Actor unitAdmin) {
	}

	private final OrganisationManagement organisation;

	private final OrganisationDirectory directory;

	private final UserAccounts accounts;

	private final TransactionTemplate transactions;

	private final ReminderLadder ladder;

	private final JdbcClient jdbc;

	LadderFixtures(OrganisationManagement organisation, OrganisationDirectory directory, UserAccounts accounts,
			TransactionTemplate transactions, ReminderLadder ladder, JdbcClient jdbc) {
		this.organisation = organisation;
		this.directory = directory;
		this.accounts = accounts;
		this.transactions = transactions;
		this.ladder = ladder;
		this.jdbc = jdbc;
	}

	UnitWithPeople aUnitWithPeople(String jurisdictionCode) {
		return transactions.execute(tx -> {
			String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
			UUID jurisdiction = directory.jurisdictionByCode(jurisdictionCode).orElseThrow().id();
			Unit unit = organisation.createUnit(null, new NewUnit("U-T-" + suffix, "测试单位" + suffix, UnitType.DEPARTMENT,
					jurisdiction, null, null, null));
			Person liaison = organisation.createPerson(null, new NewPerson("联络员" + suffix, unit.id(), "联络员", mobile(), null));
			Person head = organisation.createPerson(null, new NewPerson("局长" + suffix, unit.id(), "局长", mobile(), null));
			Person leader = organisation.createPerson(null, new NewPerson("分管领导" + suffix, unit.id(), "分管副市长", mobile(), null));
			organisation.setUnitLeaders(null, unit.id(), head.id(), liaison.id());
			return new UnitWithPeople(unit.id(), jurisdiction, liaison, head, leader,
					account("l" + suffix, Role.UNIT_STAFF, unit.id(), liaison.id()),
					account("h" + suffix, Role.UNIT_STAFF, unit.id(), head.id()),
					account("d" + suffix, Role.UNIT_STAFF, unit.id(), leader.id()),
					account("a" + suffix, Role.UNIT_ADMIN, unit.id(), null));
		});
	}

	/** A unit with nobody recorded as liaison or head, and one unit admin account. */
	UnitWithPeople aUnitWithoutPeople(String jurisdictionCode) {
		return transactions.execute(tx -> {
			String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
			UUID jurisdiction = directory.jurisdictionByCode(jurisdictionCode).orElseThrow().id();
			Unit unit = organisation.createUnit(null, new NewUnit("U-E-" + suffix, "空缺单位" + suffix, UnitType.DEPARTMENT,
					jurisdiction, null, null, null));
			return new UnitWithPeople(unit.id(), jurisdiction, null, null, null, null, null, null,
					account("e" + suffix, Role.UNIT_ADMIN, unit.id(), null));
		});
	}

	private Actor account(String username, Role role, UUID unit, UUID person) {
		UUID id = accounts.createBySystem(new NewUser(username, "用户 " + username, Fixtures.PASSWORD, EnumSet.of(role),
				unit, null, person), false);
		return accounts.actorById(id).orElseThrow();
	}

	private static String mobile() {
		return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
	}

	/** Tracks a deadline of a new subject and answers its id. */
	String track(UUID unitId, Instant dueAt, UUID leaderId) {
		String id = UUID.randomUUID().toString();
		track(id, unitId, dueAt, leaderId);
		return id;
	}

	void track(String subjectId, UUID unitId, Instant dueAt, UUID leaderId) {
		transactions.executeWithoutResult(
				tx -> ladder.track(new TrackedDeadline("task", subjectId, "任务 " + subjectId, unitId, dueAt, leaderId)));
	}

	void settle(String subjectId) {
		transactions.executeWithoutResult(tx -> ladder.settle("task", subjectId));
	}

	/** How many notifications of this kind the account got for the subject. */
	long notified(Actor account, String subjectId, ReminderStep step) {
		return jdbc.sql("""
				select count(*) from notification where account_id = :account and subject_id = :subject and kind = :kind
				""")
			.param("account", account.userId())
			.param("subject", subjectId)
			.param("kind", step.name())
			.query(Long.class)
			.single();
	}

	long notifiedAnyone(String subjectId) {
		return jdbc.sql("select count(*) from notification where subject_id = :subject")
			.param("subject", subjectId)
			.query(Long.class)
			.single();
	}

	long stepsTaken(String subjectId) {
		return jdbc.sql("select count(*) from reminder_sent where subject_id = :subject")
			.param("subject", subjectId)
			.query(Long.class)
			.single();
	}
}
