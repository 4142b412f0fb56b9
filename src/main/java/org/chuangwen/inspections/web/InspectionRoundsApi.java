package org.chuangwen.inspections.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.Observation;
import org.chuangwen.inspections.ObservationInput;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The minimum resources of API.md ({@code /api/v1/inspection-rounds}): plan a round, and record observations of several
 * points at once, each item naming its {@code pointId}. The same rules as {@code /api/v1/inspections/...}.
 */
@RestController
@RequestMapping("/api/v1/inspection-rounds")
@Tag(name = "inspections")
class InspectionRoundsApi {

	record Item(String pointId, String standardId, String result, BigDecimal getFraction, String note,
			List<String> photos, String categoryCode) {
	}

	record Body(String pointId, String standardId, String result, BigDecimal getFraction, String note,
			List<String> photos, String categoryCode, List<Item> observations) {
	}

	record Answer(UUID roundId, List<InspectionsApi.ObservationView> observations) {
	}

	private final InspectionsApi api;

	private final InspectionManagement management;

	InspectionRoundsApi(InspectionsApi api, InspectionManagement management) {
		this.api = api;
		this.management = management;
	}

	@PostMapping
	@Operation(summary = "Plan a round (office)", description = "As POST /api/v1/inspections/rounds.")
	ResponseEntity<InspectionsApi.RoundDetailView> plan(@AuthenticationPrincipal Actor actor,
			@RequestBody InspectionsApi.PlanRequest body) {
		return api.plan(actor, body);
	}

	@PostMapping("/{id}/observations")
	@Operation(summary = "Record observations at one or more sampled points", description = "One item {pointId, "
			+ "standardId, result: pass|fail|na, getFraction?, note?, photos?} or {observations: [...]}; all or nothing. "
			+ "The answer lists the observations with the ids of the problems they created.")
	Answer record(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Body body) {
		UUID round = Ids.parse(id, "inspectionRound");
		List<Item> items = new ArrayList<>();
		if (body != null && body.observations() != null) {
			items.addAll(body.observations());
		}
		else if (body != null) {
			items.add(new Item(body.pointId(), body.standardId(), body.result(), body.getFraction(), body.note(),
					body.photos(), body.categoryCode()));
		}
		Map<UUID, List<ObservationInput>> byPoint = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			if (item == null || item.pointId() == null || item.pointId().isBlank()) {
				throw new InvalidInputException("observations[" + i + "].pointId", "error.field.required");
			}
			UUID point;
			try {
				point = UUID.fromString(item.pointId().strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("observations[" + i + "].pointId", "inspection.point.notInRound",
						item.pointId());
			}
			byPoint.computeIfAbsent(point, k -> new ArrayList<>()).addAll(InspectionsApi.inputs(List.of(
					new InspectionsApi.ObservationRequest(item.standardId(), item.result(), item.getFraction(), item.note(),
							item.photos(), item.categoryCode()))));
		}
		if (byPoint.isEmpty()) {
			throw new InvalidInputException("observations", "inspection.observation.none");
		}
		List<Observation> saved = management.recordAt(actor, round, byPoint);
		return new Answer(round, saved.stream().map(InspectionsApi.ObservationView::of).toList());
	}
}
