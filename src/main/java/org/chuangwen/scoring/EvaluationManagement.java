package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign office's commands on the evaluation: the composite index's weights of its node, bundles, and the
 * penalties ledger (record with evidence, revoke with a reason). Every command is audited in its transaction; only the
 * campaign office, inside its jurisdiction (403 otherwise, 404 for a unit it cannot see).
 */
@Service
@Transactional
public class EvaluationManagement {

	public static final int MAX_REASON = 1000;

	/** A file to keep as evidence of a penalty. */
	public record EvidenceFile(String filename, byte[] content) {
	}

	/** What the office enters for a penalty. */
	public record NewPenalty(UUID unitId, Penalty.Kind kind, LocalDate occurredOn, String reason,
			BigDecimal bonusPoints, BigDecimal appraisalPoints, boolean losesAward, List<EvidenceFile> files) {
	}

	private final EvaluationRepository repository;

	private final EvaluationDirectory directory;

	private final OrganisationDirectory organisation;

	private final Blobs blobs;

	private final AuditTrail audit;

	private final Clock clock;

	private final UnitDayFacts facts;

	private final FlagAwards flags;

	EvaluationManagement(EvaluationRepository repository, EvaluationDirectory directory,
			OrganisationDirectory organisation, Blobs blobs, AuditTrail audit, Clock clock, UnitDayFacts facts,
			FlagAwards flags) {
		this.facts = facts;
		this.flags = flags;
		this.repository = repository;
		this.directory = directory;
		this.organisation = organisation;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
	}

