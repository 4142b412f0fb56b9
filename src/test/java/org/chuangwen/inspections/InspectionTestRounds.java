package org.chuangwen.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Rounds for the tests: a fresh rule and a planned or open round on the demo city, and the events they published. */
@Component
public class InspectionTestRounds {

	private static final AtomicInteger counter = new AtomicInteger();

	final InspectionManagement management;

	final InspectionDirectory directory;

	final CriteriaDirectory criteria;

	final Fixtures fixtures;

	final List<ObservationRecorded> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

	InspectionTestRounds(InspectionManagement management, InspectionDirectory directory, CriteriaDirectory criteria,
			Fixtures fixtures) {
		this.management = management;
		this.directory = directory;
		this.criteria = criteria;
		this.fixtures = fixtures;
	}

	@EventListener
	void on(ObservationRecorded event) {
		recorded.add(event);
	}

	public Actor office() {
		return fixtures.actor("office");
	}

	public Actor inspector() {
		return fixtures.actor("inspector");
	}

	public Actor inspector2() {
		return fixtures.actor("inspector2");
	}

	public SamplingRule rule(SamplingQuota... quotas) {
		return management.createRule(office(), "测试规则-" + System.nanoTime() + "-" + counter.incrementAndGet(), false,
				List.of(quotas));
	}

	public InspectionRound planned(RoundKind kind, long seed, SamplingQuota... quotas) {
		SamplingRule rule = rule(quotas);
		return management.plan(office(), new NewRound("测试轮次 " + counter.incrementAndGet(), kind, null,
				LocalDate.now(management.clock()), List.of(List.of(inspector().userId(), inspector2().userId())), rule.id(),
				seed));
	}

	public InspectionRound open(SamplingQuota... quotas) {
		InspectionRound round = planned(RoundKind.WEEKLY_CHECK, System.nanoTime(), quotas);
		return management.open(office(), round.id());
	}

	public List<SampledPoint> points(InspectionRound round) {
		return directory.detail(office(), round.id()).points();
	}

	/** The standards of the round's framework that apply to a point type, in checklist order. */
	public List<Standard> standards(InspectionRound round, String typeCode) {
		List<Standard> out = new ArrayList<>();
		criteria.checklist(null, round.frameworkId(), typeCode).forEach(g -> out.addAll(g.standards()));
		return out;
	}

	public static ObservationInput item(UUID standard, ObservationResult result, String fraction) {
		return new ObservationInput(standard, result, fraction == null ? null : new java.math.BigDecimal(fraction), null,
				List.of(), null);
	}
}
