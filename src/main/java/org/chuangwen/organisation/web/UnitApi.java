package org.chuangwen.organisation.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.OrganisationManagement.UnitChange;
import org.chuangwen.organisation.OrganisationSpreadsheets;
import org.chuangwen.organisation.OrganisationSpreadsheets.ImportResult;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "Units (departments, street offices, communities, companies…) in the caller's scope")
class UnitApi {

	/** A unit as the API shows it. */
	record UnitJson(UUID id, String code, String name, UnitType type, UUID jurisdictionId, UUID parentId,
			UUID mainLeaderId, UUID liaisonId, String phone, String address, boolean active, int version) {

		static UnitJson of(Unit u) {
			return new UnitJson(u.id(), u.code(), u.name(), u.type(), u.jurisdictionId(), u.parentId(), u.mainLeaderId(),
					u.liaisonId(), u.phone(), u.address(), u.active(), u.version());
		}
	}

	/** The body of a POST (new unit) or PUT (all editable fields). */
	record UnitBody(String code, String name, UnitType type, UUID jurisdictionId, UUID parentId, String phone,
			String address, UUID mainLeaderId, UUID liaisonId) {
	}

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final OrganisationSpreadsheets spreadsheets;

	UnitApi(OrganisationDirectory directory, OrganisationManagement management, OrganisationSpreadsheets spreadsheets) {
		this.directory = directory;
		this.management = management;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping
	@Operation(summary = "List units", description = "Units the caller may see, in code order, paged. A unit account sees "
			+ "only its own unit. q matches a code prefix or a name substring; jurisdictionId means that node's subtree.")
	Page<UnitJson> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UnitType type, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return directory.units(actor, new UnitFilter(q, type, jurisdictionId, active), PageRequest.of(page, size))
			.map(s -> UnitJson.of(s.unit()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One unit", description = "Answers with ETag: \"<version>\". 404 when unknown or outside the caller's scope.")
	ResponseEntity<UnitJson> one(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return answer(directory.unitFor(actor, id));
	}

	@PostMapping
	@Operation(summary = "Create a unit", description = "Campaign office only, within its jurisdiction. 400 with every "
			+ "invalid field; a duplicate code is a field error on code. Accepts Idempotency-Key.")
	ResponseEntity<UnitJson> create(@AuthenticationPrincipal Actor actor, @RequestBody UnitBody body) {
		Unit unit = management.createUnit(actor,
				new NewUnit(body.code(), body.name(), body.type(), body.jurisdictionId(), body.parentId(), body.phone(), body.address()));
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id()))
			.eTag(ApiVersions.etag(unit.version()))
			.body(UnitJson.of(unit));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a unit's editable fields", description = "Send If-Match with the version you read; 409 "
			+ "when the unit changed meanwhile. Moving a unit under itself or one of its own subordinate units is refused.")
	ResponseEntity<UnitJson> replace(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Parameter(description = "the version you read, e.g. \"3\"") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody UnitBody body) {
		int version = ApiVersions.ifMatch(ifMatch);
		return answer(management.updateUnit(actor, id, new UnitChange(body.code(), body.name(), body.type(),
				body.jurisdictionId(), body.parentId(), body.phone(), body.address(), body.mainLeaderId(), body.liaisonId(), version)));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change some of a unit's fields", description = "JSON merge patch: fields present are set "
			+ "(null clears an optional one), absent fields keep their value. Send If-Match; 409 when stale.")
	ResponseEntity<UnitJson> patch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode body) {
		int version = ApiVersions.ifMatch(ifMatch);
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "api.patch.object");
		}
		Unit current = directory.unitFor(actor, id);
		UnitChange change = new UnitChange(text(body, "code", current.code()), text(body, "name", current.name()),
				body.has("type") ? type(body.get("type")) : current.type(), uuid(body, "jurisdictionId", current.jurisdictionId()),
				uuid(body, "parentId", current.parentId()), text(body, "phone", current.phone()),
				text(body, "address", current.address()), uuid(body, "mainLeaderId", current.mainLeaderId()),
				uuid(body, "liaisonId", current.liaisonId()), version);
		return answer(management.updateUnit(actor, id, change));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import units from Excel", description = "Multipart field file: an .xlsx with the template's "
			+ "header row (GET /organisation/units/import/template). The whole file is checked first: 422 with errors "
			+ "[{row, field, message}] for every bad row and nothing imported; 400 for a file that is not an .xlsx "
			+ "(checked by content); 413 over 5 MB. Campaign office only.")
	ImportResult importUnits(@AuthenticationPrincipal Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
		return spreadsheets.importUnits(actor, Uploads.read(file));
	}

	private static ResponseEntity<UnitJson> answer(Unit unit) {
		return ResponseEntity.ok().eTag(ApiVersions.etag(unit.version())).body(UnitJson.of(unit));
	}

	private static String text(JsonNode body, String field, String current) {
		if (!body.has(field)) {
			return current;
		}
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static UUID uuid(JsonNode body, String field, UUID current) {
		if (!body.has(field)) {
			return current;
		}
		JsonNode value = body.get(field);
		if (value == null || value.isNull() || value.asString().isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.asString());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "api.id.invalid");
		}
	}

	private static UnitType type(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return UnitType.valueOf(value.asString());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("type", "unit.type.unknown");
		}
	}
}
