package org.chuangwen.publicportal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.problems.OutsideReport;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.chuangwen.system.RequestThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' reports (随手拍, DOMAIN §12): a report without sign-in becomes a problem from the source CITIZEN that waits
 * in REPORTED for the office (problems decides the rest), with a tracking code the reporter follows it by. Abuse
 * protection: per address and per device throttling, at least one and at most nine photos checked by content (blobs),
 * a photo already reported in the last {@code chuangwen.public.duplicate-photo-window} refused, and the reporter's
 * contact kept here, seen by the office only.
 */
@Service
public class CitizenReports {

	/** Without the letters and digits people confuse (I, L, O, 0, 1). */
	static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	static final int CODE_LENGTH = 8;

	/** The throttle buckets: reports per client address and per device (the {@code cw_device} cookie). */
	public static final String BUCKET_IP = "citizen-report-ip";

	public static final String BUCKET_DEVICE = "citizen-report-device";

	/** Tracking-code look-ups per client address (guessing codes is throttled too). */
	public static final String BUCKET_TRACK = "citizen-track-ip";

	static final AuditActor CITIZEN = new AuditActor(null, "citizen");

	/** What a citizen sends; photos as their bytes and file names. */
	public record Submission(String categoryCode, String description, String address, UUID pointId, Double lat,
			Double lng, String contactName, String contactMobile, List<Photo> photos) {

		public Submission {
			photos = photos == null ? List.of() : List.copyOf(photos);
		}
	}

	public record Photo(byte[] content, String filename) {
	}

	/** The answer to a report: its tracking code and problem number. */
	public record Receipt(String trackingCode, String number) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ProblemManagement problems;

	private final ProblemDirectory directory;

	private final Blobs blobs;

	private final RequestThrottle throttle;

	private final CitizenReportRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration duplicatePhotoWindow;

	CitizenReports(ProblemManagement problems, ProblemDirectory directory, Blobs blobs, RequestThrottle throttle, CitizenReportRepository repository,
			AuditTrail audit, Clock clock,
			@Value("${chuangwen.public.duplicate-photo-window:P30D}") Duration duplicatePhotoWindow) {
		this.problems = problems;
		this.directory = directory;
		this.blobs = blobs;
		this.throttle = throttle;
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.duplicatePhotoWindow = duplicatePhotoWindow;
	}

