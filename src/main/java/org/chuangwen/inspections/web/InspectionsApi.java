package org.chuangwen.inspections.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.NewRound;
import org.chuangwen.inspections.Observation;
import org.chuangwen.inspections.ObservationInput;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.RoundDetail;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.RoundStatus;
import org.chuangwen.inspections.SampledPoint;
import org.chuangwen.inspections.SamplingDraw;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.inspections.SamplingRule;
import org.chuangwen.inspections.Shortfall;
import org.chuangwen.inspections.TeamMember;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Inspection rounds, sampling and observations over the JSON API ({@code /api/v1/inspections/...}). */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "inspections", description = "Inspection rounds (督查、模拟测评): sampling rules, reproducible unannounced "
		+ "sampling, teams of two, field checklists and observations, upper-level results imported from Excel")
class InspectionsApi {

	record RoundView(UUID id, String name, String kind, UUID frameworkId, String status, long seed, UUID samplingRuleId,
			LocalDate plannedOn, Instant openedAt, Instant closedAt, int sampledPoints, int observedPoints) {

		static RoundView of(InspectionRound r) {
			return new RoundView(r.id(), r.name(), r.kind().name(), r.frameworkId(), r.status().name(), r.seed(),
					r.samplingRuleId(), r.plannedOn(), r.openedAt(), r.closedAt(), r.sampledPoints(), r.observedPoints());
		}
	}

	record RoundDetailView(RoundView round, String frameworkName, String samplingRuleName, List<TeamMember> team,
			List<SampledPoint> points, List<Shortfall> shortfalls) {

		static RoundDetailView of(RoundDetail d) {
			return new RoundDetailView(RoundView.of(d.round()), d.frameworkName(), d.samplingRuleName(), d.team(),
					d.points(), d.shortfalls());
		}
	}

	record PlanRequest(String name, String kind, String frameworkId, String plannedOn, List<List<String>> teams,
			String samplingRuleId, Long seed) {
	}

	record RuleRequest(String name, Boolean official, List<QuotaRequest> quotas) {
	}

	record QuotaRequest(String pointTypeCode, String districtId, Integer count) {
	}

	record PreviewRequest(String samplingRuleId, Long seed) {
	}

	/** One checklist item; result {@code pass|fail|na} (or COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE). */
	record ObservationRequest(String standardId, String result, BigDecimal getFraction, String note, List<String> photos,
			String categoryCode) {
	}

	/** One observation, or several under {@code observations}. */
	record ObservationsRequest(String standardId, String result, BigDecimal getFraction, String note, List<String> photos,
			String categoryCode, List<ObservationRequest> observations) {
	}

	record ObservationView(UUID id, UUID pointId, UUID standardId, String standardCode, String result,
			BigDecimal getFraction, BigDecimal effectiveFraction, String note, List<UUID> photos, UUID problemId,
			Instant observedAt, String observedBy) {

		static ObservationView of(Observation o) {
			return new ObservationView(o.id(), o.pointId(), o.standardId(), o.standardCode(), o.result().name(),
					o.recordedFraction(), o.getFraction(), o.note(), o.photos(), o.problemId(), o.observedAt(),
					o.observedByName());
		}
	}

	record ObservationsAnswer(UUID roundId, UUID pointId, List<ObservationView> observations) {
	}

	private final InspectionDirectory directory;

	private final InspectionManagement management;

	InspectionsApi(InspectionDirectory directory, InspectionManagement management) {
		this.directory = directory;
		this.management = management;
	}

	@GetMapping("/rounds")
	@Operation(summary = "Rounds the caller may see", description = "Newest first, paged ({items, page, size, total}). "
			+ "Unannounced: units and grid workers see closed rounds only (a unit only those with its points); "
			+ "inspectors their own and closed rounds; the office and leaders every round. Filters: status, kind.")
	Page<RoundView> rounds(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return directory.rounds(actor, parse(RoundStatus.class, status, "status"), parse(RoundKind.class, kind, "kind"),
				PageRequest.of(page, size)).map(RoundView::of);
	}

