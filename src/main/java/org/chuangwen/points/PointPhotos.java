package org.chuangwen.points;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.BlobTooLargeException;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of a point (DOMAIN §6). Files are stored through {@link Blobs} (the type is read from the content: JPEG or
 * PNG only, and the picture must decode), at most {@link #MAX_BYTES} each and {@link #MAX_PHOTOS} per point.
 * <p>
 * Who: whoever sees the point sees its photos; the campaign office maintaining the point and the accounts of the
 * point's responsible unit add and remove them (the unit knows its place best and photographs it after rectifying);
 * leaders, inspectors and grid workers read only (403). Adding and removing raise the point's version, so a caller
 * holding an old version gets 409; removing needs a reason. Both are audited on the point inside the same transaction.
 */
@Service
public class PointPhotos {

	/** At most 10 MB per point photo (blobs allows 20 MB for any file). */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** At most this many photos per point. */
	public static final int MAX_PHOTOS = 20;

	/** The longer side of a thumbnail, pixels. */
	public static final int THUMBNAIL_PIXELS = 360;

	private final PointRepository repository;

	private final Blobs blobs;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	PointPhotos(PointRepository repository, Blobs blobs, AuditTrail audit, java.time.Clock clock) {
		this.repository = repository;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
	}

	/** The photos of a point the caller sees, in the order they were added; 404 outside the caller's scope. */
	@Transactional(readOnly = true)
	public List<PointPhoto> photos(Actor actor, UUID pointId) {
		visible(PointAccess.scopeOf(actor), pointId);
		return repository.photos(pointId);
	}

	/** Whether the caller may add and remove photos of this point (the page shows the forms only then). */
	public boolean mayChange(Actor actor, Point point) {
		return changes(PointAccess.scopeOf(actor), point);
	}

	/**
	 * Adds a photo. 400 for an empty file, a file that is no JPEG/PNG picture (whatever its name says) or one more than
	 * {@link #MAX_PHOTOS}; 413 over {@link #MAX_BYTES}; 409 when {@code expectedVersion} is stale; 403 for a caller who
	 * only reads the point.
	 */
	@Transactional
	public PointPhoto add(Actor actor, UUID pointId, byte[] content, String filename, Integer expectedVersion) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Point point = visible(scope, pointId);
		requireChanges(scope, point);
		checkVersion(point, expectedVersion);
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "point.photo.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new BlobTooLargeException(MAX_BYTES);
		}
		if (repository.photoCount(pointId) >= MAX_PHOTOS) {
			throw new InvalidInputException("file", "point.photo.tooMany", MAX_PHOTOS);
		}
		if (decode(content) == null) { // no picture at all, or a JPEG/PNG header on something that does not decode
			throw new InvalidInputException("file", "point.photo.notImage", filename == null ? "" : filename);
		}
		StoredBlob blob;
		try {
			blob = blobs.store(content, filename, BlobUse.PHOTO, actor == null ? null : actor.userId());
		}
		catch (InvalidInputException ex) { // a picture of another type (GIF, BMP …): blobs keeps JPEG and PNG only
			throw new InvalidInputException("file", "point.photo.notImage", filename == null ? "" : filename);
		}
		if (repository.hasPhoto(pointId, blob.id())) {
			throw new ConflictException("point.photo.already");
		}
		Instant now = now();
		PointPhoto photo = new PointPhoto(pointId, blob.id(), blob.originalFilename(), blob.contentType(), blob.size(), now,
				actor == null ? null : actor.userId());
		bump(point, actor, now);
		repository.insertPhoto(photo);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("photo", blob.id().toString());
		after.put("filename", blob.originalFilename());
		after.put("sha256", blob.sha256());
		after.put("version", point.version() + 1);
		audit.record("point.photoAdded", "point", pointId, null, after, null);
		return photo;
	}

	/**
	 * Removes a photo from a point, with a reason (400 without one). 404 when the photo is not the point's; 409 when
	 * {@code expectedVersion} is stale; 403 for a caller who only reads the point. The file stays in blobs.
	 */
	@Transactional
	public Point remove(Actor actor, UUID pointId, UUID blobId, String reason, Integer expectedVersion) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Point point = visible(scope, pointId);
		requireChanges(scope, point);
		checkVersion(point, expectedVersion);
		PointPhoto photo = repository.photo(pointId, blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.field.required");
		}
		new Validation().maxLength("reason", reason.strip(), 500).throwIfInvalid();
		bump(point, actor, now());
		repository.deletePhoto(pointId, blobId);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("photo", blobId.toString());
		before.put("filename", photo.filename());
		before.put("version", point.version());
		audit.record("point.photoRemoved", "point", pointId, before, null, reason.strip());
		return repository.find(pointId).orElseThrow();
	}

	/** A photo's file, for whoever sees the point; its hash is checked on the way out. 404 when not the point's. */
	@Transactional(readOnly = true)
	public BlobContent content(Actor actor, UUID pointId, UUID blobId) {
		visible(PointAccess.scopeOf(actor), pointId);
		repository.photo(pointId, blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
		return blobs.read(blobId);
	}

	/**
	 * A small JPEG of a photo (the longer side {@link #THUMBNAIL_PIXELS}), for the point page's thumbnails; the photo
	 * itself when it is already small or cannot be scaled.
	 */
	@Transactional(readOnly = true)
	public Thumbnail thumbnail(Actor actor, UUID pointId, UUID blobId) {
		visible(PointAccess.scopeOf(actor), pointId);
		repository.photo(pointId, blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
		// made once and kept by the blob store: later requests read the stored thumbnail
		org.chuangwen.blobs.BlobThumbnail thumbnail = blobs.thumbnail(blobId, THUMBNAIL_PIXELS);
		return new Thumbnail(thumbnail.etag(), thumbnail.contentType(), thumbnail.bytes());
	}

	/** A thumbnail's bytes with its type and a tag for caching. */
	public record Thumbnail(String etag, String contentType, byte[] bytes) {
	}

	private static BufferedImage decode(byte[] content) {
		try {
			return ImageIO.read(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private void bump(Point point, Actor actor, Instant now) {
		if (!repository.touch(point.id(), point.version(), now, actor == null ? null : actor.userId())) {
			throw stale();
		}
	}

	private static void checkVersion(Point point, Integer expectedVersion) {
		if (expectedVersion != null && expectedVersion != point.version()) {
			throw stale();
		}
	}

	private Point visible(OrganisationScope scope, UUID pointId) {
		return repository.find(pointId)
			.filter(p -> PointAccess.sees(scope, p))
			.orElseThrow(() -> new NotFoundException("point", pointId));
	}

	private static boolean changes(OrganisationScope scope, Point point) {
		if (scope.isUnitBound()) {
			return scope.unitId().equals(point.unitId());
		}
		return PointAccess.maintains(scope, point.jurisdictionPath());
	}

	private static void requireChanges(OrganisationScope scope, Point point) {
		if (!changes(scope, point)) {
			throw new ForbiddenException("point.photo.forbidden");
		}
	}

	private static ConflictException stale() {
		return new ConflictException("error.staleVersion",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { "object.point" }, "point"));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
