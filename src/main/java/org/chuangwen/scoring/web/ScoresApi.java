package org.chuangwen.scoring.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.scoring.CriterionScore;
import org.chuangwen.scoring.Forecast;
import org.chuangwen.scoring.LossTrace;
import org.chuangwen.scoring.RoundReport;
import org.chuangwen.scoring.ScoreLine;
import org.chuangwen.scoring.Scores;
import org.chuangwen.scoring.ScoringDirectory;
import org.chuangwen.scoring.ScoringReports;
import org.chuangwen.shared.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Same-day scores, the round report, the accountability trace and the forecast over the JSON API (API.md). */
@RestController
@Tag(name = "scores", description = "Same-day scoring (DOMAIN §7, §9): scores rolled up the criterion tree or grouped "
		+ "by district, street, unit, point type or command post; a round's report and accountability trace; the "
		+ "forecast of the official assessment")
class ScoresApi {

	/**
	 * The answer of {@code GET /api/v1/scores}: {@code items} are the tree's nodes (groupBy=criterion, with code,
	 * level and parentCode) or the groups (paged: page, size, totalItems); {@code total} is the caller's whole scope.
	 */
	record ScoresView(UUID frameworkId, UUID roundId, String groupBy, List<?> items, Integer page, Integer size,
			Long totalItems, ScoreLine total) {

		static ScoresView of(Scores s) {
			if (s.criteria() != null) {
				List<CriterionScore> items = s.criteria();
				return new ScoresView(s.frameworkId(), s.roundId(), s.groupBy().apiName(), items, null, null,
						(long) items.size(), s.total());
			}
			return new ScoresView(s.frameworkId(), s.roundId(), s.groupBy().apiName(), s.groups().items(),
					s.groups().page(), s.groups().size(), s.groups().total(), s.total());
		}
	}

	private final ScoringDirectory directory;

	private final ScoringReports reports;

	ScoresApi(ScoringDirectory directory, ScoringReports reports) {
		this.directory = directory;
		this.reports = reports;
	}

	@GetMapping("/api/v1/scores")
	@Operation(summary = "Same-day scores", description = "A standard's score is its maximum × its pass rate (the "
			+ "mean of its observations' get fractions, n/a left out); a parent's score is the sum of its children's, "
			+ "unobserved children left out and the parent's maximum spread over the observed ones. groupBy=criterion "
			+ "(default) answers the tree; district, street, unit, pointType, commandPost answer one line per group, "
			+ "best first, paged. The campaign office of the city sees everything; a district or street office its "
			+ "own area; a unit only itself and only closed rounds. 400 for a bad filter, 403 for a grouping outside "
			+ "the caller's reach, 404 for an unknown framework or round.")
	ScoresView scores(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "framework id (default: the active framework)") @RequestParam(required = false) String framework,
			@RequestParam(required = false) String frameworkId,
			@Parameter(description = "one round's id (default: all rounds)") @RequestParam(required = false) String round,
			@RequestParam(required = false) String roundId,
			@Parameter(description = "round kinds, e.g. MOCK_ASSESSMENT (repeat or comma-separate)") @RequestParam(required = false) List<String> kind,
			@Parameter(description = "observed from (ISO date-time with offset, or a date)") @RequestParam(required = false) String from,
			@Parameter(description = "observed before (ISO date-time with offset, or a date: up to its end)") @RequestParam(required = false) String to,
			@Parameter(description = "criterion | district | street | unit | pointType | commandPost") @RequestParam(required = false) String by,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return ScoresView.of(directory.scores(actor, ScoringParams.query(ScoringParams.first(framework, frameworkId),
				ScoringParams.first(round, roundId), kind, from, to, ScoringParams.first(by, groupBy)),
				PageRequest.of(page, size)));
	}

	@GetMapping("/api/v1/scores/rounds/{id}/report")
	@Operation(summary = "The same-day report of a round", description = "Points inspected, problems, responsible "
			+ "units, the total, the tree, the units, the worst points and the photos of failures, within the caller's "
			+ "reach.")
	RoundReport report(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return reports.report(actor, ScoringParams.id(id, "round"));
	}

	@GetMapping("/api/v1/scores/rounds/{id}/trace")
	@Operation(summary = "The accountability trace of a round", description = "Every item observed below full marks "
			+ "with what it cost the round's total and the unit, leader and person responsible when it was observed; "
			+ "per unit the points lost. A unit sees only its own items (403 for another unitId).")
	LossTrace trace(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String unitId) {
		return reports.trace(actor, ScoringParams.id(id, "round"), ScoringParams.id(unitId, "unit"));
	}

	@PostMapping("/api/v1/scores/rebuild")
	@Operation(summary = "Recompute a framework's cached sums from every observation", description = "The campaign "
			+ "office only (403 otherwise); audited. Answers the number of observations read.")
	Map<String, Object> rebuild(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			@RequestParam(required = false) String frameworkId) {
		UUID id = directory.framework(actor, ScoringParams.id(ScoringParams.first(framework, frameworkId), "framework"));
		return Map.of("frameworkId", id, "observations", directory.rebuild(actor, id));
	}

	@GetMapping("/api/v1/forecast")
	@Operation(summary = "Forecast of the official assessment", description = "Simulates the official sampling rule "
			+ "(default 10,000 times, at most 100,000; seeded: the same seed gives the same answer) over the points' "
			+ "current states → the expected score, the 90 % interval (p05..p95), and the open problems and points "
			+ "ranked by the expected gain of fixing them. City-level offices, leaders and inspectors only (403).")
	Forecast forecast(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			@RequestParam(required = false) String frameworkId, @RequestParam(required = false) Integer simulations,
			@RequestParam(required = false) Long seed) {
		return reports.forecast(actor, ScoringParams.id(ScoringParams.first(framework, frameworkId), "framework"),
				simulations, seed);
	}
}
