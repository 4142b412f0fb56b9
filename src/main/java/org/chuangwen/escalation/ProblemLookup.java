package org.chuangwen.escalation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.chuangwen.organisation.Actor;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Reads what the ladder needs of problems through the problems module's public directory: the overdue ones (in
 * deadline order, page by page) and given ones by id, with their category's name and their point's name, address and
 * responsible leader (包片领导).
 */
@Component
class ProblemLookup {

	private final ProblemDirectory problems;

	private final ProblemCategories categories;

	private final PointDirectory points;

	ProblemLookup(ProblemDirectory problems, ProblemCategories categories, PointDirectory points) {
		this.problems = problems;
		this.categories = categories;
		this.points = points;
	}

	/** Hands every problem overdue at {@code now} to {@code consumer}, {@code batch} at a time, oldest deadline first. */
	void forEachOverdue(Instant now, int batch, Consumer<List<ProblemFacts>> consumer) {
		Instant afterDeadline = null;
		UUID afterId = null;
		Map<String, String> categoryNames = new HashMap<>();
		Map<UUID, Optional<PointRef>> pointRefs = new HashMap<>();
		while (true) {
			List<Problem> page = problems.overdue(now, afterDeadline, afterId, batch);
			if (page.isEmpty()) {
				return;
			}
			consumer.accept(page.stream().map(p -> facts(p, categoryNames, pointRefs)).toList());
			if (page.size() < batch) {
				return;
			}
			Problem last = page.get(page.size() - 1);
			afterDeadline = last.deadline();
			afterId = last.id();
		}
	}

	/** The problems with these ids that exist. */
	Map<UUID, ProblemFacts> find(Collection<UUID> ids) {
		Map<String, String> categoryNames = new HashMap<>();
		Map<UUID, Optional<PointRef>> pointRefs = new HashMap<>();
		Map<UUID, ProblemFacts> found = new LinkedHashMap<>();
		for (Problem p : problems.problems(ids)) {
			found.put(p.id(), facts(p, categoryNames, pointRefs));
		}
		return found;
	}

	/** A problem the caller may see, by its number (or id). */
	Optional<UUID> byReference(Actor actor, String reference) {
		try {
			UUID id = UUID.fromString(reference);
			return Optional.of(problems.problem(actor, id).id());
		}
		catch (IllegalArgumentException ex) {
			// not an id: a number
		}
		catch (DomainException ex) {
			return Optional.empty();
		}
		try {
			return Optional.of(problems.byNumber(actor, reference.toUpperCase(Locale.ROOT)).id());
		}
		catch (DomainException ex) {
			return Optional.empty();
		}
	}

	private ProblemFacts facts(Problem p, Map<String, String> categoryNames, Map<UUID, Optional<PointRef>> pointRefs) {
		String category = p.categoryCode() == null ? null : categoryNames.computeIfAbsent(p.categoryCode(),
				code -> categories.find(code).map(ProblemCategory::name).orElse(code));
		Optional<PointRef> point = p.pointId() == null ? Optional.empty()
				: pointRefs.computeIfAbsent(p.pointId(), points::point);
		String location = point.map(ProblemLookup::location)
			.orElse(p.lat() != null && p.lng() != null ? String.format(Locale.ROOT, "%.5f, %.5f", p.lat(), p.lng()) : null);
		return new ProblemFacts(p.id(), p.number(), category, p.description(), location, p.unitId(),
				point.map(PointRef::leaderPersonId).orElse(null), p.deadline(), p.status().name(), p.status().isOpen(),
				p.status().isAtUnit());
	}

	private static String location(PointRef point) {
		return point.address() == null || point.address().isBlank() ? point.name() : point.name() + "（" + point.address() + "）";
	}
}
