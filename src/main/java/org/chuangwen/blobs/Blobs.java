package org.chuangwen.blobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to keep an uploaded file. The content is stored once per SHA-256 under
 * {@code <directory>/ab/cd/<sha256>}: written to a temporary file, flushed to disk, renamed into place (and the
 * directory flushed) before the row that points to it is inserted, so a row never points to a file that is not there.
 * The type comes from the content's first bytes; each use allows a set of types; files over {@link #MAX_BYTES} are
 * refused. Reading a file back recomputes its hash. A file whose row was rolled back stays on disk under its hash and
 * is reused by the next upload of the same content; no row ever points to a missing or partial file.
 */
@Service
public class Blobs {

	/** At most 20 MB per file. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final int MAX_FILENAME = 200;

	/** At most this many similar photos are answered. */
	public static final int MAX_SIMILAR = 200;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Path directory;

	/** The city's zone: an EXIF time without offset is the camera's local time there. */
	private final ZoneId zone;

	Blobs(JdbcClient jdbc, AuditTrail audit, Clock clock,
			@Value("${chuangwen.blobs.directory:${chuangwen.data-dir:./data}/blobs}") String directory) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = clock.getZone();
		this.directory = Path.of(directory).toAbsolutePath().normalize();
	}

	/**
	 * Stores a file for a use. Refuses an empty file (400), a file over 20 MB ({@link BlobTooLargeException}, 413), a
	 * content type the use does not allow (400, whatever the file's name says) and a JPEG or PNG whose picture does not
	 * decode ({@link ImageUnreadableException}, 422: truncated or corrupt), before anything is written.
	 */
	@Transactional
	public StoredBlob store(byte[] content, String originalFilename, BlobUse use, UUID uploadedBy) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "blob.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new BlobTooLargeException(MAX_BYTES);
		}
		String contentType = ContentTypes.detect(content);
		if (!use.allows(contentType)) {
			throw new InvalidInputException("file", "blob.typeRefused", displayName(originalFilename));
		}
		String sha256 = sha256(content);
		PhotoReader.Read photo = isImage(contentType) ? PhotoReader.read(content, zone) : null;
		if (photo != null && photo.undecodable()) {
			throw new ImageUnreadableException(displayName(originalFilename));
		}
		writeOnce(sha256, content);
		StoredBlob blob = new StoredBlob(Ids.newId(clock), sha256, contentType, content.length,
				displayName(originalFilename), uploadedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
		jdbc.sql("""
				insert into blob (id, sha256, content_type, size, original_filename, uploaded_by, uploaded_at)
				values (:id, :sha, :type, :size, :name, :by, :at)
				""")
			.param("id", blob.id())
			.param("sha", blob.sha256())
			.param("type", blob.contentType())
			.param("size", blob.size())
			.param("name", blob.originalFilename())
			.param("by", blob.uploadedBy())
			.param("at", blob.uploadedAt().atOffset(ZoneOffset.UTC))
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("sha256", sha256);
		after.put("contentType", contentType);
		after.put("size", blob.size());
		after.put("filename", blob.originalFilename());
		if (photo != null) {
			insertPhoto(blob.id(), photo);
			after.put("takenAt", photo.takenAt() == null ? null : photo.takenAt().toString());
			after.put("lat", photo.latitude());
			after.put("lng", photo.longitude());
			after.put("phash", photo.phash() == null ? null : String.format("%016x", photo.phash()));
		}
		audit.record("blob.stored", "blob", blob.id(), null, after, null);
		return blob;
	}

	/**
	 * What a stored photo says about itself: EXIF capture time and GPS position, pixel size, perceptual hash. All absent
	 * for a file that is not a JPEG or PNG; 404 for an unknown blob. A photo stored before these facts were read gets
	 * them now (read from its file once, then kept).
	 */
	@Transactional
	public PhotoFacts photoFacts(UUID blobId) {
		StoredBlob blob = find(blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
		if (!isImage(blob.contentType())) {
			return PhotoFacts.none(blobId);
		}
		Optional<PhotoFacts> known = jdbc.sql("select * from blob_photo where blob_id = :id")
			.param("id", blobId)
			.query(Blobs::photoFacts)
			.optional();
		if (known.isPresent()) {
			return known.get();
		}
		insertPhoto(blobId, PhotoReader.read(read(blobId).bytes(), zone));
		return jdbc.sql("select * from blob_photo where blob_id = :id").param("id", blobId).query(Blobs::photoFacts).single();
	}

	/**
	 * The photos whose perceptual hash lies within {@code maxHammingDistance} bits of {@code phash}, nearest first (at
	 * most {@value #MAX_SIMILAR}), leaving out {@code excluding}. Copies of one picture, resized or re-encoded, lie within
	 * a few bits; unrelated pictures about 32 apart. Distances up to 15 read the hash's indexed quarters (exact, by the
	 * pigeonhole principle: within d bits, some quarter differs in at most d/4 bits); larger ones read every hash.
	 */
	@Transactional(readOnly = true)
	public List<UUID> similarPhotos(long phash, int maxHammingDistance, Collection<UUID> excluding) {
		if (maxHammingDistance < 0 || maxHammingDistance > 64) {
			throw new IllegalArgumentException("a hamming distance lies between 0 and 64: " + maxHammingDistance);
		}
		Set<UUID> excluded = excluding == null ? Set.of() : new HashSet<>(excluding);
		int limit = MAX_SIMILAR + excluded.size();
		List<UUID> found;
		if (maxHammingDistance < 16) {
			int radius = maxHammingDistance / 4;
			found = jdbc.sql("""
					select blob_id from blob_photo
					where phash is not null
					  and (phash_q0 = any(:q0) or phash_q1 = any(:q1) or phash_q2 = any(:q2) or phash_q3 = any(:q3))
					  and bit_count((phash # :hash)::bit(64)) <= :d
					order by bit_count((phash # :hash)::bit(64)), blob_id
					limit :limit
					""")
				.param("q0", PhotoHashes.neighbours((int) ((phash >>> 48) & 0xFFFF), radius))
				.param("q1", PhotoHashes.neighbours((int) ((phash >>> 32) & 0xFFFF), radius))
				.param("q2", PhotoHashes.neighbours((int) ((phash >>> 16) & 0xFFFF), radius))
				.param("q3", PhotoHashes.neighbours((int) (phash & 0xFFFF), radius))
				.param("hash", phash)
				.param("d", maxHammingDistance)
				.param("limit", limit)
				.query(UUID.class)
				.list();
		}
		else {
			found = jdbc.sql("""
					select blob_id from blob_photo
					where phash is not null and bit_count((phash # :hash)::bit(64)) <= :d
					order by bit_count((phash # :hash)::bit(64)), blob_id
					limit :limit
					""")
				.param("hash", phash)
				.param("d", maxHammingDistance)
				.param("limit", limit)
				.query(UUID.class)
				.list();
		}
		return found.stream().filter(id -> !excluded.contains(id)).limit(MAX_SIMILAR).toList();
	}

	private void insertPhoto(UUID blobId, PhotoReader.Read photo) {
		jdbc.sql("""
				insert into blob_photo (blob_id, width, height, taken_at, taken_at_zone_assumed, latitude, longitude, phash,
				                        read_at)
				values (:id, :width, :height, :takenAt, :assumed, :lat, :lng, :phash, :at)
				on conflict (blob_id) do nothing
				""")
			.param("id", blobId)
			.param("width", photo.width())
			.param("height", photo.height())
			.param("takenAt", photo.takenAt() == null ? null : photo.takenAt().atOffset(ZoneOffset.UTC))
			.param("assumed", photo.zoneAssumed())
			.param("lat", photo.latitude())
			.param("lng", photo.longitude())
			.param("phash", photo.phash())
			.param("at", clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
			.update();
	}

	private static boolean isImage(String contentType) {
		return ContentTypes.JPEG.equals(contentType) || ContentTypes.PNG.equals(contentType);
	}

	private static PhotoFacts photoFacts(ResultSet rs, int row) throws SQLException {
		java.time.OffsetDateTime takenAt = rs.getObject("taken_at", java.time.OffsetDateTime.class);
		double lat = rs.getDouble("latitude");
		boolean located = !rs.wasNull();
		double lng = rs.getDouble("longitude");
		long phash = rs.getLong("phash");
		boolean hashed = !rs.wasNull();
		int width = rs.getInt("width");
		boolean sized = !rs.wasNull();
		int height = rs.getInt("height");
		return new PhotoFacts(rs.getObject("blob_id", UUID.class), Optional.ofNullable(takenAt).map(t -> t.toInstant()),
				rs.getBoolean("taken_at_zone_assumed"),
				located ? Optional.of(new PhotoFacts.Location(lat, lng)) : Optional.empty(),
				hashed ? OptionalLong.of(phash) : OptionalLong.empty(), sized ? OptionalInt.of(width) : OptionalInt.empty(),
				sized ? OptionalInt.of(height) : OptionalInt.empty());
	}

	/** The record of a stored file, without reading it. */
	@Transactional(readOnly = true)
	public Optional<StoredBlob> find(UUID id) {
		return jdbc.sql("select * from blob where id = :id").param("id", id).query(Blobs::blob).optional();
	}

	/** A stored file with its content; its hash is checked ({@link BlobIntegrityException} when it does not match). */
	@Transactional(readOnly = true)
	public BlobContent read(UUID id) {
		StoredBlob blob = find(id).orElseThrow(() -> new NotFoundException("blob", id));
		Path file = pathOf(blob.sha256());
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new BlobIntegrityException("file of blob " + id + " is missing: " + file);
		}
		if (!sha256(bytes).equals(blob.sha256())) {
			throw new BlobIntegrityException("file of blob " + id + " does not match its SHA-256: " + file);
		}
		return new BlobContent(blob, bytes);
	}

	/** The largest thumbnail side asked for, pixels. */
	public static final int MAX_THUMBNAIL_PIXELS = 2048;

	/**
	 * The tag of a photo's thumbnail of a size: it changes only with the photo's content and the size, so a client
	 * holding it may be answered 304 without the thumbnail being read.
	 */
	public static String thumbnailTag(StoredBlob blob, int maxPixels) {
		return blob.sha256() + "-t" + maxPixels;
	}

	/**
	 * A small JPEG of a stored picture (its longer side at most {@code maxPixels}), made once and kept as a derived file
	 * beside the stored files (keyed by the content's SHA-256 and the size), so that later requests only read it. The
	 * picture itself when it is already that small or is not a picture that scales (then the same tag). 404 for an
	 * unknown blob; 400 for a size outside 16..{@value #MAX_THUMBNAIL_PIXELS}.
	 */
	@Transactional(readOnly = true)
	public BlobThumbnail thumbnail(UUID blobId, int maxPixels) {
		if (maxPixels < 16 || maxPixels > MAX_THUMBNAIL_PIXELS) {
			throw new InvalidInputException("size", "blob.thumbnailSize", MAX_THUMBNAIL_PIXELS);
		}
		StoredBlob blob = find(blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
		String tag = thumbnailTag(blob, maxPixels);
		Path derived = thumbnailPath(blob.sha256(), maxPixels);
		try {
			if (Files.isRegularFile(derived)) {
				return new BlobThumbnail(tag, "image/jpeg", Files.readAllBytes(derived));
			}
		}
		catch (IOException ex) {
			// unreadable derived file: made again below
		}
		BlobContent content = read(blobId);
		byte[] small = isImage(blob.contentType()) ? Thumbnails.scaled(content.bytes(), maxPixels) : null;
		if (small == null) {
			return new BlobThumbnail(tag, blob.contentType(), content.bytes());
		}
		try {
			Files.createDirectories(derived.getParent());
			Path temporary = Files.createTempFile(derived.getParent(), derived.getFileName().toString(), ".part");
			try {
				Files.write(temporary, small);
				try {
					Files.move(temporary, derived, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, derived, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			// a derived file that cannot be kept is made again next time; the answer is the same
		}
		return new BlobThumbnail(tag, "image/jpeg", small);
	}

	/** Where the thumbnail of a content at a size is kept: {@code <blobs>/thumbnails/ab/<sha256>-<size>.jpg}. */
	Path thumbnailPath(String sha256, int maxPixels) {
		return directory.resolve("thumbnails").resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + maxPixels + ".jpg");
	}

	Path pathOf(String sha256) {
		return directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private void writeOnce(String sha256, byte[] content) {
		Path target = pathOf(sha256);
		try {
			if (Files.exists(target) && Files.size(target) == content.length && sha256(Files.readAllBytes(target)).equals(sha256)) {
				return; // same content already stored
			}
			Path folder = target.getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, sha256, ".part");
			try {
				try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING)) {
					var buffer = java.nio.ByteBuffer.wrap(content);
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					channel.force(true);
				}
				try {
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			forceDirectory(folder);
		}
		catch (FileAlreadyExistsException ex) {
			// a concurrent upload of the same content won the race: same bytes, nothing to do
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store blob " + sha256 + " under " + directory, ex);
		}
	}

	private static void forceDirectory(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems cannot open a directory for flushing; the file itself is flushed
		}
	}

	private static String displayName(String name) {
		if (name == null || name.isBlank()) {
			return "file";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
		if (base.isEmpty()) {
			return "file";
		}
		return base.codePointCount(0, base.length()) > MAX_FILENAME
				? base.substring(0, base.offsetByCodePoints(0, MAX_FILENAME)) : base;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StoredBlob blob(ResultSet rs, int row) throws SQLException {
		return new StoredBlob(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getString("content_type"),
				rs.getLong("size"), rs.getString("original_filename"), rs.getObject("uploaded_by", UUID.class),
				rs.getObject("uploaded_at", java.time.OffsetDateTime.class).toInstant());
	}
}
