package org.chuangwen.scoring.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.scoring.LossTrace;
import org.chuangwen.scoring.RoundReport;
import org.chuangwen.scoring.ScoreGrouping;
import org.chuangwen.scoring.ScoreQuery;
import org.chuangwen.scoring.ScoringDirectory;
import org.chuangwen.scoring.ScoringReports;
import org.chuangwen.scoring.ScoringSheets;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring pages: scores by item or group, a round's same-day report (page, printable A4, Excel), the
 * accountability trace "因我单位失分的点位" (page, Excel) and the forecast.
 */
@Controller
class ScorePages {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ScoringDirectory directory;

	private final ScoringReports reports;

	ScorePages(ScoringDirectory directory, ScoringReports reports) {
		this.directory = directory;
		this.reports = reports;
	}

	@GetMapping("/scores")
	String scores(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			@RequestParam(required = false) String round, @RequestParam(required = false) List<String> kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) Integer page, Model model) {
		ScoreQuery query = ScoringParams.query(framework, round, kind, from, to, by);
		UUID frameworkId = directory.framework(actor, query);
		org.chuangwen.scoring.Scores scores = directory.scores(actor, query.withFramework(frameworkId),
				PageRequest.of(page == null ? 0 : Math.max(0, page), 50));
		model.addAttribute("scores", scores);
		model.addAttribute("folds", CriterionFolds.of(scores.criteria()));
		model.addAttribute("frameworks", directory.frameworks(actor));
		model.addAttribute("frameworkId", frameworkId);
		model.addAttribute("rounds", directory.rounds(actor, frameworkId));
		model.addAttribute("roundId", query.roundId());
		model.addAttribute("by", query.by());
		model.addAttribute("groupings", groupings(actor));
		model.addAttribute("kinds", RoundKind.values());
		model.addAttribute("selectedKinds", query.kinds());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		model.addAttribute("city", directory.seesWholeCity(actor));
		return "scoring/scores";
	}

	private List<ScoreGrouping> groupings(Actor actor) {
		if (actor.isUnitBound()) {
			return List.of(ScoreGrouping.CRITERION, ScoreGrouping.UNIT);
		}
		if (!directory.seesWholeCity(actor)) {
			return List.of(ScoreGrouping.CRITERION, ScoreGrouping.DISTRICT, ScoreGrouping.STREET, ScoreGrouping.UNIT);
		}
		return List.of(ScoreGrouping.values());
	}

	@PostMapping("/scores/rebuild")
	String rebuild(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			RedirectAttributes redirect) {
		UUID id = directory.framework(actor, ScoringParams.id(framework, "framework"));
		directory.rebuild(actor, id);
		redirect.addFlashAttribute("notice", "scoring.rebuilt");
		return "redirect:/scores?framework=" + id;
	}

	// the round report

	@GetMapping("/scores/rounds/{id}")
	String report(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		RoundReport report = reports.report(actor, ScoringParams.id(id, "round"));
		model.addAttribute("report", report);
		model.addAttribute("folds", CriterionFolds.of(report.criteria()));
		return "scoring/report";
	}

	@GetMapping("/scores/rounds/{id}/print")
	String print(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("report", reports.report(actor, ScoringParams.id(id, "round")));
		model.addAttribute("cityZone", ScoringParams.CITY_ZONE);
		return "scoring/print";
	}

	@GetMapping("/scores/rounds/{id}/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		RoundReport report = reports.report(actor, ScoringParams.id(id, "round"));
		return xlsx(ScoringSheets.report(report), "测评报告-" + report.round().name() + ".xlsx");
	}

	@GetMapping("/scores/rounds/{id}/photos/{blobId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String blobId) {
		BlobContent content = reports.photo(actor, ScoringParams.id(id, "round"), ScoringParams.id(blobId, "photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(content.bytes());
	}

	// the accountability trace

	@GetMapping("/scores/trace")
	String trace(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			@RequestParam(required = false) String round, @RequestParam(required = false) String unit, Model model) {
		UUID frameworkId = directory.framework(actor, ScoringParams.id(framework, "framework"));
		List<InspectionRound> rounds = directory.rounds(actor, frameworkId);
		UUID roundId = ScoringParams.id(round, "round");
		if (roundId == null) {
			roundId = rounds.stream().findFirst().map(InspectionRound::id).orElse(null);
		}
		model.addAttribute("frameworks", directory.frameworks(actor));
		model.addAttribute("frameworkId", frameworkId);
		model.addAttribute("rounds", rounds);
		model.addAttribute("unitId", unit);
		if (roundId != null) {
			model.addAttribute("trace", reports.trace(actor, roundId, ScoringParams.id(unit, "unit")));
		}
		model.addAttribute("unitBound", actor.isUnitBound());
		model.addAttribute("city", directory.seesWholeCity(actor));
		return "scoring/trace";
	}

	@GetMapping("/scores/trace/export")
	ResponseEntity<byte[]> traceExport(@AuthenticationPrincipal Actor actor, @RequestParam String round,
			@RequestParam(required = false) String unit) {
		LossTrace trace = reports.trace(actor, ScoringParams.id(round, "round"), ScoringParams.id(unit, "unit"));
		return xlsx(ScoringSheets.trace(trace), "失分追溯-" + trace.round().name() + ".xlsx");
	}

	// the forecast

	@GetMapping("/scores/forecast")
	String forecast(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String framework,
			@RequestParam(required = false) Integer simulations, @RequestParam(required = false) Long seed,
			Model model) {
		UUID frameworkId = directory.framework(actor, ScoringParams.id(framework, "framework"));
		model.addAttribute("forecast", reports.forecast(actor, frameworkId, simulations, seed));
		model.addAttribute("frameworks", directory.frameworks(actor));
		model.addAttribute("frameworkId", frameworkId);
		return "scoring/forecast";
	}

	private static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
