package org.chuangwen.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.notifications.NotificationCentre.NewNotification;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one notice, inside the caller's transaction, for problems the caller has already claimed on the ladder:
 * takes the next number of its kind and year, computes its deadline in working days, writes the notice with its
 * problems, marks the previous step's notices of those problems as escalated (settling them), moves the ladder rows,
 * records the audit event and posts the in-app notifications to the unit's admins and the leaders.
 */
@Component
class NoticeIssuer {

	private final NoticeRepository repository;

	private final NoticeDeadlines deadlines;

	private final EscalationSettings settings;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final NotificationCentre centre;

	private final AuditTrail audit;

	private final Clock clock;

	NoticeIssuer(NoticeRepository repository, NoticeDeadlines deadlines, EscalationSettings settings,
			OrganisationDirectory organisation, UserAccounts accounts, NotificationCentre centre, AuditTrail audit,
			Clock clock) {
		this.repository = repository;
		this.deadlines = deadlines;
		this.settings = settings;
		this.organisation = organisation;
		this.accounts = accounts;
		this.centre = centre;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues a notice of {@code kind} to {@code unitId} about {@code problems} (claimed by the caller; those that
	 * already had a notice of this kind are left out). Empty when none is left.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Notice> issue(NoticeKind kind, UUID unitId, List<ProblemFacts> problems, Instant at, UUID issuedBy,
			String reason) {
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		List<UUID> ids = problems.stream().map(ProblemFacts::id).toList();
		Set<UUID> done = new LinkedHashSet<>(repository.alreadyNoticed(ids, kind));
		List<ProblemFacts> listed = problems.stream().filter(p -> !done.contains(p.id())).toList();
		if (listed.isEmpty()) {
			return Optional.empty();
		}
		Unit unit = organisation.unit(unitId).orElseThrow(() -> new IllegalStateException("unit " + unitId + " is gone"));
		Jurisdiction jurisdiction = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow();
		Optional<Person> leader = Optional.ofNullable(unit.mainLeaderId()).flatMap(organisation::person);
		int year = now.atZone(clock.getZone()).getYear();
		int seq = repository.nextNumber(year, kind);
		Instant deadline = deadlines.deadline(kind, now, unit.jurisdictionId());
		Notice notice = new Notice(Ids.newId(clock), kind, year, seq, settings.number(kind, year, seq), unit.id(),
				unit.name(), jurisdiction.path(), leader.map(Person::id).orElse(null), leader.map(Person::name).orElse(null),
				settings.issuer(cityName(jurisdiction)), now, deadline, NoticeState.ISSUED, issuedBy,
				reason == null ? null : reason.strip(), null, null, null, null, null, 0,
				listed.stream().map(ProblemFacts::listed).toList());
		repository.insert(notice);
		List<UUID> listedIds = listed.stream().map(ProblemFacts::id).toList();
		for (NoticeKind earlier : NoticeKind.values()) {
			if (kind.isAfter(earlier)) {
				repository.settle(repository.markOutcome(listedIds, earlier, "ESCALATED"), now)
					.forEach(s -> audit.record("notice.settled", "notice", s.id(), Map.of("state", s.before().name()),
							Map.of("state", s.state().name(), "number", s.number()), null));
			}
		}
		repository.reached(listedIds, unit.id(), kind, notice.id(), deadline, now);
		audit.record("notice.issued", "notice", notice.id(), null, snapshot(notice), notice.reason());
		notify(notice, listed);
		return Optional.of(notice);
	}

	private void notify(Notice notice, List<ProblemFacts> problems) {
		Set<UUID> recipients = new LinkedHashSet<>(accounts.enabledAccountsOfUnit(notice.unitId(), Role.UNIT_ADMIN));
		if (notice.leaderId() != null) {
			recipients.addAll(accounts.enabledAccountsOfPerson(notice.leaderId()));
		}
		problems.stream()
			.map(ProblemFacts::responsibleLeaderId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(person -> recipients.addAll(accounts.enabledAccountsOfPerson(person)));
		NewNotification message = new NewNotification(notice.kind().name(), "notice", notice.id().toString(),
				notice.number(), notice.unitName(), notice.deadline(), "/notices/" + notice.id());
		for (UUID account : recipients) {
			centre.post(account, message);
		}
	}

	/** The name of the city above the unit (for the issuing office), or of the top of the tree. */
	private String cityName(Jurisdiction of) {
		Jurisdiction top = of;
		for (UUID id : of.lineage()) {
			Optional<Jurisdiction> node = organisation.jurisdiction(id);
			if (node.isPresent() && node.get().level() == JurisdictionLevel.CITY) {
				return node.get().name();
			}
			if (node.isPresent() && top == of) {
				top = node.get();
			}
		}
		return top.level().ordinal() <= JurisdictionLevel.CITY.ordinal() ? top.name() : null;
	}

	static Map<String, Object> snapshot(Notice n) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("number", n.number());
		state.put("kind", n.kind().name());
		state.put("unit", n.unitName());
		state.put("leader", n.leaderName());
		state.put("deadline", n.deadline().toString());
		state.put("state", n.state().name());
		List<String> numbers = new ArrayList<>();
		n.problems().forEach(p -> numbers.add(p.number()));
		state.put("problems", numbers);
		return state;
	}
}
