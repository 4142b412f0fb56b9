package org.chuangwen.scoring.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.scoring.EvaluationDirectory;
import org.chuangwen.scoring.EvaluationManagement;
import org.chuangwen.scoring.Penalty;
import org.chuangwen.scoring.Period;
import org.chuangwen.scoring.Ranking;
import org.chuangwen.scoring.RankingCategory;
import org.chuangwen.scoring.Scorecard;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages (DOMAIN §9, §13): rankings (exact order or tiers, Excel), the unit scorecard, the red/black list
 * with last-place notices (printable A4), the evening-meeting list, the penalties ledger, the weights and bundles, the
 * annual appraisal export.
 */
@Controller
class EvaluationPages {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final EvaluationDirectory directory;

	private final EvaluationManagement management;

	private final MessageSource messages;

	EvaluationPages(EvaluationDirectory directory, EvaluationManagement management, MessageSource messages) {
		this.directory = directory;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping("/evaluation")
	String index(@AuthenticationPrincipal Actor actor) {
		return actor.isUnitBound() ? "redirect:/evaluation/units/" + actor.unitId() : "redirect:/evaluation/rankings";
	}

	// rankings

	@GetMapping("/evaluation/rankings")
	String rankings(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period,
			@RequestParam(required = false) String date, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String unitType,
			@RequestParam(required = false) String publish, Model model) {
		Period p = directory.period(period, date, from, to);
		RankingCategory category = RankingCategory.parse(unitType);
		Ranking ranking = directory.ranking(actor, p, category);
		model.addAttribute("ranking", ranking);
		model.addAttribute("tiers", "tiers".equals(publish));
		model.addAttribute("categories", RankingCategory.values());
		model.addAttribute("kinds", Period.Kind.values());
		model.addAttribute("period", p);
		model.addAttribute("date", date == null || date.isBlank() ? "" : date);
		model.addAttribute("today", directory.today());
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		model.addAttribute("reader", directory.readsRankings(actor));
		model.addAttribute("previousDate", p.previous().from());
		model.addAttribute("nextDate", p.to().isAfter(directory.today()) ? null : p.to());
		return "scoring/rankings";
	}

	@GetMapping("/evaluation/rankings/export")
	ResponseEntity<byte[]> exportRanking(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String period, @RequestParam(required = false) String date,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String unitType) {
		Period p = directory.period(period, date, from, to);
		Ranking ranking = directory.ranking(actor, p, RankingCategory.parse(unitType));
		String name = text(ranking.category().messageKey());
		return xlsx(EvaluationSheets.ranking(ranking, this::text), "排名-" + name + "-" + p.label() + ".xlsx");
	}

	@GetMapping("/evaluation/appraisal/export")
	ResponseEntity<byte[]> exportAppraisal(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer year) {
		int y = year == null ? directory.today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidInputException("year", "evaluation.appraisal.year");
		}
		return xlsx(EvaluationSheets.appraisal(y, directory.annualAppraisal(actor, y), this::text),
				"年度综合目标考核-" + y + ".xlsx");
	}

	// scorecard

	@GetMapping("/evaluation/units/{id}")
	String scorecard(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String period, @RequestParam(required = false) String date,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		Period p = directory.period(period, date, from, to);
		Scorecard card = directory.scorecard(actor, ScoringParams.id(id, "unit"), p);
		model.addAttribute("card", card);
		model.addAttribute("period", p);
		model.addAttribute("kinds", Period.Kind.values());
		model.addAttribute("date", date == null || date.isBlank() ? "" : date);
		model.addAttribute("today", directory.today());
		model.addAttribute("reader", directory.readsRankings(actor));
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		return "scoring/scorecard";
	}

	// flags, notices, evening list

