package org.chuangwen.points.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.points.GridBoundary;
import org.chuangwen.points.GridBoundaryGeoJson;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointManagement;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which the campaign office edits a grid's boundary (inside its jurisdiction): a Leaflet map with the grid
 * and its neighbours (no tiles needed), vertices to click, drag and delete, and a GeoJSON box to paste or upload an
 * outline and preview it. The server reads the GeoJSON and checks the polygon ({@link PointManagement}: closed,
 * simple, inside the city), with the boundary's version (409 when somebody saved meanwhile); audited.
 */
@Controller
class GridBoundaryPages {

	private final PointManagement management;

	private final PointDirectory directory;

	private final GridLocator grids;

	private final OrganisationDirectory organisation;

	private final MessageSource messages;

	private final String tilesUrl;

	private final String tilesAttribution;

	GridBoundaryPages(PointManagement management, PointDirectory directory, GridLocator grids,
			OrganisationDirectory organisation, MessageSource messages,
			@Value("${chuangwen.map.tiles-url:}") String tilesUrl,
			@Value("${chuangwen.map.tiles-attribution:}") String tilesAttribution) {
		this.management = management;
		this.directory = directory;
		this.grids = grids;
		this.organisation = organisation;
		this.messages = messages;
		this.tilesUrl = tilesUrl;
		this.tilesAttribution = tilesAttribution;
	}

	/** Picks a grid by its code; without one, the form. */
	@GetMapping("/grids/boundary")
	String pick(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String code, Model model) {
		if (!directory.mayCreate(actor)) {
			throw new ForbiddenException("point.forbidden.maintain");
		}
		if (code != null && !code.isBlank()) {
			Optional<Jurisdiction> grid = organisation.jurisdictionByCode(code.strip())
				.filter(j -> j.level() == JurisdictionLevel.GRID)
				.filter(j -> directory.seesJurisdictionPath(actor, j.path()));
			if (grid.isPresent()) {
				return "redirect:/grids/" + grid.get().id() + "/boundary/edit";
			}
			model.addAttribute("pickError", message("grids.boundary.unknownGrid", code.strip()));
		}
		model.addAttribute("code", code);
		return "points/grid-pick";
	}

	@GetMapping("/grids/{gridId}/boundary/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable String gridId, Model model) {
		Jurisdiction grid = management.maintainedGrid(actor, Ids.parse(gridId, "grid"));
		Optional<GridBoundary> boundary = grids.boundary(grid.id());
		return page(actor, grid, boundary.orElse(null),
				boundary.map(b -> GridBoundaryGeoJson.polygon(b.ring())).orElse(""), "", model);
	}

	@PostMapping("/grids/{gridId}/boundary/edit")
	String save(@AuthenticationPrincipal Actor actor, @PathVariable String gridId,
			@RequestParam(required = false) String geojson, @RequestParam(required = false) String version,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		Jurisdiction grid = management.maintainedGrid(actor, Ids.parse(gridId, "grid"));
		Integer expected = version == null || version.isBlank() ? null : parseVersion(version);
		try {
			management.defineGridBoundary(actor, grid.id(), GridBoundaryGeoJson.ring(geojson), expected,
					note == null || note.isBlank() ? null : note);
			redirect.addFlashAttribute("notice", "grids.boundary.saved");
			return "redirect:/grids/" + grid.id() + "/boundary/edit";
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("saveError", errorText(ex));
			// the page keeps what the office drew, with the version it started from
			GridBoundary current = grids.boundary(grid.id()).orElse(null);
			model.addAttribute("staleVersion", ex instanceof ConflictException);
			String page = page(actor, grid, current, geojson == null ? "" : geojson, note == null ? "" : note, model);
			if (!(ex instanceof ConflictException)) {
				model.addAttribute("version", version == null ? "" : version);
			}
			return page;
		}
	}

	private static Integer parseVersion(String version) {
		try {
			return Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			return -1; // matches no version: 409
		}
	}

	private String page(Actor actor, Jurisdiction grid, GridBoundary boundary, String geojson, String note, Model model) {
		model.addAttribute("grid", grid);
		model.addAttribute("boundary", boundary);
		model.addAttribute("version", boundary == null ? "" : String.valueOf(boundary.version()));
		model.addAttribute("saved", boundary == null ? "" : GridBoundaryGeoJson.polygon(boundary.ring()));
		model.addAttribute("geojson", geojson);
		model.addAttribute("note", note);
		model.addAttribute("tilesUrl", tilesUrl);
		model.addAttribute("tilesAttribution", tilesAttribution);
		var extent = boundary != null ? Optional.of(boundary.bounds())
				: grids.extent(actor).or(() -> directory.extent(actor));
		model.addAttribute("extent",
				extent.map(b -> List.of(b.minLat(), b.minLng(), b.maxLat(), b.maxLng())).orElse(null));
		var city = management.cityBounds();
		model.addAttribute("city", city == null ? null : List.of(city.minLat(), city.minLng(), city.maxLat(), city.maxLng()));
		return "points/grid-boundary";
	}

	private String errorText(DomainException ex) {
		return ex instanceof InvalidInputException invalid
				? message(invalid.errors().get(0).messageKey(), invalid.errors().get(0).arguments().toArray())
				: message(ex.messageKey(), ex.arguments());
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

}