	@PostMapping("/rounds")
	@Operation(summary = "Plan a round (office)", description = "Body {name, kind, frameworkId?, plannedOn, teams: "
			+ "[[inspectorId, inspectorId], …], samplingRuleId, seed?}. Draws the points with the seed (stored; random "
			+ "when absent). 400 with every bad field; 403 for other roles.")
	ResponseEntity<RoundDetailView> plan(@AuthenticationPrincipal Actor actor, @RequestBody PlanRequest body) {
		PlanRequest b = body == null ? new PlanRequest(null, null, null, null, null, null, null) : body;
		List<List<UUID>> teams = new ArrayList<>();
		List<InvalidInputException.FieldError> bad = new ArrayList<>();
		if (b.teams() != null) {
			for (int t = 0; t < b.teams().size(); t++) {
				List<String> team = b.teams().get(t);
				List<UUID> members = new ArrayList<>();
				for (int m = 0; team != null && m < team.size(); m++) {
					try {
						members.add(inspectorId(team.get(m), "teams[" + t + "][" + m + "]"));
					}
					catch (InvalidInputException ex) {
						bad.addAll(ex.errors());
					}
				}
				teams.add(members);
			}
		}
		if (!bad.isEmpty()) {
			throw new InvalidInputException(bad);
		}
		InspectionRound round = management.plan(actor, new NewRound(b.name(), parse(RoundKind.class, b.kind(), "kind"),
				optionalId(b.frameworkId(), "framework"), date(b.plannedOn()), teams,
				optionalId(b.samplingRuleId(), "samplingRule"), b.seed()));
		return ResponseEntity.created(URI.create("/api/v1/inspections/rounds/" + round.id()))
			.body(RoundDetailView.of(directory.detail(actor, round.id())));
	}

	@GetMapping("/rounds/{id}")
	@Operation(summary = "One round with its team, points and shortfalls", description = "404 for a round the caller "
			+ "may not see (planned and open rounds are hidden from units).")
	RoundDetailView round(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return RoundDetailView.of(directory.detail(actor, Ids.parse(id, "inspectionRound")));
	}

	@PostMapping("/rounds/{id}/open")
	@Operation(summary = "Open a planned round (office)", description = "422 unless planned.")
	RoundView open(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return RoundView.of(management.open(actor, Ids.parse(id, "inspectionRound")));
	}

	@PostMapping("/rounds/{id}/close")
	@Operation(summary = "Close an open round (office)", description = "422 unless open. Results become final and "
			+ "visible to the units.")
	RoundView close(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return RoundView.of(management.close(actor, Ids.parse(id, "inspectionRound")));
	}

	@GetMapping("/rounds/{id}/observations")
	@Operation(summary = "The observations of a round the caller may see (a unit: at its own points)")
	List<ObservationView> observations(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return directory.observations(actor, Ids.parse(id, "inspectionRound")).stream().map(ObservationView::of).toList();
	}

	@PostMapping("/rounds/{id}/points/{pointId}/observations")
	@Operation(summary = "Record checklist items at a sampled point", description = "One item {standardId, result: "
			+ "pass|fail|na, getFraction?, note?, photos?: [blobId], categoryCode?} or {observations: [...]}. Send an "
			+ "Idempotency-Key: a retry returns the first answer. Re-saving an item replaces it; a non-compliant item "
			+ "creates one problem for the point's unit (never a second). 400 bad fields (fraction outside 0..1 …), "
			+ "403 not on the round's team, 404 unknown round, 422 round not open or closed, point not in the round, "
			+ "standard not applying to the point's type.")
	ObservationsAnswer record(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String pointId, @RequestBody ObservationsRequest body) {
		UUID round = Ids.parse(id, "inspectionRound");
		UUID point = Ids.parse(pointId, "point");
		List<ObservationRequest> items = new ArrayList<>();
		if (body != null && body.observations() != null) {
			items.addAll(body.observations());
		}
		else if (body != null) {
			items.add(new ObservationRequest(body.standardId(), body.result(), body.getFraction(), body.note(),
					body.photos(), body.categoryCode()));
		}
		List<Observation> saved = management.record(actor, round, point, inputs(items));
		return new ObservationsAnswer(round, point, saved.stream().map(ObservationView::of).toList());
	}

	@GetMapping("/sampling-rules")
	@Operation(summary = "Sampling rules, the official one first")
	List<SamplingRule> rules(@AuthenticationPrincipal Actor actor) {
		directory.rounds(actor, null, null, new PageRequest(0, 1));
		return directory.samplingRules();
	}

