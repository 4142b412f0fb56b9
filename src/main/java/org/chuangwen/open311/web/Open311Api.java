package org.chuangwen.open311.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.open311.NewServiceRequest;
import org.chuangwen.open311.Open311Exception;
import org.chuangwen.open311.Open311Requests;
import org.chuangwen.open311.PostedServiceRequest;
import org.chuangwen.open311.ServiceRequest;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.problems.CategoryQuestion;
import org.chuangwen.problems.CategoryQuestions;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.system.RequestThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under {@code /open311/v2}: discovery, services, service
 * definitions, POST and GET requests, one request, tokens; each as {@code .json} and {@code .xml}. Datetimes in W3C
 * format with the city's offset; errors as the spec's list of {@code code}/{@code description}
 * ({@link Open311Errors}). {@code jurisdiction_id} is optional (the code of a jurisdiction node: it narrows GET
 * requests to that subtree and POST to that area); an unknown one is 404. Extension: {@code page} (from 1) and
 * {@code page_size} (at most 1000) on GET requests. Every call counts against the per-address throttle, a POST also
 * against its key's and device's.
 */
@Controller
@RequestMapping("/open311/v2")
class Open311Api {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

	private final Open311Requests requests;

	private final ProblemCategories categories;

	private final CategoryQuestions questions;

	private final RequestThrottle throttle;

	private final MessageSource messages;

	private final Clock clock;

	private final String contact;

	private final String changeset;

