package org.chuangwen.publicportal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.chuangwen.shared.SqlValues.instant;

/**
 * The exposure list (曝光台): the campaign office publishes problems of uncivil behaviour with a title and a text for
 * the public, and withdraws them with a reason. Only problems that were accepted (not waiting, refused or merged) can be
 * published; every change is audited.
 */
@Service
public class Exposures {

	public static final int MAX_TITLE = 60;

	public static final int MAX_BODY = 1000;

	private final JdbcClient jdbc;

	private final ProblemDirectory problems;

	private final AuditTrail audit;

	private final Clock clock;

	Exposures(JdbcClient jdbc, ProblemDirectory problems, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.audit = audit;
		this.clock = clock;
	}

	/** Publishes a problem (by its number) on the exposure list. 400 bad input, 404 unknown, 409 already exposed. */
	@Transactional
	public Exposure publish(Actor actor, String problemNumber, String title, String body) {
		office(actor);
		String t = title == null ? "" : title.strip();
		String b = body == null ? "" : body.strip();
		List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
		if (t.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("title", "public.exposure.title.required"));
		}
		else if (t.codePointCount(0, t.length()) > MAX_TITLE) {
			errors.add(new InvalidInputException.FieldError("title", "error.field.tooLong", MAX_TITLE));
		}
		if (b.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("body", "public.exposure.body.required"));
		}
		else if (b.codePointCount(0, b.length()) > MAX_BODY) {
			errors.add(new InvalidInputException.FieldError("body", "error.field.tooLong", MAX_BODY));
		}
		Problem problem = null;
		if (problemNumber == null || problemNumber.isBlank()) {
			errors.add(new InvalidInputException.FieldError("number", "public.exposure.number.required"));
		}
		else {
			try {
				problem = problems.byNumber(actor, problemNumber);
			}
			catch (NotFoundException ex) {
				errors.add(new InvalidInputException.FieldError("number", "public.exposure.number.unknown",
						problemNumber.strip()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (problem.status() == ProblemStatus.REPORTED || problem.status() == ProblemStatus.REJECTED
				|| problem.status() == ProblemStatus.MERGED) {
			throw new InvalidInputException("number", "public.exposure.number.notAccepted", problem.number());
		}
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into public_exposure (id, problem_id, title, body, published_by, published_at)
					values (:id, :problem, :title, :body, :by, :at)
					""")
				.param("id", id)
				.param("problem", problem.id())
				.param("title", t)
				.param("body", b)
				.param("by", actor.userId())
				.param("at", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("public.exposure.already", problem.number());
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("problem", problem.number());
		after.put("title", t);
		after.put("body", b);
		audit.record("exposure.published", "exposure", id, null, after, null);
		return find(id);
	}

	/** Withdraws a live entry with a reason (400 without one, 404 unknown or already withdrawn). */
	@Transactional
	public void withdraw(Actor actor, UUID id, String reason) {
		office(actor);
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw new InvalidInputException("reason", "public.exposure.reason.required");
		}
		int changed = jdbc.sql("""
				update public_exposure set withdrawn_at = :at, withdrawn_by = :by, withdraw_reason = :reason
				where id = :id and withdrawn_at is null
				""")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("by", actor.userId())
			.param("reason", r)
			.param("id", id)
			.update();
		if (changed != 1) {
			throw new NotFoundException("exposure", id);
		}
		audit.record("exposure.withdrawn", "exposure", id, null, Map.of("reason", r), r);
	}

	/** The live entries, newest first (the public page). */
	@Transactional(readOnly = true)
	public Page<Exposure> live(PageRequest page) {
		long total = jdbc.sql("select count(*) from public_exposure where withdrawn_at is null").query(Long.class).single();
		List<Exposure> items = jdbc.sql("""
				select * from public_exposure where withdrawn_at is null
				order by published_at desc, id desc limit :limit offset :offset
				""")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> exposure(rs))
			.list();
		return Page.of(items, page, total);
	}

	/** Every entry, live and withdrawn, newest first (the office's page). */
	@Transactional(readOnly = true)
	public List<Exposure> all(Actor actor) {
		office(actor);
		return jdbc.sql("select * from public_exposure order by published_at desc, id desc limit 200")
			.query((rs, n) -> exposure(rs))
			.list();
	}

	/** A live entry, or 404. */
	@Transactional(readOnly = true)
	public Exposure liveOne(UUID id) {
		Exposure e = find(id);
		if (e == null || !e.live()) {
			throw new NotFoundException("exposure", id);
		}
		return e;
	}

	private Exposure find(UUID id) {
		return jdbc.sql("select * from public_exposure where id = :id")
			.param("id", id)
			.query((rs, n) -> exposure(rs))
			.optional()
			.orElse(null);
	}

	private static void office(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN)) {
			throw new ForbiddenException("public.exposure.forbidden");
		}
	}

	private static Exposure exposure(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Exposure(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class), rs.getString("title"),
				rs.getString("body"), rs.getObject("published_by", UUID.class), instant(rs, "published_at"),
				instant(rs, "withdrawn_at"), rs.getString("withdraw_reason"));
	}
}