	/**
	 * Takes a report. 429 when the address or the device sent too many; 400 for bad input (each field named); 409 when
	 * a photo was already reported; nothing is written unless everything is accepted.
	 */
	@Transactional
	public Receipt submit(Submission s, String clientAddress, String deviceId) {
		throttle.check(BUCKET_IP, clientAddress);
		throttle.check(BUCKET_DEVICE, deviceId);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String name = trimmed(s.contactName());
		String mobile = trimmed(s.contactMobile());
		if (name != null && name.codePointCount(0, name.length()) > 50) {
			errors.add(new InvalidInputException.FieldError("contactName", "error.field.tooLong", 50));
		}
		if (mobile != null) {
			mobile = mobile.replaceAll("[\\s-]", "");
			if (!mobile.matches("1[3-9][0-9]{9}")) {
				errors.add(new InvalidInputException.FieldError("contactMobile", "public.report.mobile.invalid"));
			}
		}
		if (s.photos().isEmpty()) {
			errors.add(new InvalidInputException.FieldError("photos", "public.report.photo.required"));
		}
		else if (s.photos().size() > ProblemManagement.MAX_PHOTOS) {
			errors.add(new InvalidInputException.FieldError("photos", "problem.photos.tooMany", ProblemManagement.MAX_PHOTOS));
		}
		String description = trimmed(s.description());
		String address = trimmed(s.address());
		if (address != null && address.codePointCount(0, address.length()) > 200) {
			errors.add(new InvalidInputException.FieldError("address", "error.field.tooLong", 200));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = clock.instant();
		List<UUID> photoIds = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (Photo photo : s.photos()) {
			StoredBlob blob = blobs.store(photo.content(), photo.filename(), BlobUse.PHOTO, null);
			if (repository.photoReportedSince(blob.sha256(), now.minus(duplicatePhotoWindow)) || hashes.contains(blob.sha256())) {
				throw new ConflictException("public.report.photo.duplicate");
			}
			photoIds.add(blob.id());
			hashes.add(blob.sha256());
		}
		String full = description == null ? "" : description;
		if (address != null) {
			full = (full.isEmpty() ? "" : full + "\n") + "地址：" + address;
		}
		Problem problem = problems.reportFromOutside(new OutsideReport(ProblemSource.CITIZEN, s.categoryCode(), full,
				s.pointId(), s.lat(), s.lng(), null, "市民", Map.of(), CITIZEN), photoIds);
		String code = repository.insert(problem.id(), CitizenReports::newCode, name, mobile, hash(clientAddress),
				deviceId == null ? null : hash(deviceId), now);
		for (String sha : hashes) {
			repository.addPhoto(problem.id(), sha, now);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("problemId", problem.id().toString());
		after.put("number", problem.number());
		after.put("trackingCode", code);
		after.put("contactGiven", mobile != null);
		audit.record(CITIZEN, "citizen.report.received", "problem", problem.id(), null, after, null);
		return new Receipt(code, problem.number());
	}

	/** The report a tracking code stands for (throttled per address: codes cannot be guessed one after another). */
	@Transactional(readOnly = true)
	public CitizenReport byCode(String trackingCode, String clientAddress) {
		throttle.check(BUCKET_TRACK, clientAddress);
		return find(trackingCode).orElseThrow(() -> new NotFoundException("report", trackingCode));
	}

	Optional<CitizenReport> find(String trackingCode) {
		String code = normalise(trackingCode);
		return code == null ? Optional.empty() : repository.byCode(code);
	}

	/**
	 * The reporter's rating of a closed report, once: 422 when the problem is not closed, 409 when already rated,
	 * 400 for an unknown rating or a comment over 500 characters.
	 */
	@Transactional
	public CitizenReport rate(String trackingCode, String rating, String comment, String clientAddress) {
		throttle.check(BUCKET_TRACK, clientAddress);
		CitizenReport report = find(trackingCode).orElseThrow(() -> new NotFoundException("report", trackingCode));
		Rating r = Rating.parse(rating).orElseThrow(() -> new InvalidInputException("rating", "public.rating.invalid"));
		String text = trimmed(comment);
		if (text != null && text.codePointCount(0, text.length()) > 500) {
			throw new InvalidInputException("comment", "error.field.tooLong", 500);
		}
		boolean closed = directory.problems(List.of(report.problemId()))
			.stream()
			.anyMatch(p -> p.status() == ProblemStatus.CLOSED);
		if (!closed) {
			throw new RuleViolationException("public.rating.notClosed");
		}
		Instant now = clock.instant();
		if (!repository.rate(report.problemId(), r, text, now)) {
			throw new ConflictException("public.rating.already");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("rating", r.name());
		after.put("comment", text);
		audit.record(CITIZEN, "citizen.report.rated", "problem", report.problemId(), null, after, null);
		return repository.byCode(report.trackingCode()).orElseThrow();
	}

	/** The citizens' reports of these problems, by problem id (for the office's queue). */
	@Transactional(readOnly = true)
	public Map<UUID, CitizenReport> ofProblems(java.util.Collection<UUID> problemIds) {
		return repository.ofProblems(problemIds);
	}

	/** How the ratings stand: count per rating (for the public progress page and the office). */
	@Transactional(readOnly = true)
	public Map<Rating, Long> ratingCounts() {
		return repository.ratingCounts();
	}

	static String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** A code as people type it: spaces and dashes dropped, upper case; null when it cannot be one. */
	static String normalise(String code) {
		if (code == null) {
			return null;
		}
		String c = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (c.length() != CODE_LENGTH) {
			return null;
		}
		for (char ch : c.toCharArray()) {
			if (CODE_ALPHABET.indexOf(ch) < 0) {
				return null;
			}
		}
		return c;
	}

	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("chuangwen-public:" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String trimmed(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