	@PostMapping("/sampling-rules")
	@Operation(summary = "Save a named sampling rule (office)", description = "Body {name, official?, quotas: "
			+ "[{pointTypeCode, districtId?, count}]}. An official rule replaces the previous official one.")
	ResponseEntity<SamplingRule> createRule(@AuthenticationPrincipal Actor actor, @RequestBody RuleRequest body) {
		RuleRequest b = body == null ? new RuleRequest(null, null, null) : body;
		List<SamplingQuota> quotas = new ArrayList<>();
		if (b.quotas() != null) {
			for (QuotaRequest q : b.quotas()) {
				quotas.add(q == null ? null : new SamplingQuota(q.pointTypeCode(), optionalId(q.districtId(), "jurisdiction"),
						q.count() == null ? 0 : q.count()));
			}
		}
		SamplingRule rule = management.createRule(actor, b.name(), Boolean.TRUE.equals(b.official()), quotas);
		return ResponseEntity.created(URI.create("/api/v1/inspections/sampling-rules/" + rule.id())).body(rule);
	}

	@PostMapping("/sampling-preview")
	@Operation(summary = "Preview what a rule draws (office)", description = "Body {samplingRuleId, seed?}: the points "
			+ "and the shortfalls, without saving anything.")
	SamplingDraw preview(@AuthenticationPrincipal Actor actor, @RequestBody PreviewRequest body) {
		return management.preview(actor, body == null ? null : optionalId(body.samplingRuleId(), "samplingRule"),
				body == null ? null : body.seed());
	}

	@PostMapping(path = "/rounds/{id}/upper-level-results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import upper-level results into an upper-level round (office)", description = "Multipart "
			+ "file (.xlsx, the template's layout). The whole file is checked: 422 with every bad row listed "
			+ "(errors[{row, field, message}]) and nothing imported.")
	InspectionManagement.ImportResult importResults(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		byte[] content = file == null ? null : file.getBytes();
		return management.importUpperLevel(actor, Ids.parse(id, "inspectionRound"), content);
	}

	@GetMapping("/upper-level-template")
	@Operation(summary = "The upper-level results template (.xlsx)")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("上级测评结果导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
			.body(management.upperLevelTemplate());
	}

	// parsing

	static List<ObservationInput> inputs(List<ObservationRequest> items) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		List<ObservationInput> inputs = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ObservationRequest item = items.get(i);
			String field = "observations[" + i + "]";
			if (item == null) {
				errors.add(new InvalidInputException.FieldError(field, "error.field.required"));
				continue;
			}
			UUID standard = null;
			if (item.standardId() != null && !item.standardId().isBlank()) {
				try {
					standard = UUID.fromString(item.standardId().strip());
				}
				catch (IllegalArgumentException ex) {
					errors.add(new InvalidInputException.FieldError(field + ".standardId", "inspection.standard.unknown",
							item.standardId()));
				}
			}
			ObservationResult result = null;
			if (item.result() != null && !item.result().isBlank()) {
				result = result(item.result()).orElse(null);
				if (result == null) {
					errors.add(new InvalidInputException.FieldError(field + ".result",
							"inspection.observation.resultRequired"));
				}
			}
			List<UUID> photos = new ArrayList<>();
			if (item.photos() != null) {
				for (String photo : item.photos()) {
					try {
						photos.add(UUID.fromString(String.valueOf(photo).strip()));
					}
					catch (IllegalArgumentException ex) {
						errors.add(new InvalidInputException.FieldError(field + ".photos",
								"inspection.observation.photoUnknown", String.valueOf(photo)));
					}
				}
			}
			inputs.add(new ObservationInput(standard, result, item.getFraction(), item.note(), photos, item.categoryCode()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return inputs;
	}

	static Optional<ObservationResult> result(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "pass", "compliant" -> Optional.of(ObservationResult.COMPLIANT);
			case "fail", "non_compliant" -> Optional.of(ObservationResult.NON_COMPLIANT);
			case "na", "not_applicable" -> Optional.of(ObservationResult.NOT_APPLICABLE);
			default -> Optional.empty();
		};
	}

	static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "inspection.field.invalid", text);
		}
	}

	/**
	 * An optional id sent in a body or a form: blank is none; one that is not well formed is bad input (400, naming the
	 * field), unlike an id in the path, which is simply an unknown resource (404).
	 */
	static UUID optionalId(String id, String what) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(what + "Id", "inspection.id.malformed", id);
		}
	}

	/** An inspector's account id in a team: 400 with a clear message when it is not an id at all. */
	static UUID inspectorId(String id, String field) {
		if (id == null || id.isBlank()) {
			throw new InvalidInputException(field, "inspection.team.inspectorMissing");
		}
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "inspection.team.inspectorMalformed", id);
		}
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("plannedOn", "inspection.field.invalid", text);
		}
	}
}
