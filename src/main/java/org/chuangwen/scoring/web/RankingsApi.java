package org.chuangwen.scoring.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.scoring.EvaluationDirectory;
import org.chuangwen.scoring.Indicator;
import org.chuangwen.scoring.Period;
import org.chuangwen.scoring.Ranking;
import org.chuangwen.scoring.RankingCategory;
import org.chuangwen.scoring.RotatingFlag;
import org.chuangwen.scoring.Scorecard;
import org.chuangwen.scoring.UnitPerformance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rankings, unit performance and flags over the JSON API (API.md). */
@RestController
@Tag(name = "rankings", description = "Unit evaluation (DOMAIN §9): rankings per period and unit category with the "
		+ "composite index, grade, rank, tier and rotating flag; a unit's performance with every indicator's "
		+ "numerator and denominator; flag history")
class RankingsApi {

	/** One ranked line (API.md shape, plus the bundle and the problems behind the index). */
	record RankingItem(UUID unitId, String unitName, String unitCode, Double index, String grade, Integer rank,
			String tier, String flag, String bundle, long dispatched) {
	}

	/** The answer of {@code GET /api/v1/rankings}; {@code items} empty when no unit has data in the period. */
	record RankingView(String period, LocalDate from, LocalDate to, String unitType, String label, int ranked,
			List<RankingItem> items) {

		static RankingView of(Ranking r) {
			return new RankingView(r.period().kind().apiName(), r.period().from(), r.period().last(),
					r.category().apiName(), r.period().label(), r.ranked(),
					r.entries().stream()
						.filter(e -> e.rank() != null)
						.map(e -> new RankingItem(e.id(), e.name(), e.code(), e.index(),
								e.grade() == null ? null : e.grade().name(), e.rank(),
								e.tier() == null ? null : e.tier().apiName(), e.flag(), e.performance().bundleName(),
								e.performance().sums().dispatched()))
						.toList());
		}
	}

	/** An indicator: {@code rate} null when the denominator is 0 (no data). */
	record IndicatorView(String key, long numerator, Long denominator, Double rate, String link) {

		static IndicatorView of(Indicator i) {
			return new IndicatorView(i.key(), i.numerator(), i.denominator(), i.rate(), i.link());
		}
	}

	record PerformanceView(UUID unitId, String unitName, String period, LocalDate from, LocalDate to, Double index,
			String grade, Integer rank, Integer ranked, String tier, String bundle, List<IndicatorView> indicators,
			List<FlagView> flags) {

		static PerformanceView of(Scorecard s) {
			UnitPerformance p = s.performance();
			return new PerformanceView(s.unit().id(), s.unit().name(), p.period().kind().apiName(), p.period().from(),
					p.period().last(), p.index(), p.grade() == null ? null : p.grade().name(), s.rank(), s.ranked(),
					s.tier() == null ? null : s.tier().apiName(), p.bundleName(),
					p.indicators().stream().map(IndicatorView::of).toList(),
					s.flags().stream().map(FlagView::of).toList());
		}
	}

	record FlagView(String colour, String period, LocalDate from, LocalDate to, String unitType, UUID unitId,
			String unitName, Double index) {

		static FlagView of(RotatingFlag f) {
			return new FlagView(f.colour().apiName(), f.periodKind().apiName(), f.periodStart(),
					f.periodEnd().minusDays(1), f.category().apiName(), f.unitId(), f.unitName(),
					f.index().doubleValue());
		}
	}

	private final EvaluationDirectory directory;

	private final org.chuangwen.scoring.EvaluationManagement management;

	RankingsApi(EvaluationDirectory directory, org.chuangwen.scoring.EvaluationManagement management) {
		this.directory = directory;
		this.management = management;
	}

	/** The composite index's weights in percent (they add up to 100). */
	record WeightsBody(java.math.BigDecimal disposal, java.math.BigDecimal onTime, java.math.BigDecimal rework,
			java.math.BigDecimal volume) {
	}

	@GetMapping("/api/v1/evaluation/weights")
	@Operation(summary = "The composite index's weights that apply to the caller's jurisdiction")
	WeightsBody weights(@AuthenticationPrincipal Actor actor) {
		var w = directory.weights(actor);
		return new WeightsBody(w.disposal(), w.onTime(), w.rework(), w.volume());
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/evaluation/weights")
	@Operation(summary = "Set the weights of the office's jurisdiction", description = "The four weights in percent "
			+ "must add up to exactly 100 (400 with the sum otherwise). The campaign office only (403); audited.")
	WeightsBody setWeights(@AuthenticationPrincipal Actor actor,
			@org.springframework.web.bind.annotation.RequestBody WeightsBody body) {
		var w = management.setWeights(actor, body.disposal(), body.onTime(), body.rework(), body.volume());
		return new WeightsBody(w.disposal(), w.onTime(), w.rework(), w.volume());
	}

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/evaluation/facts/recount")
	@Operation(summary = "Recount every unit's per-day facts from the problems", description = "From the first "
			+ "dispatched problem to today, one day per transaction; idempotent (a repeated run gives the same rows). "
			+ "The campaign office only (403 otherwise); audited. Answers the number of days recounted.")
	java.util.Map<String, Object> recount(@AuthenticationPrincipal Actor actor) {
		return java.util.Map.of("days", management.recountFacts(actor));
	}

	@GetMapping("/api/v1/rankings")
	@Operation(summary = "A ranking", description = "Units of one category (street, department, community, "
			+ "commandPost, district, propertyCompany, enterprise, school, hospital) ranked by the composite index over "
			+ "a day, ISO week, month or quarter (the one containing `date`, default today), or a custom span "
			+ "(period=custom&from=&to=). Equal indexes share a rank; units without dispatched problems are left out "
			+ "(no data, not 0). Tiers: the first third good, the second fairlyGood, the rest average. The office, "
			+ "leaders and inspectors see their jurisdiction's ranking; a unit only its own line; others 403. 400 for a "
			+ "future period or an unknown category.")
	RankingView rankings(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "day | week | month | quarter | custom") @RequestParam(required = false) String period,
			@Parameter(description = "a day in the period (yyyy-MM-dd)") @RequestParam(required = false) String date,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@Parameter(description = "street | department | community | commandPost | district | …") @RequestParam(required = false) String unitType) {
		Period p = directory.period(period, date, from, to);
		return RankingView.of(directory.ranking(actor, p, RankingCategory.parse(unitType)));
	}

	@GetMapping("/api/v1/units/{id}/performance")
	@Operation(summary = "A unit's performance", description = "Every indicator with its numerator and denominator "
			+ "(rate null when the denominator is 0), the index, grade, rank in its category within its city, and its "
			+ "flags. A unit sees only itself (404 for another); the office and leaders any unit of their jurisdiction.")
	PerformanceView performance(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String period, @RequestParam(required = false) String date,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		Period p = directory.period(period, date, from, to);
		return PerformanceView.of(directory.scorecard(actor, ScoringParams.id(id, "unit"), p));
	}

	@GetMapping("/api/v1/units/{id}/flags")
	@Operation(summary = "A unit's rotating flags, newest first")
	List<FlagView> flags(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return directory.flagHistory(actor, ScoringParams.id(id, "unit")).stream().map(FlagView::of).toList();
	}
}
