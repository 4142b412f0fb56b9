package org.chuangwen.problems.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemPhoto;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.SlaLight;
import org.chuangwen.shared.InvalidInputException;

/** The JSON shapes of problems (API.md) and the parsing the API and the pages share. */
final class ProblemViews {

	private ProblemViews() {
	}

	record PhotoView(UUID blobId, String kind, Instant addedAt, String url) {

		static PhotoView of(ProblemPhoto p) {
			return new PhotoView(p.blobId(), p.kind().name().toLowerCase(Locale.ROOT), p.addedAt(),
					"/api/v1/problems/" + p.problemId() + "/photos/" + p.blobId());
		}
	}

	record DisputeView(String reason, UUID suggestedUnitId) {
	}

	record ExtensionView(Instant until, String reason) {
	}

	/** A problem as the API shows it; {@code slaLight} only while a deadline runs against a unit. */
	record ProblemView(UUID id, String number, String status, String categoryCode, String description, UUID pointId,
			Double lat, Double lng, UUID jurisdictionId, UUID unitId, String source, Instant deadline, String slaLight,
			boolean overdue, boolean escalated, int bounces, int relapses, DisputeView dispute,
			ExtensionView extensionRequest, Instant parkedUntil, String parkPlan, UUID mergedInto, String lastNote,
			LocalDate recheckDue, int version, Instant createdAt, Instant dispatchedAt, Instant claimedAt,
			Instant rectifiedAt, Instant closedAt, List<PhotoView> photos, List<String> evidenceFlags) {

		static ProblemView of(Problem p, SlaLight light, Instant now, List<ProblemPhoto> photos) {
			return new ProblemView(p.id(), p.number(), p.status().name().toLowerCase(Locale.ROOT), p.categoryCode(),
					p.description(), p.pointId(), p.lat(), p.lng(), p.jurisdictionId(), p.unitId(), p.source().apiName(),
					p.deadline(), light == null ? null : light.apiName(), p.isOverdue(now), p.escalated(), p.bounces(),
					p.relapses(), p.hasOpenDispute() ? new DisputeView(p.disputeReason(), p.disputeSuggestedUnitId()) : null,
					p.hasPendingExtension() ? new ExtensionView(p.extensionUntil(), p.extensionReason()) : null,
					p.parkedUntil(), p.parkPlan(), p.mergedInto(), p.lastNote(), p.recheckDue(), p.version(),
					p.createdAt(), p.dispatchedAt(), p.claimedAt(), p.rectifiedAt(), p.closedAt(),
					photos == null ? null : photos.stream().map(PhotoView::of).toList(), List.of());
		}
	}

	static ProblemStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ProblemStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "problem.status.unknown", status);
		}
	}

	/**
	 * An instant from the API or a form: ISO 8601 with offset, or a date (yyyy-MM-dd: the end of that day in the
	 * city's time zone when {@code endOfDay}, else its start). Blank is null.
	 */
	static Instant instant(String field, String text, ZoneId zone, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			// a date or a local date-time
		}
		try {
			LocalDate day = LocalDate.parse(t);
			return endOfDay ? day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant() : day.atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			// maybe a local date-time from a datetime-local field
		}
		try {
			return java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "problem.date.format", text);
		}
	}

	static UUID uuid(String field, String text, String messageKey) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, messageKey, text);
		}
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

	static ZoneId zone(Clock clock) {
		return clock.getZone();
	}
}
