package org.chuangwen.organisation.web;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.PersonFilter;
import org.chuangwen.organisation.OrganisationSpreadsheets;
import org.chuangwen.organisation.OrganisationSpreadsheets.ImportResult;
import org.chuangwen.organisation.Person;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "people", description = "People who hold responsibilities: leaders, liaisons, door holders, grid workers")
class PersonApi {

	/** A person as the API shows it. */
	record PersonJson(UUID id, String name, UUID unitId, String position, String mobile, UUID jurisdictionId,
			boolean active, int version) {

		static PersonJson of(Person p) {
			return new PersonJson(p.id(), p.name(), p.unitId(), p.position(), p.mobile(), p.jurisdictionId(), p.active(),
					p.version());
		}
	}

	private final OrganisationDirectory directory;

	private final OrganisationSpreadsheets spreadsheets;

	PersonApi(OrganisationDirectory directory, OrganisationSpreadsheets spreadsheets) {
		this.directory = directory;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping
	@Operation(summary = "List people", description = "People the caller may see, paged; q matches a name substring or a mobile prefix.")
	Page<PersonJson> list(@org.springframework.security.core.annotation.AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String q, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return directory.people(actor, new PersonFilter(q, unitId), PageRequest.of(page, size)).map(s -> PersonJson.of(s.person()));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import people from Excel", description = "Multipart field file: an .xlsx with the template's "
			+ "header row. 422 with errors [{row, field, message}] for every bad row (unknown unit code, bad or duplicate "
			+ "mobile, missing or too long name…) and nothing imported; 400 for a non-Excel file; 413 over 5 MB.")
	ImportResult importPeople(@AuthenticationPrincipal Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
		return spreadsheets.importPeople(actor, Uploads.read(file));
	}
}
