package org.chuangwen.problems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A transition asked for, with the inputs its action takes (API.md): {@code note} (note or reason), {@code unitId}
 * (dispatch, arbitrate), {@code deadline} (dispatch), {@code until} (extend, park), {@code pass} (verify, recheck),
 * {@code photos} (rectify: at least one; verify, recheck: optional), {@code intoId} (merge), {@code suggestedUnitId}
 * (dispute), and the version the caller saw ({@code null}: the current one).
 */
public record ProblemCommand(ProblemAction action, String note, UUID unitId, Instant deadline, Instant until,
		Boolean pass, List<UUID> photos, UUID intoId, UUID suggestedUnitId, Integer expectedVersion) {

	public ProblemCommand {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	public static ProblemCommand of(ProblemAction action) {
		return new ProblemCommand(action, null, null, null, null, null, List.of(), null, null, null);
	}

	public ProblemCommand note(String text) {
		return new ProblemCommand(action, text, unitId, deadline, until, pass, photos, intoId, suggestedUnitId, expectedVersion);
	}

	public ProblemCommand version(Integer v) {
		return new ProblemCommand(action, note, unitId, deadline, until, pass, photos, intoId, suggestedUnitId, v);
	}

	public ProblemCommand photos(List<UUID> ids) {
		return new ProblemCommand(action, note, unitId, deadline, until, pass, ids, intoId, suggestedUnitId, expectedVersion);
	}

	public ProblemCommand pass(boolean result) {
		return new ProblemCommand(action, note, unitId, deadline, until, result, photos, intoId, suggestedUnitId, expectedVersion);
	}

	public ProblemCommand unit(UUID id) {
		return new ProblemCommand(action, note, id, deadline, until, pass, photos, intoId, suggestedUnitId, expectedVersion);
	}

	public ProblemCommand until(Instant at) {
		return new ProblemCommand(action, note, unitId, deadline, at, pass, photos, intoId, suggestedUnitId, expectedVersion);
	}

	public ProblemCommand into(UUID id) {
		return new ProblemCommand(action, note, unitId, deadline, until, pass, photos, id, suggestedUnitId, expectedVersion);
	}
}