	private Jurisdiction officeNode(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN) || actor.isUnitBound() || actor.jurisdictionId() == null) {
			throw new ForbiddenException();
		}
		return directory.scopeNode(actor);
	}

	/**
	 * Recounts every unit's facts from the first dispatched problem (after an import, a restore, or for the demo city);
	 * the campaign office or the system ({@code null}). Idempotent. Answers the number of days recounted.
	 */
	public int recountFacts(Actor actor) {
		if (actor != null) {
			officeNode(actor);
		}
		int days = facts.rebuildAll();
		audit.record("evaluation.facts.recount", "evaluationFacts", "all", null, Map.of("days", days), null);
		return days;
	}

	/**
	 * Awards the flags (and last-place notices) of the last closed weeks, months and quarters not awarded yet; the
	 * campaign office or the system ({@code null}). Answers the number of flags awarded.
	 */
	public int awardClosedPeriods(Actor actor, int weeks, int months, int quarters) {
		if (actor != null) {
			officeNode(actor);
		}
		facts.drain();
		return flags.awardClosed(Math.min(weeks, 104), Math.min(months, 24), Math.min(quarters, 8));
	}

	/** Sets the weights of the office's own node (400 unless they add up to 100). */
	public Weights setWeights(Actor actor, BigDecimal disposal, BigDecimal onTime, BigDecimal rework,
			BigDecimal volume) {
		Jurisdiction node = officeNode(actor);
		Weights weights = Weights.validated(disposal, onTime, rework, volume);
		Weights before = directory.weights(actor);
		repository.saveWeights(node.id(), weights, clock.instant(), actor.userId());
		audit.record("evaluation.weights.set", "jurisdiction", node.id(), before, weights, null);
		return weights;
	}

	/** A bundle of units (codes) that share one result; a unit belongs to at most one bundle (409). */
	public Bundle createBundle(Actor actor, String name, List<String> unitCodes) {
		Jurisdiction node = officeNode(actor);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			errors.add(new InvalidInputException.FieldError("name", "evaluation.bundle.name"));
		}
		Set<UUID> units = new LinkedHashSet<>();
		for (String code : unitCodes) {
			if (code.isBlank()) {
				continue;
			}
			Unit unit = organisation.unitByCode(code.strip())
				.filter(u -> {
					try {
						organisation.unitFor(actor, u.id());
						return true;
					}
					catch (NotFoundException ex) {
						return false;
					}
				})
				.orElse(null);
			if (unit == null) {
				errors.add(new InvalidInputException.FieldError("units", "evaluation.bundle.unknownUnit", code.strip()));
			}
			else {
				units.add(unit.id());
			}
		}
		if (errors.isEmpty() && units.size() < 2) {
			errors.add(new InvalidInputException.FieldError("units", "evaluation.bundle.tooFew"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<String> taken = repository.bundledAlready(units);
		if (!taken.isEmpty()) {
			throw new ConflictException("evaluation.bundle.taken", String.join("、", taken));
		}
		UUID id = Ids.newId();
		repository.insertBundle(id, n, node.id(), units, clock.instant(), actor.userId());
		Bundle bundle = repository.bundle(id).orElseThrow();
		audit.record("evaluation.bundle.create", "evaluationBundle", id, null,
				Map.of("name", n, "units", bundle.members().stream().map(Bundle.Member::code).toList()), null);
		return bundle;
	}

	public void deleteBundle(Actor actor, UUID id) {
		Jurisdiction node = officeNode(actor);
		Bundle bundle = repository.bundle(id)
			.filter(b -> directory.jurisdiction(b.jurisdictionId()).map(j -> j.isWithin(node.path())).orElse(false))
			.orElseThrow(() -> new NotFoundException("bundle", id));
		repository.deleteBundle(id);
		audit.record("evaluation.bundle.delete", "evaluationBundle", id,
				Map.of("name", bundle.name(), "units", bundle.members().stream().map(Bundle.Member::code).toList()), null,
				null);
	}

	/** Records a penalty against a unit with its evidence files (stored first, checked by content). */
	public Penalty recordPenalty(Actor actor, NewPenalty p) {
		officeNode(actor);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (p.unitId() == null) {
			errors.add(new InvalidInputException.FieldError("unitId", "evaluation.penalty.unitMissing"));
		}
		if (p.kind() == null) {
			errors.add(new InvalidInputException.FieldError("kind", "evaluation.penalty.kindMissing"));
		}
		if (p.occurredOn() == null) {
			errors.add(new InvalidInputException.FieldError("occurredOn", "evaluation.penalty.dateMissing"));
		}
		else if (p.occurredOn().isAfter(directory.today())) {
			errors.add(new InvalidInputException.FieldError("occurredOn", "evaluation.penalty.dateFuture"));
		}
		String reason = p.reason() == null ? "" : p.reason().strip();
		if (reason.isEmpty() || reason.length() > MAX_REASON) {
			errors.add(new InvalidInputException.FieldError("reason", "evaluation.penalty.reason", MAX_REASON));
		}
		BigDecimal bonus = p.bonusPoints() == null ? BigDecimal.ZERO : p.bonusPoints();
		BigDecimal appraisal = p.appraisalPoints() == null ? BigDecimal.ZERO : p.appraisalPoints();
		if (bonus.signum() < 0 || bonus.compareTo(BigDecimal.valueOf(1000)) > 0 || bonus.stripTrailingZeros().scale() > 2) {
			errors.add(new InvalidInputException.FieldError("bonusPoints", "evaluation.penalty.points"));
		}
		if (appraisal.signum() < 0 || appraisal.compareTo(BigDecimal.valueOf(100)) > 0
				|| appraisal.stripTrailingZeros().scale() > 2) {
			errors.add(new InvalidInputException.FieldError("appraisalPoints", "evaluation.penalty.points"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (bonus.signum() == 0 && appraisal.signum() == 0 && !p.losesAward()) {
			throw new InvalidInputException("bonusPoints", "evaluation.penalty.nothing");
		}
		Unit unit = organisation.unitFor(actor, p.unitId());
		String path = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow().path();
		List<Penalty.Evidence> evidence = new ArrayList<>();
		for (EvidenceFile f : p.files() == null ? List.<EvidenceFile>of() : p.files()) {
			if (f.content() == null || f.content().length == 0) {
				continue;
			}
			var stored = blobs.store(f.content(), f.filename(), BlobUse.ANY, actor.userId());
			evidence.add(new Penalty.Evidence(stored.id(), f.filename() == null || f.filename().isBlank() ? "evidence" : f.filename()));
		}
		Instant now = clock.instant();
		Penalty penalty = new Penalty(Ids.newId(), unit.id(), unit.name(), path, p.kind(), p.occurredOn(), reason,
				bonus, appraisal, p.losesAward(), now, actor.userId(), actor.displayName(), null, null, null, 0,
				evidence);
		repository.insertPenalty(penalty);
		audit.record("evaluation.penalty.record", "evaluationPenalty", penalty.id(), null, penalty, reason);
		return repository.penalty(penalty.id()).orElseThrow();
	}

	/** Revokes a penalty with a reason (409 when it changed meanwhile or was revoked already). */
	public Penalty revokePenalty(Actor actor, UUID id, String reason, Integer expectedVersion) {
		officeNode(actor);
		Penalty before = directory.penalty(actor, id);
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty() || r.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "evaluation.penalty.revokeReason", MAX_REASON);
		}
		if (before.isRevoked()) {
			throw new ConflictException("evaluation.penalty.alreadyRevoked");
		}
		int version = expectedVersion == null ? before.version() : expectedVersion;
		if (!repository.revokePenalty(id, version, clock.instant(), actor.userId(), r)) {
			throw ConflictException.staleVersion("penalty");
		}
		Penalty after = repository.penalty(id).orElseThrow();
		audit.record("evaluation.penalty.revoke", "evaluationPenalty", id, before, after, r);
		return after;
	}
}