	@GetMapping("/evaluation/flags")
	String flags(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind, Model model) {
		Period.Kind k = Period.Kind.parse(kind);
		if (k == Period.Kind.DAY || k == Period.Kind.CUSTOM) {
			throw new InvalidInputException("kind", "evaluation.flags.kind");
		}
		model.addAttribute("kind", k);
		model.addAttribute("flags", directory.redBlackList(actor, k, 8));
		model.addAttribute("notices", directory.notices(actor));
		model.addAttribute("reader", directory.readsRankings(actor));
		return "scoring/flags";
	}

	@GetMapping("/evaluation/notices/{id}/print")
	String printNotice(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("notice", directory.notice(actor, ScoringParams.id(id, "notice")));
		return "scoring/notice-print";
	}

	@GetMapping("/evaluation/evening")
	String evening(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String date, Model model) {
		LocalDate day = date == null || date.isBlank() ? directory.today() : parseDay(date);
		model.addAttribute("day", day);
		model.addAttribute("entries", directory.eveningList(actor, day));
		model.addAttribute("threshold", (int) EvaluationDirectory.EVENING_THRESHOLD);
		return "scoring/evening";
	}

	// penalties

	@GetMapping("/evaluation/penalties")
	String penalties(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", directory.penalties(actor, ScoringParams.id(unit, "unit"),
				PageRequest.of(page == null ? 0 : Math.max(0, page), 30)));
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN) && !actor.isUnitBound());
		model.addAttribute("reader", directory.readsRankings(actor));
		model.addAttribute("penaltyKinds", Penalty.Kind.values());
		model.addAttribute("today", directory.today());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PenaltyForm());
		}
		return "scoring/penalties";
	}

	/** The penalty form's fields as typed. */
	static class PenaltyForm {

		public String unitCode = "";

		public String kind = "OFFICIAL_VEHICLE_VIOLATION";

		public String occurredOn = "";

		public String reason = "";

		public String bonusPoints = "";

		public String appraisalPoints = "1";

		public boolean losesAward;

		public String getUnitCode() {
			return unitCode;
		}

		public String getKind() {
			return kind;
		}

		public String getOccurredOn() {
			return occurredOn;
		}

		public String getReason() {
			return reason;
		}

		public String getBonusPoints() {
			return bonusPoints;
		}

		public String getAppraisalPoints() {
			return appraisalPoints;
		}

		public boolean isLosesAward() {
			return losesAward;
		}
	}

	@PostMapping("/evaluation/penalties")
	String recordPenalty(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String occurredOn,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String bonusPoints,
			@RequestParam(required = false) String appraisalPoints,
			@RequestParam(required = false, defaultValue = "false") boolean losesAward,
			@RequestParam(required = false) List<MultipartFile> files, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		PenaltyForm form = new PenaltyForm();
		form.unitCode = unitCode == null ? "" : unitCode;
		form.kind = kind == null ? "" : kind;
		form.occurredOn = occurredOn == null ? "" : occurredOn;
		form.reason = reason == null ? "" : reason;
		form.bonusPoints = bonusPoints == null ? "" : bonusPoints;
		form.appraisalPoints = appraisalPoints == null ? "" : appraisalPoints;
		form.losesAward = losesAward;
		try {
			List<EvaluationManagement.EvidenceFile> evidence = new ArrayList<>();
			for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
				if (!f.isEmpty()) {
					evidence.add(new EvaluationManagement.EvidenceFile(f.getOriginalFilename(), f.getBytes()));
				}
			}
			UUID unitId = directory.unitIdByCode(actor, form.unitCode);
			Penalty p = management.recordPenalty(actor, new EvaluationManagement.NewPenalty(unitId,
					penaltyKind(form.kind), optionalDay(form.occurredOn, "occurredOn"), form.reason,
					decimal(form.bonusPoints, "bonusPoints"), decimal(form.appraisalPoints, "appraisalPoints"),
					form.losesAward, evidence));
			redirect.addFlashAttribute("notice", "evaluation.penalty.recorded");
			return "redirect:/evaluation/penalties/" + p.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 400);
			model.addAttribute("form", form);
			model.addAttribute("errors", errors(ex));
			return penalties(actor, null, 0, model);
		}
	}

	@GetMapping("/evaluation/penalties/{id}")
	String penalty(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("penalty", directory.penalty(actor, ScoringParams.id(id, "penalty")));
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN) && !actor.isUnitBound());
		return "scoring/penalty";
	}

	@PostMapping("/evaluation/penalties/{id}/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID penaltyId = ScoringParams.id(id, "penalty");
		try {
			management.revokePenalty(actor, penaltyId, reason, version);
			redirect.addFlashAttribute("notice", "evaluation.penalty.revoked");
			return "redirect:/evaluation/penalties/" + penaltyId;
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 400);
			model.addAttribute("errors", errors(ex));
			return penalty(actor, id, model);
		}
	}

	@GetMapping("/evaluation/penalties/{id}/evidence/{blobId}")
	ResponseEntity<byte[]> evidence(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String blobId) {
		BlobContent content = directory.evidence(actor, ScoringParams.id(id, "penalty"), ScoringParams.id(blobId, "blob"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(content.blob().originalFilename() == null ? "evidence" : content.blob().originalFilename(),
						StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(content.bytes());
	}

	// settings: weights and bundles

	@GetMapping("/evaluation/settings")
	String settings(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("weights")) {
			model.addAttribute("weights", directory.weights(actor));
		}
		model.addAttribute("bundles", directory.bundles(actor));
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN) && !actor.isUnitBound());
		return "scoring/settings";
	}

	@PostMapping("/evaluation/settings/weights")
	String saveWeights(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String disposal,
			@RequestParam(required = false) String onTime, @RequestParam(required = false) String rework,
			@RequestParam(required = false) String volume, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			management.setWeights(actor, decimal(disposal, "disposal"), decimal(onTime, "onTime"),
					decimal(rework, "rework"), decimal(volume, "volume"));
			redirect.addFlashAttribute("notice", "evaluation.weights.saved");
			return "redirect:/evaluation/settings";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", errors(ex));
			model.addAttribute("typed", new String[] { disposal, onTime, rework, volume });
			return settings(actor, model);
		}
	}

	@PostMapping("/evaluation/settings/bundles")
	String createBundle(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String units, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			management.createBundle(actor, name,
					units == null ? List.of() : Arrays.asList(units.split("[,，、\\s]+")));
			redirect.addFlashAttribute("notice", "evaluation.bundle.saved");
			return "redirect:/evaluation/settings";
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 400);
			model.addAttribute("bundleErrors", errors(ex));
			model.addAttribute("bundleName", name);
			model.addAttribute("bundleUnits", units);
			return settings(actor, model);
		}
	}

	@PostMapping("/evaluation/settings/bundles/{id}/delete")
	String deleteBundle(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		management.deleteBundle(actor, ScoringParams.id(id, "bundle"));
		redirect.addFlashAttribute("notice", "evaluation.bundle.deleted");
		return "redirect:/evaluation/settings";
	}

	// helpers

	private List<String> errors(DomainException ex) {
		List<String> list = new ArrayList<>();
		if (ex instanceof InvalidInputException invalid) {
			for (InvalidInputException.FieldError e : invalid.errors()) {
				list.add(messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(),
						LocaleContextHolder.getLocale()));
			}
		}
		else {
			list.add(messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), LocaleContextHolder.getLocale()));
		}
		return list;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	static BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace("%", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "evaluation.number.invalid", text);
		}
	}

	private static LocalDate parseDay(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("date", "evaluation.period.dateInvalid", text);
		}
	}

	private static LocalDate optionalDay(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "evaluation.period.dateInvalid", text);
		}
	}

	private static Penalty.Kind penaltyKind(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Penalty.Kind.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "evaluation.penalty.kindMissing");
		}
	}

	private static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
