package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task lifecycle, every status against every action, and who may take each action. */
class TaskTransitionsTests {

	private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	private static final UUID UNIT = UUID.randomUUID();

	private static final String PATH = "/city/district/";

	private static final Actor UNIT_ADMIN = new Actor(UUID.randomUUID(), "ua", "单位管理员", Set.of(Role.UNIT_ADMIN), UNIT,
			UUID.randomUUID(), PATH);

	private static final Actor OFFICE = new Actor(UUID.randomUUID(), "office", "创文办", Set.of(Role.OFFICE_ADMIN), null,
			UUID.randomUUID(), "/city/");

	/** The whole expected table: status → action → next status; every pair not listed is illegal. */
	private static final Map<TaskStatus, Map<TaskAction, TaskStatus>> EXPECTED = new EnumMap<>(TaskStatus.class);

	static {
		EXPECTED.put(TaskStatus.ISSUED, Map.of(TaskAction.CLAIM, TaskStatus.CLAIMED, TaskAction.CANCEL, TaskStatus.CANCELLED));
		EXPECTED.put(TaskStatus.CLAIMED, Map.of(TaskAction.PROGRESS, TaskStatus.IN_PROGRESS, TaskAction.SUBMIT, TaskStatus.SUBMITTED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		EXPECTED.put(TaskStatus.IN_PROGRESS, Map.of(TaskAction.PROGRESS, TaskStatus.IN_PROGRESS, TaskAction.SUBMIT, TaskStatus.SUBMITTED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		EXPECTED.put(TaskStatus.SUBMITTED, Map.of(TaskAction.ACCEPT, TaskStatus.ACCEPTED, TaskAction.RETURN, TaskStatus.RETURNED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		EXPECTED.put(TaskStatus.ACCEPTED, Map.of());
		EXPECTED.put(TaskStatus.RETURNED, Map.of(TaskAction.PROGRESS, TaskStatus.IN_PROGRESS, TaskAction.SUBMIT, TaskStatus.SUBMITTED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		EXPECTED.put(TaskStatus.CANCELLED, Map.of());
	}

	static Task aTask(TaskStatus status) {
		return new Task(UUID.randomUUID(), UUID.randomUUID(), null, null, "Ⅲ-1-1", "Ⅲ-1", "公交站点规范有序", "站台整洁",
				UNIT, "U-A", UNIT, "U-A", "单位甲", "U-A", "", PATH, null, null, NOW.plusSeconds(86_400), "台账",
				BigDecimal.ONE, status, null, null, 0, NOW, null, null, null, null, 3);
	}

	@Test
	void theTableAllowsExactlyTheDocumentedTransitions() {
		for (TaskStatus status : TaskStatus.values()) {
			for (TaskAction action : TaskAction.values()) {
				assertThat(TaskTransitions.target(status, action))
					.as("%s --%s-->", status, action)
					.isEqualTo(java.util.Optional.ofNullable(EXPECTED.get(status).get(action)));
			}
		}
	}

	@Test
	void everyVerbFollowsTheTableAndRefusesIllegalTransitionsWithARuleViolation() {
		for (TaskStatus status : TaskStatus.values()) {
			for (TaskAction action : TaskAction.values()) {
				Task task = aTask(status);
				TaskStatus expected = EXPECTED.get(status).get(action);
				if (expected == null) {
					assertThatThrownBy(() -> apply(task, action))
						.as("%s --%s--> must be refused", status, action)
						.isInstanceOf(RuleViolationException.class)
						.hasMessageContaining("task.transition.illegal");
				}
				else {
					assertThat(apply(task, action).status()).as("%s --%s-->", status, action).isEqualTo(expected);
				}
			}
		}
	}

	private static Task apply(Task task, TaskAction action) {
		return switch (action) {
			case CLAIM -> task.claim(UNIT_ADMIN, NOW);
			case PROGRESS -> task.progress(UNIT_ADMIN, "进展", NOW);
			case SUBMIT -> task.submit(UNIT_ADMIN, List.of(UUID.randomUUID()), null, NOW);
			case ACCEPT -> task.accept(OFFICE, NOW);
			case RETURN -> task.returnTo(OFFICE, "照片不全", NOW);
			case CANCEL -> task.cancel(OFFICE, "标准调整，不再需要", NOW);
		};
	}

	@Test
	void onlyTheResponsibleUnitClaimsAndSubmitsAndOnlyTheCoveringOfficeAcceptsAndReturns() {
		Actor otherUnit = new Actor(UUID.randomUUID(), "x", "x", Set.of(Role.UNIT_ADMIN), UUID.randomUUID(), null, PATH);
		Actor otherOffice = new Actor(UUID.randomUUID(), "o2", "o2", Set.of(Role.OFFICE_ADMIN), null, null, "/other/");
		Actor leader = new Actor(UUID.randomUUID(), "l", "l", Set.of(Role.LEADER), null, null, "/city/");
		assertThatThrownBy(() -> aTask(TaskStatus.ISSUED).claim(otherUnit, NOW)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.ISSUED).claim(OFFICE, NOW)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.SUBMITTED).accept(UNIT_ADMIN, NOW)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.SUBMITTED).accept(otherOffice, NOW)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.SUBMITTED).returnTo(leader, "x", NOW)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void submittingNeedsAFileAndReturningNeedsAReason() {
		assertThatThrownBy(() -> aTask(TaskStatus.CLAIMED).submit(UNIT_ADMIN, List.of(), "无附件", NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.SUBMITTED).returnTo(OFFICE, "  ", NOW))
			.isInstanceOf(InvalidInputException.class);
		Task returned = aTask(TaskStatus.SUBMITTED).returnTo(OFFICE, "照片不全", NOW);
		assertThat(returned.returnReason()).isEqualTo("照片不全");
		Task resubmitted = returned.submit(UNIT_ADMIN, List.of(UUID.randomUUID()), null, NOW);
		assertThat(resubmitted.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(resubmitted.submissions()).isEqualTo(1);
	}

	@Test
	void aTaskIsOverdueWhenItsDeadlinePassedAndItIsNotAccepted() {
		Instant later = NOW.plusSeconds(2 * 86_400);
		assertThat(aTask(TaskStatus.IN_PROGRESS).isOverdue(NOW)).isFalse();
		assertThat(aTask(TaskStatus.IN_PROGRESS).isOverdue(later)).isTrue();
		assertThat(aTask(TaskStatus.SUBMITTED).isOverdue(later)).isTrue();
		assertThat(aTask(TaskStatus.ACCEPTED).isOverdue(later)).isFalse();
		assertThat(aTask(TaskStatus.CANCELLED).isOverdue(later)).isFalse();
	}

	@Test
	void onlyTheCoveringOfficeCancelsAndOnlyWithAReason() {
		assertThatThrownBy(() -> aTask(TaskStatus.CLAIMED).cancel(UNIT_ADMIN, "不做了", NOW)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> aTask(TaskStatus.CLAIMED).cancel(OFFICE, " ", NOW)).isInstanceOf(InvalidInputException.class);
		Task cancelled = aTask(TaskStatus.CLAIMED).cancel(OFFICE, "标准调整，不再需要", NOW);
		assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(cancelled.lastNote()).isEqualTo("标准调整，不再需要");
		assertThatThrownBy(() -> cancelled.reschedule(OFFICE, NOW.plusSeconds(86_400 * 9), "再延期", NOW))
			.isInstanceOf(RuleViolationException.class);
	}
}
