package org.chuangwen.points.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.points.Geo;
import org.chuangwen.points.GridBoundary;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.LatLng;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointDraft;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointManagement;
import org.chuangwen.points.PointPhoto;
import org.chuangwen.points.PointPhotos;
import org.chuangwen.points.PointSheets;
import org.chuangwen.points.PointStatus;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Inspection points and grid boundaries over the JSON API (API.md), with the map's GeoJSON and Excel. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "points", description = "Inspection points (点位): registry, radius search, map pins as GeoJSON, grid "
		+ "boundaries and location → grid routing, Excel import/export")
class PointApi {

	/** A point as the API shows it; {@code lat}/{@code lng} are WGS-84 degrees. */
	record PointView(UUID id, String code, String name, String typeCode, String address, double lat, double lng,
			UUID jurisdictionId, String jurisdictionCode, String jurisdictionName, UUID gridId, String gridCode,
			UUID unitId, String unitCode, String unitName, UUID leaderPersonId, String leaderName, UUID personId,
			String personName, String status, int version, Instant createdAt, Instant updatedAt,
			@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) List<PhotoView> photos) {

		static PointView of(Point p) {
			return of(p, null);
		}

		/** With its photos (one point's answer); lists leave them out. */
		static PointView of(Point p, List<PointPhoto> photos) {
			return new PointView(p.id(), p.code(), p.name(), p.typeCode(), p.address(), p.latitude(), p.longitude(),
					p.jurisdictionId(), p.jurisdictionCode(), p.jurisdictionName(), p.gridId(), p.gridCode(), p.unitId(),
					p.unitCode(), p.unitName(), p.leaderPersonId(), p.leaderName(), p.personId(), p.personName(),
					p.status().name(), p.version(), p.createdAt(), p.updatedAt(),
					photos == null ? null : photos.stream().map(PhotoView::of).toList());
		}
	}

	/** A photo of a point: {@code url} is its file, {@code thumbnailUrl} a small JPEG of it (for the signed-in page). */
	record PhotoView(UUID blobId, String filename, String contentType, long size, Instant addedAt, String url,
			String thumbnailUrl) {

		static PhotoView of(PointPhoto photo) {
			return new PhotoView(photo.blobId(), photo.filename(), photo.contentType(), photo.size(), photo.addedAt(),
					"/api/v1/points/" + photo.pointId() + "/photos/" + photo.blobId(),
					"/points/" + photo.pointId() + "/photos/" + photo.blobId() + "/thumbnail");
		}
	}

	/** A point to create or the whole new state of one to change; ids are those of GET /api/v1/jurisdictions etc. */
	record PointRequest(String code, String name, String typeCode, String address, Double lat, Double lng,
			String jurisdictionId, String gridId, String unitId, String leaderPersonId, String personId) {

		PointDraft draft() {
			List<InvalidInputException.FieldError> errors = new ArrayList<>();
			PointDraft draft = new PointDraft(code, name, typeCode, address, lat, lng, id("jurisdictionId", jurisdictionId, errors),
					id("gridId", gridId, errors), id("unitId", unitId, errors), id("leaderPersonId", leaderPersonId, errors),
					id("personId", personId, errors));
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return draft;
		}
	}

	record StatusRequest(String reason) {
	}

	record NearView(UUID id, String code, String name, String typeCode, double lat, double lng, UUID unitId,
			UUID gridId, long distanceMetres) {
	}

	record BoundaryRequest(List<List<Double>> ring, String note) {
	}

	record BoundaryView(UUID gridId, String gridCode, List<List<Double>> ring, int version) {

		static BoundaryView of(GridBoundary b) {
			return new BoundaryView(b.gridId(), b.gridCode(), b.ring().stream().map(p -> List.of(p.lat(), p.lng())).toList(),
					b.version());
		}
	}

	record LocateView(double lat, double lng, UUID gridId) {
	}

	record ImportResponse(int created) {
	}

	private final PointDirectory directory;

	private final PointManagement management;

	private final GridLocator grids;

	private final PointSheets sheets;

	private final MapFeatures features;

	private final PointPhotos photos;

	PointApi(PointDirectory directory, PointManagement management, GridLocator grids, PointSheets sheets,
			MapFeatures features, PointPhotos photos) {
		this.photos = photos;
		this.directory = directory;
		this.management = management;
		this.grids = grids;
		this.sheets = sheets;
		this.features = features;
	}

	@GetMapping("/points")
	@Operation(summary = "Points of the caller's scope", description = "The campaign office, leaders, inspectors and "
			+ "grid workers see the points inside their jurisdiction; a unit's accounts the points their unit answers "
			+ "for. Sorted by code, paged ({items, page, size, total}). Filters: typeCode, jurisdictionId (its whole "
			+ "subtree), unitId, status (ACTIVE | RETIRED), q (code, name or address).")
	Page<PointView> points(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String typeCode,
			@RequestParam(required = false) String jurisdictionId, @RequestParam(required = false) String unitId,
			@Parameter(description = "ACTIVE or RETIRED") @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return directory.search(actor, filter(typeCode, jurisdictionId, unitId, status, q), PageRequest.of(page, size))
			.map(PointView::of);
	}

	@GetMapping("/points/{id}")
	@Operation(summary = "One point", description = "The answer carries ETag: \"<version>\"; send it back as If-Match "
			+ "with PUT, the status changes and the photo changes. photos: [{blobId, filename, contentType, size, "
			+ "addedAt, url, thumbnailUrl}] in the order they were added. 404 outside the caller's scope.")
	ResponseEntity<PointView> point(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		Point point = directory.pointFor(actor, Ids.parse(id, "point"));
		return ResponseEntity.ok().eTag(etag(point)).body(PointView.of(point, photos.photos(actor, point.id())));
	}

	@GetMapping("/points/{id}/photos")
	@Operation(summary = "A point's photos", description = "In the order they were added; as in GET /points/{id}.")
	List<PhotoView> photos(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return photos.photos(actor, Ids.parse(id, "point")).stream().map(PhotoView::of).toList();
	}

	@PostMapping(path = "/points/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a photo to a point", description = "Multipart `file`: a JPEG or PNG picture (the type is "
			+ "read from the content and the picture must decode), at most 10 MB (413), at most 20 photos per point. "
			+ "The campaign office maintaining the point or an account of its responsible unit; others 403. Send "
			+ "If-Match with the point's version: 409 when it changed meanwhile. 201 with the photo; the new ETag is "
			+ "the point's raised version.")
	ResponseEntity<PhotoView> addPhoto(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		UUID pointId = Ids.parse(id, "point");
		PointPhoto photo = photos.add(actor, pointId, photoBytes(file), file == null ? null : file.getOriginalFilename(),
				version(ifMatch));
		Point point = directory.pointFor(actor, pointId);
		return ResponseEntity.created(URI.create("/api/v1/points/" + pointId + "/photos/" + photo.blobId()))
			.eTag(etag(point))
			.body(PhotoView.of(photo));
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/points/{id}/photos/{blobId}")
	@Operation(summary = "Remove a photo from a point", description = "reason (query parameter, or JSON body "
			+ "{reason}) is required (400). Who may: as for adding. If-Match as for adding (409 when stale). 200 with "
			+ "the point and its remaining photos. The removal is audited; the file itself stays stored.")
	ResponseEntity<PointView> removePhoto(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String blobId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String reason, @RequestBody(required = false) StatusRequest body) {
		UUID pointId = Ids.parse(id, "point");
		String why = reason != null ? reason : body == null ? null : body.reason();
		Point point = photos.remove(actor, pointId, Ids.parse(blobId, "blob"), why, version(ifMatch));
		return ResponseEntity.ok().eTag(etag(point)).body(PointView.of(point, photos.photos(actor, pointId)));
	}

	@GetMapping("/points/{id}/photos/{blobId}")
	@Operation(summary = "A point photo's file", description = "For whoever sees the point; 404 when the photo is not "
			+ "the point's.")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId) {
		return photoResponse(photos.content(actor, Ids.parse(id, "point"), Ids.parse(blobId, "blob")));
	}

	static ResponseEntity<byte[]> photoResponse(org.chuangwen.blobs.BlobContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(content.blob().originalFilename(), StandardCharsets.UTF_8).build().toString())
			.cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
			.eTag("\"" + content.blob().sha256() + "\"")
			.body(content.bytes());
	}

	/** The bytes of an uploaded photo; 400 without a file, 413 over the point photo limit. */
	static byte[] photoBytes(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "point.photo.empty");
		}
		if (file.getSize() > PointPhotos.MAX_BYTES) {
			throw new org.chuangwen.blobs.BlobTooLargeException(PointPhotos.MAX_BYTES);
		}
		try (InputStream in = file.getInputStream()) {
			byte[] content = in.readNBytes((int) PointPhotos.MAX_BYTES + 1);
			if (content.length > PointPhotos.MAX_BYTES) {
				throw new org.chuangwen.blobs.BlobTooLargeException(PointPhotos.MAX_BYTES);
			}
			return content;
		}
	}

	@PostMapping("/points")
	@Operation(summary = "Register a point", description = "The campaign office, inside its jurisdiction. Body "
			+ "{code, name, typeCode (P01–P26), address?, lat, lng, jurisdictionId, gridId?, unitId, leaderPersonId?, "
			+ "personId?}; gridId is found from the location through the grid boundaries when left out. 201 with "
			+ "Location and ETag; 400 lists every invalid field; 409 when the code is taken; 403 for other roles.")
	ResponseEntity<PointView> create(@AuthenticationPrincipal Actor actor, @RequestBody PointRequest request) {
		Point point = management.create(actor, request.draft());
		return ResponseEntity.created(URI.create("/api/v1/points/" + point.id())).eTag(etag(point)).body(PointView.of(point));
	}

	@PutMapping("/points/{id}")
	@Operation(summary = "Change a point", description = "The whole new state, as for POST. Send If-Match with the "
			+ "version from the ETag: 409 when the point changed meanwhile (or the code is taken).")
	ResponseEntity<PointView> update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody PointRequest request) {
		Point point = management.update(actor, Ids.parse(id, "point"), request.draft(), version(ifMatch));
		return ResponseEntity.ok().eTag(etag(point)).body(PointView.of(point));
	}

	@PostMapping("/points/{id}/retire")
	@Operation(summary = "Retire a point", description = "Body {reason}. Kept with its history, no longer inspected. "
			+ "422 when already retired, 409 when If-Match is stale.")
	ResponseEntity<PointView> retire(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody StatusRequest request) {
		Point point = management.retire(actor, Ids.parse(id, "point"), request.reason(), version(ifMatch));
		return ResponseEntity.ok().eTag(etag(point)).body(PointView.of(point));
	}

	@PostMapping("/points/{id}/reactivate")
	@Operation(summary = "Put a retired point back into use", description = "Body {reason}. 422 when active.")
	ResponseEntity<PointView> reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody StatusRequest request) {
		Point point = management.reactivate(actor, Ids.parse(id, "point"), request.reason(), version(ifMatch));
		return ResponseEntity.ok().eTag(etag(point)).body(PointView.of(point));
	}

	@GetMapping("/points/near")
	@Operation(summary = "Active points near a position", description = "lat, lng (WGS-84) and radius in metres "
			+ "(0 < radius ≤ 50,000); nearest first, at most 1,000, within the caller's scope.")
	List<NearView> near(@AuthenticationPrincipal Actor actor, @RequestParam double lat, @RequestParam double lng,
			@RequestParam double radius) {
		return directory.nearFor(actor, lat, lng, radius)
			.stream()
			.map(p -> new NearView(p.id(), p.code(), p.name(), p.typeCode(), p.latitude(), p.longitude(), p.unitId(),
					p.gridId(), Math.round(Geo.distanceMetres(lat, lng, p.latitude(), p.longitude()))))
			.toList();
	}

	@GetMapping(path = "/points/map", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Map pins as GeoJSON", description = "bbox=west,south,east,north (degrees; the whole scope "
			+ "when left out) and the list filters. A FeatureCollection of Point features (coordinates [lng, lat]) "
			+ "with properties id, code, name, typeCode, unitName, status and state: 'active' | 'retired' | "
			+ "'problems'. openProblems (a count) is present only when the problems module provides it. At most 5,000 "
			+ "pins; 'truncated': true when more lie in the view. The map page reads the same collection from "
			+ "/points/map/pins with its session.")
	Map<String, Object> map(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) String typeCode, @RequestParam(required = false) String jurisdictionId,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q) {
		return features.pins(actor, bbox, filter(typeCode, jurisdictionId, unitId, status, q));
	}

	@GetMapping(path = "/grids/outlines", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Grid outlines as GeoJSON", description = "bbox=west,south,east,north (the whole scope when "
			+ "left out): a FeatureCollection of Polygon features with properties gridId and code, for drawing the map "
			+ "without tiles. At most 2,000.")
	Map<String, Object> outlines(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String bbox) {
		return features.outlines(actor, bbox);
	}

	@GetMapping("/grids/locate")
	@Operation(summary = "The grid at a position", description = "lat, lng: the grid whose boundary holds the "
			+ "position, or gridId null when none does.")
	LocateView locate(@RequestParam double lat, @RequestParam double lng) {
		if (!Geo.isValid(lat, lng)) {
			throw new InvalidInputException("location", "point.location.invalid");
		}
		return new LocateView(lat, lng, grids.gridAt(lat, lng).orElse(null));
	}

	@GetMapping("/grids/{gridId}/boundary")
	@Operation(summary = "A grid's boundary", description = "ring: [[lat, lng], …], not closed. ETag: \"<version>\" "
			+ "(send it as If-Match with PUT). 404 when none is set.")
	ResponseEntity<BoundaryView> boundary(@AuthenticationPrincipal Actor actor, @PathVariable String gridId) {
		UUID id = Ids.parse(gridId, "grid");
		GridBoundary b = grids.boundary(id)
			.filter(g -> directory.seesGrid(actor, g))
			.orElseThrow(() -> new org.chuangwen.shared.NotFoundException("grid", gridId));
		return ResponseEntity.ok().eTag("\"" + b.version() + "\"").body(BoundaryView.of(b));
	}

	@PutMapping("/grids/{gridId}/boundary")
	@Operation(summary = "Set a grid's boundary", description = "Body {ring: [[lat, lng], …], note?}; the campaign "
			+ "office of the grid's jurisdiction. Checked: at least three distinct vertices (at most 2,000), a simple "
			+ "polygon (no edge crosses another), every vertex inside the city (chuangwen.map.city-bounds); 400 says "
			+ "which vertex or edges are wrong. If-Match with the version from GET: 409 when the boundary changed "
			+ "meanwhile; without If-Match the boundary is replaced. Audited with the note.")
	ResponseEntity<BoundaryView> defineBoundary(@AuthenticationPrincipal Actor actor, @PathVariable String gridId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody BoundaryRequest request) {
		List<LatLng> ring = new ArrayList<>();
		if (request.ring() != null) {
			for (List<Double> pair : request.ring()) {
				if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
					throw new InvalidInputException("ring", "grid.boundary.pair");
				}
				ring.add(new LatLng(pair.get(0), pair.get(1)));
			}
		}
		GridBoundary b = management.defineGridBoundary(actor, Ids.parse(gridId, "grid"), ring, version(ifMatch),
				request.note());
		return ResponseEntity.ok().eTag("\"" + b.version() + "\"").body(BoundaryView.of(b));
	}

	@GetMapping("/points/export")
	@Operation(summary = "The points of the caller's scope as Excel", description = "The list filters apply; the file "
			+ "imports again (new codes only).")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String typeCode,
			@RequestParam(required = false) String jurisdictionId, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q) {
		return excel(sheets.export(actor, filter(typeCode, jurisdictionId, unitId, status, q)), "点位清单.xlsx");
	}

	@GetMapping("/points/template")
	@Operation(summary = "An empty point list to fill in", description = "With an example line and an explanation sheet.")
	ResponseEntity<byte[]> template() {
		return excel(sheets.template(), "点位清单模板.xlsx");
	}

	@PostMapping(path = "/points/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a point list", description = "Multipart `file` (.xlsx, ≤ 5 MB, ≤ 5,000 lines, layout "
			+ "as the template). Creates new points; 422 lists every bad line ({row, field, message}) and imports "
			+ "nothing; 413 for a file over the limit.")
	ImportResponse importSheet(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		return new ImportResponse(sheets.importSheet(actor, read(file)).created());
	}

	static ResponseEntity<byte[]> excel(byte[] content, String filename) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(content);
	}

	static byte[] read(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "import.file.empty");
		}
		if (file.getSize() > PointSheets.MAX_BYTES) {
			throw new ImportFileTooLargeException(PointSheets.MAX_BYTES);
		}
		try (InputStream in = file.getInputStream()) {
			byte[] content = in.readNBytes((int) PointSheets.MAX_BYTES + 1);
			if (content.length > PointSheets.MAX_BYTES) {
				throw new ImportFileTooLargeException(PointSheets.MAX_BYTES);
			}
			return content;
		}
	}

	static PointFilter filter(String typeCode, String jurisdictionId, String unitId, String status, String q) {
		return new PointFilter(blank(typeCode) ? null : typeCode.strip(),
				blank(jurisdictionId) ? null : Ids.parse(jurisdictionId.strip(), "jurisdiction"),
				blank(unitId) ? null : Ids.parse(unitId.strip(), "unit"), status(status), q);
	}

	static PointStatus status(String status) {
		if (blank(status)) {
			return null;
		}
		try {
			return PointStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "point.status.unknown", status);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static UUID id(String field, String value, List<InvalidInputException.FieldError> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new InvalidInputException.FieldError(field, "point.field.id"));
			return null;
		}
	}

	private static String etag(Point point) {
		return "\"" + point.version() + "\"";
	}

	/** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); absent means "current". */
	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			return -1; // matches no version: 409
		}
	}
}