	Open311Api(Open311Requests requests, ProblemCategories categories, CategoryQuestions questions,
			RequestThrottle throttle, MessageSource messages, Clock clock,
			@Value("${chuangwen.open311.contact:创文办 (campaign office)}") String contact,
			@Value("${chuangwen.open311.changeset:2026-11-25T00:00:00+08:00}") String changeset) {
		this.requests = requests;
		this.categories = categories;
		this.questions = questions;
		this.throttle = throttle;
		this.messages = messages;
		this.clock = clock;
		this.contact = contact;
		this.changeset = changeset;
	}

	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		String base = http.getRequestURL().toString().replaceFirst("/discovery\\.[A-Za-z]+$", "");
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", base);
		endpoint.put("changeset", changeset);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("changeset", changeset);
		d.put("contact", contact);
		d.put("key_service", base.replaceFirst("/v2$", "/keys"));
		d.put("endpoints", List.of(endpoint));
		return f.object("discovery", d);
	}

	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		requests.jurisdiction(jurisdictionId);
		Locale locale = locale(http);
		Map<String, Integer> asks = questions.counts();
		List<Map<String, Object>> items = new ArrayList<>();
		for (ProblemCategories.Group g : categories.tree()) {
			for (ProblemCategory c : g.minors()) {
				Map<String, Object> s = new LinkedHashMap<>();
				s.put("service_code", c.code());
				s.put("service_name", c.displayName(locale));
				s.put("description", messages.getMessage("open311.service.description." + c.deadlineUnit().name(),
						new Object[] { c.displayName(locale), c.deadlineValue() }, locale));
				s.put("metadata", asks.getOrDefault(c.code(), 0) > 0);
				s.put("type", "realtime");
				s.put("keywords", keywords(c, g.major(), locale));
				s.put("group", g.major().displayName(locale));
				items.add(s);
			}
		}
		return f.list(HttpStatus.OK, "services", items);
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		requests.jurisdiction(jurisdictionId);
		ProblemCategory c = requests.service(code);
		Locale locale = locale(http);
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (CategoryQuestion q : questions.of(c.code())) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("variable", true);
			a.put("code", q.code());
			a.put("datatype", datatype(q.datatype()));
			a.put("required", q.required());
			a.put("datatype_description", q.displayHint(locale));
			a.put("order", q.sortOrder());
			a.put("description", q.displayPrompt(locale));
			if (q.datatype().isChoice()) {
				List<Map<String, Object>> values = new ArrayList<>();
				for (CategoryQuestion.Choice choice : q.choices()) {
					Map<String, Object> v = new LinkedHashMap<>();
					v.put("key", choice.key());
					v.put("name", choice.displayName(locale));
					values.add(v);
				}
				a.put("values", values);
			}
			attributes.add(a);
		}
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("service_code", c.code());
		d.put("attributes", attributes);
		return f.object("service_definition", d);
	}

	@PostMapping("/requests.{format}")
	ResponseEntity<String> post(@PathVariable String format, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		String apiKey = http.getParameter("api_key");
		if (apiKey != null && !apiKey.isBlank()) {
			throttle.check("open311-post-key", org.chuangwen.open311.ApiKeys.hash(apiKey.strip()));
		}
		throttle.check("open311-post-device", http.getParameter("device_id"));
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> p : http.getParameterMap().entrySet()) {
			Matcher m = ATTRIBUTE.matcher(p.getKey());
			if (m.matches()) {
				attributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(Arrays.asList(p.getValue()));
			}
		}
		PostedServiceRequest posted = requests.post(new NewServiceRequest(apiKey, http.getParameter("jurisdiction_id"),
				http.getParameter("service_code"), http.getParameter("lat"), http.getParameter("long"),
				http.getParameter("address_string"), http.getParameter("address_id"), http.getParameter("description"),
				http.getParameter("media_url"), attributes, http.getParameter("email"), http.getParameter("device_id"),
				http.getParameter("account_id"), http.getParameter("first_name"), http.getParameter("last_name"),
				http.getParameter("phone")));
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("service_request_id", posted.serviceRequestId());
		r.put("token", posted.token());
		r.put("service_notice", messages.getMessage("open311.notice.received", null, locale(http)));
		r.put("account_id", posted.accountId());
		return f.list(HttpStatus.OK, "service_requests", List.of(r));
	}

	@GetMapping("/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		requests.jurisdiction(jurisdictionId);
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("service_request_id", requests.requestIdOfToken(token));
		r.put("token", token);
		return f.list(HttpStatus.OK, "service_requests", List.of(r));
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		String path = requests.jurisdiction(jurisdictionId).map(Jurisdiction::path).orElse(null);
		return f.list(HttpStatus.OK, "service_requests", List.of(view(requests.request(id, path), locale(http))));
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<String> search(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCodes,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "page_size", required = false) String pageSize, HttpServletRequest http) {
		Open311Format f = begin(format, http);
		String path = requests.jurisdiction(jurisdictionId).map(Jurisdiction::path).orElse(null);
		Locale locale = locale(http);
		List<ServiceRequest> found;
		if (ids != null && !ids.isBlank()) {
			// the spec: a list of ids overrides every other filter
			found = requests.byIds(commaList(ids), path);
		}
		else {
			List<Open311Exception.Message> errors = new ArrayList<>();
			Instant now = clock.instant();
			Instant start = date(startDate, "start_date", false, errors);
			Instant end = date(endDate, "end_date", true, errors);
			Boolean finished = status(status, errors);
			int size = positive(pageSize, "page_size", Open311Requests.MAX_ROWS, Open311Requests.MAX_ROWS, errors);
			int number = positive(page, "page", 1, Integer.MAX_VALUE, errors);
			if (errors.isEmpty()) {
				if (start == null && end == null) {
					end = now;
					start = now.minus(Open311Requests.MAX_SPAN);
				}
				else if (start == null) {
					start = end.minus(Open311Requests.MAX_SPAN);
				}
				else if (end == null) {
					end = start.plus(Open311Requests.MAX_SPAN);
				}
				if (end.isBefore(start)) {
					errors.add(new Open311Exception.Message("open311.error.dateOrder"));
				}
				else if (Duration.between(start, end).compareTo(Open311Requests.MAX_SPAN) > 0) {
					errors.add(new Open311Exception.Message("open311.error.dateSpan", Open311Requests.MAX_SPAN.toDays()));
				}
			}
			if (!errors.isEmpty()) {
				throw new Open311Exception(400, errors);
			}
			List<String> codes = serviceCodes == null || serviceCodes.isBlank() ? List.of()
					: commaList(serviceCodes).stream().map(c -> requests.service(c).code()).distinct().toList();
			found = requests.search(new Open311Requests.Query(start, end, codes, finished, path,
					(long) (number - 1) * size, size));
		}
		Map<List<Object>, String> notes = new java.util.HashMap<>();
		List<Map<String, Object>> items = found.stream().map(r -> view(r, locale, notes)).toList();
		return f.list(HttpStatus.OK, "service_requests", items);
	}

	/** Any other address under /open311/v2 (e.g. a resource without its format): 404 in the spec's shape. */
	@RequestMapping("/**")
	ResponseEntity<String> unknown(HttpServletRequest http) {
		throttle.check("open311-ip", http.getRemoteAddr());
		throw new Open311Exception(404, "open311.error.path", http.getRequestURI());
	}

	// helpers

	/** The format and the per-address throttle, for every call. */
	private Open311Format begin(String format, HttpServletRequest http) {
		throttle.check("open311-ip", http.getRemoteAddr());
		return Open311Format.of(format);
	}

	private Map<String, Object> view(ServiceRequest r, Locale locale) {
		return view(r, locale, new java.util.HashMap<>());
	}

	/** One request as the spec's fields; {@code notes} keeps the status notes already worded in this answer. */
	private Map<String, Object> view(ServiceRequest r, Locale locale, Map<List<Object>, String> notes) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", r.serviceRequestId());
		m.put("status", r.open() ? "open" : "closed");
		List<Object> noteKey = new ArrayList<>(r.statusNoteArgs());
		noteKey.add(0, r.statusNote());
		m.put("status_notes", notes.computeIfAbsent(noteKey,
				k -> messages.getMessage(r.statusNote(), r.statusNoteArgs().toArray(), locale)));
		m.put("service_name", locale != null && "en".equals(locale.getLanguage()) ? r.serviceNameEn() : r.serviceName());
		m.put("service_code", r.serviceCode());
		m.put("description", r.description());
		m.put("agency_responsible", r.agencyResponsible());
		m.put("service_notice", null);
		m.put("requested_datetime", w3c(r.requested()));
		m.put("updated_datetime", w3c(r.updated()));
		m.put("expected_datetime", w3c(r.expected()));
		m.put("address", r.address());
		m.put("address_id", r.addressId());
		m.put("zipcode", null);
		m.put("lat", r.lat());
		m.put("long", r.lng());
		m.put("media_url", r.mediaUrl());
		return m;
	}

	private String w3c(Instant at) {
		return at == null ? null : W3C.format(at.atZone(clock.getZone()));
	}

	/** English when the client asks for it ({@code Accept-Language: en…}), Chinese otherwise. */
	static Locale locale(HttpServletRequest http) {
		String header = http.getHeader("Accept-Language");
		return header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
	}

	private static List<String> commaList(String text) {
		return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList()));
	}

	/**
	 * A W3C datetime with its offset ({@code 2026-11-25T08:30:00+08:00} or {@code …Z}); a bare date is that day in the
	 * city's zone (the end date: to the end of that day).
	 */
	private Instant date(String text, String field, boolean end, List<Open311Exception.Message> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		// an unencoded "+08:00" in a query string arrives as " 08:00"
		String t = text.strip().replaceFirst("^(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+) (\\d\\d:\\d\\d)$", "$1+$2");
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				LocalDate day = LocalDate.parse(t);
				return (end ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant().minusSeconds(end ? 1 : 0);
			}
			catch (DateTimeParseException ex2) {
				errors.add(new Open311Exception.Message("open311.error.date", field, t));
				return null;
			}
		}
	}

	private static Boolean status(String text, List<Open311Exception.Message> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		boolean open = false;
		boolean closed = false;
		for (String s : text.split(",")) {
			switch (s.strip().toLowerCase(Locale.ROOT)) {
				case "open" -> open = true;
				case "closed" -> closed = true;
				default -> {
					errors.add(new Open311Exception.Message("open311.error.status", s.strip()));
					return null;
				}
			}
		}
		return open == closed ? null : closed;
	}

	private static int positive(String text, String field, int fallback, int max, List<Open311Exception.Message> errors) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			int v = Integer.parseInt(text.strip());
			if (v < 1 || v > max) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException ex) {
			errors.add(new Open311Exception.Message("open311.error.positive", field, max));
			return fallback;
		}
	}

	private static String datatype(CategoryQuestion.Datatype d) {
		return switch (d) {
			case STRING -> "string";
			case NUMBER -> "number";
			case DATETIME -> "datetime";
			case TEXT -> "text";
			case SINGLE_CHOICE -> "singlevaluelist";
			case MULTIPLE_CHOICE -> "multivaluelist";
		};
	}

	/** Keywords: the parts of the category's name and its group's, comma separated. */
	private static String keywords(ProblemCategory c, ProblemCategory major, Locale locale) {
		LinkedHashSet<String> words = new LinkedHashSet<>();
		for (String part : c.displayName(locale).split("[/（）()、，,]| or | and ")) {
			if (!part.isBlank()) {
				words.add(part.strip());
			}
		}
		words.add(major.displayName(locale));
		return String.join(",", words);
	}
}
