package org.chuangwen.blobs.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.CurrentAuditActor;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.BlobTooLargeException;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.PhotoFacts;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

/** Upload a file and read back one's own uploads (API.md {@code POST /api/v1/blobs}). */
@RestController
@RequestMapping("/api/v1/blobs")
@Tag(name = "blobs", description = "Uploaded photos and documents, typed by content, stored once per SHA-256")
class BlobsApi {

	/**
	 * What an upload answers, with what a photo says about itself: {@code takenAt} (EXIF capture time, with the city's
	 * offset; {@code takenAtZoneAssumed} when the camera wrote no offset), {@code lat}/{@code lng} (EXIF GPS, WGS-84),
	 * {@code width}/{@code height} and {@code perceptualHash} (16 hex digits). Absent facts are null.
	 */
	record BlobResponse(UUID id, String sha256, String contentType, long size, String filename, OffsetDateTime takenAt,
			Boolean takenAtZoneAssumed, Double lat, Double lng, Integer width, Integer height, String perceptualHash) {

		static BlobResponse of(StoredBlob blob, PhotoFacts facts, ZoneId zone) {
			return new BlobResponse(blob.id(), blob.sha256(), blob.contentType(), blob.size(), blob.originalFilename(),
					facts.takenAt().map(t -> t.atZone(zone).toOffsetDateTime()).orElse(null),
					facts.takenAt().isPresent() ? facts.takenAtZoneAssumed() : null,
					facts.location().map(PhotoFacts.Location::latitude).orElse(null),
					facts.location().map(PhotoFacts.Location::longitude).orElse(null),
					facts.width().isPresent() ? facts.width().getAsInt() : null,
					facts.height().isPresent() ? facts.height().getAsInt() : null, facts.perceptualHashHex().orElse(null));
		}
	}

	private final Blobs blobs;

	private final CurrentAuditActor currentActor;

	private final ZoneId zone;

	BlobsApi(Blobs blobs, CurrentAuditActor currentActor, Clock clock) {
		this.blobs = blobs;
		this.currentActor = currentActor;
		this.zone = clock.getZone();
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file", description = "Multipart field `file`. The type is detected from the content "
			+ "(PDF, Word/Excel/PowerPoint, JPEG, PNG, zip); `use=deliverable|photo` narrows the allowed types. At most "
			+ "20 MB (413). Answers 201 with {id, sha256, contentType, size, filename} and, for a JPEG/PNG, what it says "
			+ "about itself: takenAt (EXIF DateTimeOriginal with its offset, else read in the city's zone and "
			+ "takenAtZoneAssumed=true), lat/lng (EXIF GPS, WGS-84), width/height and perceptualHash (64-bit dHash as 16 "
			+ "hex digits); absent facts are null. The same content is stored once.")
	ResponseEntity<BlobResponse> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "use", required = false) String use) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "blob.empty");
		}
		if (file.getSize() > Blobs.MAX_BYTES) {
			throw new BlobTooLargeException(Blobs.MAX_BYTES);
		}
		byte[] content;
		try (InputStream in = file.getInputStream()) {
			content = in.readNBytes((int) Blobs.MAX_BYTES + 1);
		}
		StoredBlob blob = blobs.store(content, file.getOriginalFilename(), use(use), uploader());
		return ResponseEntity.created(URI.create("/api/v1/blobs/" + blob.id()))
			.body(BlobResponse.of(blob, blobs.photoFacts(blob.id()), zone));
	}

	@GetMapping("/{id}/metadata")
	@Operation(summary = "What one of one's own uploads is", description = "The upload's answer again: id, sha256, "
			+ "contentType, size, filename and a photo's takenAt, lat, lng, width, height, perceptualHash. Only the "
			+ "uploader (others get 404).")
	BlobResponse metadata(@PathVariable String id) {
		StoredBlob blob = ownUpload(id);
		return BlobResponse.of(blob, blobs.photoFacts(blob.id()), zone);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Download one of one's own uploads", description = "Only the uploader reads a file here "
			+ "(others get 404); files attached to tasks or problems are read through those resources.")
	ResponseEntity<byte[]> download(@PathVariable String id) {
		StoredBlob blob = ownUpload(id);
		BlobContent content = blobs.read(blob.id());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(blob.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(blob.originalFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.eTag("\"" + blob.sha256() + "\"")
			.body(content.bytes());
	}

	private StoredBlob ownUpload(String id) {
		UUID blobId = Ids.parse(id, "blob");
		UUID uploader = uploader();
		StoredBlob blob = blobs.find(blobId).orElseThrow(() -> new NotFoundException("blob", id));
		if (uploader == null || !uploader.equals(blob.uploadedBy())) {
			throw new NotFoundException("blob", id);
		}
		return blob;
	}

	private UUID uploader() {
		AuditActor actor = currentActor.current();
		if (actor.id() == null) {
			throw new ForbiddenException();
		}
		return UUID.fromString(actor.id());
	}

	private static BlobUse use(String use) {
		if (use == null || use.isBlank()) {
			return BlobUse.ANY;
		}
		return switch (use.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "deliverable" -> BlobUse.DELIVERABLE;
			case "photo" -> BlobUse.PHOTO;
			default -> throw new InvalidInputException("use", "blob.useUnknown", use);
		};
	}
}

/** A file over the limit as 413 problem details, for every API that stores files. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlobApiErrors {

	private final MessageSource messages;

	BlobApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BlobTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(BlobTooLargeException ex, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		problem.setTitle(messages.getMessage("error.tooLarge.title", null, "413", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
