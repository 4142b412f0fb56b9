package org.chuangwen.organisation.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jurisdictions")
@Tag(name = "jurisdictions", description = "The jurisdiction tree (city → district → street → community → grid) as a flat list")
class JurisdictionApi {

	/** A node of the tree as the API shows it. */
	record JurisdictionJson(UUID id, UUID parentId, JurisdictionLevel level, String code, String name, int sortOrder,
			int version) {

		static JurisdictionJson of(Jurisdiction j) {
			return new JurisdictionJson(j.id(), j.parentId(), j.level(), j.code(), j.name(), j.sortOrder(), j.version());
		}
	}

	private final OrganisationDirectory directory;

	JurisdictionApi(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "List jurisdictions", description = "The caller's subtree as a flat list, parents before children "
			+ "(order: depth, sort order, code), paged ({items, page, size, total}; size ≤ 500; the demo city has ~750 "
			+ "nodes, so two pages of 500 give the whole tree). With parentId: only that node's children.")
	Page<JurisdictionJson> list(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "only the children of this node") @RequestParam(required = false) UUID parentId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return directory.jurisdictions(actor, parentId, PageRequest.of(page, size)).map(JurisdictionJson::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One jurisdiction", description = "404 when unknown or outside the caller's scope.")
	ResponseEntity<JurisdictionJson> one(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		Jurisdiction j = directory.jurisdictionFor(actor, id);
		return ResponseEntity.ok().eTag(ApiVersions.etag(j.version())).body(JurisdictionJson.of(j));
	}
}
