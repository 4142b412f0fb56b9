package org.chuangwen.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.scoring.EvaluationManagement;
import org.chuangwen.scoring.Penalty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's evaluation (DOMAIN §9), after its problems, tasks and inspections (order 90): one bundle (the first
 * east street with its first community), the per-unit per-day facts counted from the five weeks of problems, the
 * rotating flags and last-place notices of the closed weeks and month, and a few penalties (one revoked), so the
 * rankings, the red/black list, the scorecards and the penalties ledger show recent weeks at once.
 */
@Component
class EvaluationDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(EvaluationDemo.class);

	/** The demo bundle's name. */
	static final String BUNDLE = "东城一街道捆绑考评";

	private final EvaluationManagement evaluation;

	private final UserAccounts accounts;

	private final Clock clock;

	EvaluationDemo(EvaluationManagement evaluation, UserAccounts accounts, Clock clock) {
		this.evaluation = evaluation;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	public void load(DemoContext context) {
		Actor office = accounts.actorFor("office");
		evaluation.createBundle(office, BUNDLE, List.of(DemoCity.UNIT_STREET_EAST_1, DemoCity.UNIT_COMMUNITY_EAST_1_1));
		int days = evaluation.recountFacts(null);
		int flags = evaluation.awardClosedPeriods(null, 5, 1, 1);
		LocalDate today = LocalDate.now(clock);
		evaluation.recordPenalty(office, new EvaluationManagement.NewPenalty(context.unit(DemoCity.UNIT_URBAN_MANAGEMENT),
				Penalty.Kind.OFFICIAL_VEHICLE_VIOLATION, today.minusDays(9),
				"公务车辆（执法巡查车）在文明交通示范路段违停，被交警抓拍。", BigDecimal.valueOf(2), BigDecimal.ONE, false,
				List.of(new EvaluationManagement.EvidenceFile("违停抓拍记录.pdf", evidencePdf()))));
		evaluation.recordPenalty(office, new EvaluationManagement.NewPenalty(context.unit(DemoCity.UNIT_STREET_WEST_1),
				Penalty.Kind.AWARD_INELIGIBLE, today.minusDays(20), "国检迎检期间辖区主干道连续三天出现占道经营，被媒体曝光。",
				BigDecimal.valueOf(3), BigDecimal.ZERO, true, List.of()));
		var revoked = evaluation.recordPenalty(office, new EvaluationManagement.NewPenalty(
				context.unit(DemoCity.UNIT_TRAFFIC_POLICE), Penalty.Kind.BONUS_DEDUCTION, today.minusDays(15),
				"公益广告未按期更换。", BigDecimal.ONE, BigDecimal.ZERO, false, List.of()));
		evaluation.revokePenalty(office, revoked.id(), "经核实公益广告已按期更换，系督查记录错误。", null);
		log.info("Demo evaluation: facts of {} days, {} rotating flags, 3 penalties (1 revoked)", days, flags);
	}

	/** A minimal one-page PDF standing for the scanned violation record. */
	private static byte[] evidencePdf() {
		String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}
}
