package org.chuangwen.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Unit;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointRef;
import org.chuangwen.points.PointStatus;
import org.chuangwen.problems.OutsideReport;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.ReportedWindow;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests: Open311's view of problems. POST turns a request into a problem through
 * {@link ProblemManagement#reportFromOutside} (source OPEN311: REPORTED until the office registers it) and keeps the
 * reporter's personal fields in open311's own table; GET answers show only public facts of problems (never reporters).
 */
@Service
@Transactional(readOnly = true)
public class Open311Requests {

	/** GET requests reads at most this span (the spec's default window; a longer one is refused). */
	public static final Duration MAX_SPAN = Duration.ofDays(90);

	/** At most this many rows per answer (the spec's default). */
	public static final int MAX_ROWS = 1000;

	/** The longest text of a personal or free field we keep. */
	static final int MAX_FIELD = 200;

	static final int MAX_URL = 2000;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The filters of GET requests, already parsed. {@code finished}: null any, true closed, false open. */
	public record Query(Instant from, Instant to, List<String> serviceCodes, Boolean finished, String jurisdictionPath,
			long offset, int limit) {
	}

	private final ApiKeys keys;

	private final Open311RequestRepository repository;

	private final ProblemManagement problems;

	private final ProblemDirectory directory;

	private final ReportedWindow window;

	private final ProblemCategories categories;

	private final PointDirectory points;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	private final Clock clock;

	/** Unit names and point addresses change rarely: kept a few minutes so a page of 1000 rows needs no lookups. */
	private final Expiring<UUID, Optional<String>> unitNames = new Expiring<>(Duration.ofMinutes(5));

	private final Expiring<UUID, Optional<PointRef>> pointRefs = new Expiring<>(Duration.ofMinutes(5));

	Open311Requests(ApiKeys keys, Open311RequestRepository repository, ProblemManagement problems,
			ProblemDirectory directory, ReportedWindow window, ProblemCategories categories, PointDirectory points,
			OrganisationDirectory organisation, AuditTrail audit, Clock clock) {
		this.keys = keys;
		this.repository = repository;
		this.problems = problems;
		this.directory = directory;
		this.window = window;
		this.categories = categories;
		this.points = points;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	/** The jurisdiction a {@code jurisdiction_id} names (its code), or empty when none was given; 404 when unknown. */
	public Optional<Jurisdiction> jurisdiction(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(organisation.jurisdictionByCode(code.strip())
			.orElseThrow(() -> new Open311Exception(404, "open311.error.jurisdiction", code.strip())));
	}

	/** The service with this code (an active minor class); 404 otherwise. */
	public ProblemCategory service(String code) {
		return categories.find(code)
			.filter(c -> !c.isMajor() && c.active())
			.orElseThrow(() -> new Open311Exception(404, "open311.error.serviceCode", code == null ? "" : code));
	}

	// POST requests

	/**
	 * Creates a request. 403 for a missing, unknown or revoked key (or one used outside its jurisdiction); 404 for an
	 * unknown service code or jurisdiction; 400 for everything else that is wrong, all problems at once.
	 */
	@Transactional
	public PostedServiceRequest post(NewServiceRequest r) {
		ApiKey key = keys.active(r.apiKey()).orElseThrow(() -> new Open311Exception(403,
				r.apiKey() == null || r.apiKey().isBlank() ? "open311.error.apiKeyMissing" : "open311.error.apiKey"));
		String within = keys.jurisdictionPathOf(key);
		Optional<Jurisdiction> asked = jurisdiction(r.jurisdictionId());
		if (asked.isPresent()) {
			if (!asked.get().path().startsWith(within)) {
				throw new Open311Exception(403, "open311.error.apiKeyJurisdiction", asked.get().code());
			}
			within = asked.get().path();
		}
		if (r.serviceCode() == null || r.serviceCode().isBlank()) {
			throw new Open311Exception(400, "open311.error.serviceCodeMissing");
		}
		ProblemCategory service = service(r.serviceCode());
		List<Open311Exception.Message> errors = new ArrayList<>();
		Double lat = number(r.lat(), "lat", errors);
		Double lng = number(r.lng(), "long", errors);
		UUID pointId = null;
		if ((lat == null) != (lng == null) && errors.isEmpty()) {
			errors.add(new Open311Exception.Message("open311.error.latLongPair"));
		}
		else if (lat == null && lng == null && errors.isEmpty()) {
			if (notBlank(r.addressId())) {
				pointId = points.pointByCode(r.addressId()).filter(PointRef::active).map(PointRef::id).orElse(null);
				if (pointId == null) {
					errors.add(new Open311Exception.Message("open311.error.addressId", r.addressId().strip()));
				}
			}
			else if (notBlank(r.addressString())) {
				pointId = geocode(r.addressString().strip(), errors);
			}
			else {
				errors.add(new Open311Exception.Message("open311.error.location"));
			}
		}
		checkLength(r.addressString(), "address_string", MAX_FIELD, errors);
		checkLength(r.addressId(), "address_id", MAX_FIELD, errors);
		checkLength(r.email(), "email", MAX_FIELD, errors);
		checkLength(r.deviceId(), "device_id", MAX_FIELD, errors);
		checkLength(r.accountId(), "account_id", MAX_FIELD, errors);
		checkLength(r.firstName(), "first_name", MAX_FIELD, errors);
		checkLength(r.lastName(), "last_name", MAX_FIELD, errors);
		checkLength(r.phone(), "phone", MAX_FIELD, errors);
		if (notBlank(r.email()) && !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.add(new Open311Exception.Message("open311.error.email"));
		}
		if (notBlank(r.mediaUrl()) && !isWebUrl(r.mediaUrl().strip())) {
			errors.add(new Open311Exception.Message("open311.error.mediaUrl"));
		}
		if (!errors.isEmpty()) {
			throw new Open311Exception(400, errors);
		}
		String who = "Open311 · " + key.name();
		Problem problem;
		try {
			problem = problems.reportFromOutside(new OutsideReport(ProblemSource.OPEN311, service.code(), r.description(),
					pointId, lat, lng, within, who, r.attributes(), new AuditActor("open311-key:" + key.id(), who)));
		}
		catch (InvalidInputException ex) {
			throw new Open311Exception(400, ex.errors().stream()
				.map(e -> new Open311Exception.Message(e.messageKey(), e.arguments().toArray()))
				.toList());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String token = newToken();
		repository.insert(token, problem.id(), key.id(), now, r);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("problem", problem.number());
		after.put("apiKey", key.prefix());
		// which personal fields came with it, never their values (the audit trail is read by the auditor)
		after.put("personalFields", personalFields(r));
		audit.record(new AuditActor("open311-key:" + key.id(), who), "open311Request.received", "open311Request", token,
				null, after, null);
		keys.markUsed(key);
		return new PostedServiceRequest(problem.number(), token, notBlank(r.accountId()) ? r.accountId().strip() : null);
	}

	/** The problem of an address: the active inspection point whose address (or name) matches, exactly one. */
	private UUID geocode(String address, List<Open311Exception.Message> errors) {
		List<PointRef> found = points.search(null, new PointFilter(null, null, null, PointStatus.ACTIVE, address),
				new PageRequest(0, 20))
			.items()
			.stream()
			.map(org.chuangwen.points.Point::ref)
			.toList();
		List<PointRef> exact = found.stream()
			.filter(p -> address.equalsIgnoreCase(p.address()) || address.equalsIgnoreCase(p.name()))
			.toList();
		List<PointRef> candidates = exact.isEmpty() ? found : exact;
		if (candidates.size() == 1) {
			return candidates.get(0).id();
		}
		errors.add(candidates.isEmpty() ? new Open311Exception.Message("open311.error.addressUnknown", address)
				: new Open311Exception.Message("open311.error.addressAmbiguous", address, candidates.size()));
		return null;
	}

	/**
	 * What was posted with a problem's Open311 request, personal data included: only for a campaign office that sees
	 * the problem (403 for anybody else, 404 when the problem is unknown to the caller or did not come through Open311).
	 */
	public PostedDetails postedWith(org.chuangwen.organisation.Actor actor, String number) {
		if (!keys.manages(actor)) {
			throw new org.chuangwen.shared.ForbiddenException("open311.key.forbidden");
		}
		Problem problem = directory.byNumber(actor, number);
		return repository.details(problem.id())
			.orElseThrow(() -> new org.chuangwen.shared.NotFoundException("open311Request", number));
	}

	// tokens and GET requests

	/** The id of the request a token was given for; 404 for an unknown token. */
	public String requestIdOfToken(String token) {
		UUID problemId = token == null ? null : repository.problemOfToken(token.strip()).orElse(null);
		Problem p = problemId == null ? null : directory.problem(problemId).orElse(null);
		if (p == null) {
			throw new Open311Exception(404, "open311.error.token", token == null ? "" : token);
		}
		return p.number();
	}

	/** One request by id; 404 when there is none (or it lies outside the asked jurisdiction). */
	public ServiceRequest request(String id, String jurisdictionPath) {
		List<ServiceRequest> found = byIds(List.of(id == null ? "" : id.strip()), jurisdictionPath);
		if (found.isEmpty()) {
			throw new Open311Exception(404, "open311.error.request", id == null ? "" : id);
		}
		return found.get(0);
	}

	/** The requests with these ids that exist (inside the jurisdiction, when given), newest first. */
	public List<ServiceRequest> byIds(Collection<String> ids, String jurisdictionPath) {
		List<Problem> found = window.byNumbers(ids.stream().limit(MAX_ROWS).toList())
			.stream()
			.filter(p -> jurisdictionPath == null || p.jurisdictionPath().startsWith(jurisdictionPath))
			.toList();
		return views(found);
	}

	/** GET requests with filters: reported in the window, newest first, one page. */
	public List<ServiceRequest> search(Query q) {
		return views(window.reported(new ReportedWindow.Filter(q.from(), q.to(), q.serviceCodes(), q.finished(),
				q.jurisdictionPath()), q.offset(), q.limit()));
	}

	private List<ServiceRequest> views(List<Problem> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = found.stream().map(Problem::id).toList();
		Map<UUID, Instant> changes = window.lastChanges(ids);
		Map<UUID, Open311RequestRepository.Public> posted = repository.publicParts(ids);
		Set<UUID> rejected = new HashSet<>();
		Map<UUID, String> merged = new LinkedHashMap<>();
		for (Problem p : found) {
			if (p.status() == ProblemStatus.REJECTED) {
				rejected.add(p.id());
			}
			if (p.status() == ProblemStatus.MERGED && p.mergedInto() != null) {
				merged.put(p.id(), null);
			}
		}
		Map<UUID, String> reasons = window.rejectionReasons(rejected);
		if (!merged.isEmpty()) {
			Map<UUID, String> numbers = new java.util.HashMap<>();
			directory.problems(found.stream().filter(p -> merged.containsKey(p.id())).map(Problem::mergedInto).toList())
				.forEach(t -> numbers.put(t.id(), t.number()));
			found.stream().filter(p -> merged.containsKey(p.id())).forEach(p -> merged.put(p.id(), numbers.get(p.mergedInto())));
		}
		Map<String, ProblemCategory> byCode = new java.util.HashMap<>();
		List<ServiceRequest> out = new ArrayList<>(found.size());
		for (Problem p : found) {
			ProblemCategory c = byCode.computeIfAbsent(p.categoryCode(), code -> categories.find(code).orElse(null));
			PointRef point = p.pointId() == null ? null : pointRefs.get(p.pointId(), id -> points.point(id)).orElse(null);
			Open311RequestRepository.Public pub = posted.get(p.id());
			String address = point != null ? point.name() + (point.address() == null || point.address().isBlank() ? ""
					: "，" + point.address()) : pub == null ? null : pub.addressString();
			String agency = p.unitId() == null ? null : unitNames.get(p.unitId(),
					id -> organisation.unit(id).map(Unit::name)).orElse(null);
			boolean open = p.status().isOpen();
			Instant updated = p.status() == ProblemStatus.CLOSED && p.closedAt() != null ? p.closedAt()
					: changes.getOrDefault(p.id(), p.createdAt());
			Instant expected = open && p.deadline() != null ? p.deadline() : null;
			String note = "open311.status." + p.status().name();
			List<Object> args = List.of();
			if (p.status() == ProblemStatus.REJECTED && reasons.get(p.id()) != null) {
				note = "open311.status.REJECTED.reason";
				args = List.of(reasons.get(p.id()));
			}
			else if (p.status() == ProblemStatus.MERGED && merged.get(p.id()) != null) {
				note = "open311.status.MERGED.into";
				args = List.of(merged.get(p.id()));
			}
			out.add(new ServiceRequest(p.number(), open, note, args, p.categoryCode(), c == null ? p.categoryCode() : c.name(),
					c == null ? p.categoryCode() : c.nameEn(), p.description(), agency, p.createdAt(), updated, expected, address,
					point == null ? null : point.code(), p.lat(), p.lng(), pub == null ? null : pub.mediaUrl()));
		}
		return out;
	}

	// helpers

	private static Double number(String text, String field, List<Open311Exception.Message> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double v = Double.parseDouble(text.strip());
			if (!Double.isFinite(v) || Math.abs(v) > ("lat".equals(field) ? 90 : 180)) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException ex) {
			errors.add(new Open311Exception.Message("open311.error.coordinate", field, text.strip()));
			return null;
		}
	}

	private static void checkLength(String text, String field, int max, List<Open311Exception.Message> errors) {
		if (text != null && text.strip().length() > max) {
			errors.add(new Open311Exception.Message("open311.error.tooLong", field, max));
		}
	}

	private static boolean isWebUrl(String url) {
		if (url.length() > MAX_URL) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	private static List<String> personalFields(NewServiceRequest r) {
		List<String> given = new ArrayList<>();
		if (notBlank(r.email())) {
			given.add("email");
		}
		if (notBlank(r.deviceId())) {
			given.add("device_id");
		}
		if (notBlank(r.accountId())) {
			given.add("account_id");
		}
		if (notBlank(r.firstName()) || notBlank(r.lastName())) {
			given.add("name");
		}
		if (notBlank(r.phone())) {
			given.add("phone");
		}
		return given;
	}

	private static String newToken() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A small map whose entries expire (per instance; fine for names shown to the public a few minutes late). */
	private static final class Expiring<K, V> {

		private record Entry<V>(V value, long until) {
		}

		private static final int MAX_ENTRIES = 100_000;

		private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

		private final long ttl;

		Expiring(Duration ttl) {
			this.ttl = ttl.toMillis();
		}

		V get(K key, Function<K, V> load) {
			long now = System.currentTimeMillis();
			Entry<V> e = entries.get(key);
			if (e != null && e.until() > now) {
				return e.value();
			}
			V value = load.apply(key);
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(key, new Entry<>(value, now + ttl));
			return value;
		}
	}
}
