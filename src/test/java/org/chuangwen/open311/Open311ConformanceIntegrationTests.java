package org.chuangwen.open311;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.LatLng;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.ProblemTestPlaces;
import org.chuangwen.system.RequestThrottle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Open311 GeoReport v2 conformance: every endpoint in JSON and XML, the JSON answers validated against the official
 * schemas (open311/schema-validation, read from ../shared/data/open311-georeport-v2), the XML answers checked against
 * the element structure of the spec's example documents (the examples in the official swagger.json), datetimes in
 * W3C format with an offset, every error case of issue 7's "Bad input" list with the spec's status and error shape,
 * the round trip POST → token → request id → status through the workflow to "closed", throttling (429) and key
 * revocation (403). No personal data of reporters appears in any GET answer.
 */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311ConformanceIntegrationTests {

	static final Path SPEC = Files.isDirectory(Path.of("..", "shared", "data", "open311-georeport-v2"))
			? Path.of("..", "shared", "data", "open311-georeport-v2").toAbsolutePath().normalize()
			: Path.of("/work/shared/data/open311-georeport-v2");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final java.util.regex.Pattern W3C = java.util.regex.Pattern
		.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");

	static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
			"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
			"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

	/** Personal data sent with every POST of these tests: none of it may appear in a GET answer. */
	static final Map<String, String> PERSONAL = Map.of("email", "zhang.san@example.com", "device_id", "device-7f3a9c",
			"first_name", "三丰", "last_name", "张", "phone", "13900001111", "account_id", "acct-42");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ApiKeys keys;

	@Autowired
	RequestThrottle throttle;

	@Autowired
	ProblemManagement problems;

	@Autowired
	ProblemDirectory directory;

	@Autowired
	JdbcClient jdbc;

	Actor office;

	String key;

	JsonNode swagger;

	final AtomicInteger addresses = new AtomicInteger(1);

	@BeforeAll
	void setUp() throws Exception {
		places.ready();
		office = fixtures.cityOffice();
		key = keys.issue(office, "随手拍测试应用", "李工 13800000000").plainKey();
		swagger = JSON.readTree(Files.readString(SPEC.resolve("swagger.json")));
	}

	@BeforeEach
	void freshThrottle() {
		throttle.reset();
	}

	// discovery and services

	@Test
	void discoveryNamesTheSpecificationTheEndpointAndBothFormats() throws Exception {
		JsonNode d = json(get("/open311/v2/discovery.json"), 200);
		JsonNode endpoint = d.get("endpoints").get(0);
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.get("formats")).extracting(JsonNode::asString).containsExactly("text/xml", "application/json");
		assertThat(d.has("changeset") && d.has("contact") && d.has("key_service")).isTrue();
		Document xml = xml(get("/open311/v2/discovery.xml"), 200);
		Element root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("discovery");
		assertThat(childNames(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
		Element e = children(child(root, "endpoints")).get(0);
		assertThat(e.getTagName()).isEqualTo("endpoint");
		assertThat(childNames(e)).containsExactly("specification", "url", "changeset", "type", "formats");
		assertThat(children(child(e, "formats"))).extracting(Element::getTagName).containsOnly("format");
	}

	@Test
	void servicesAreTheMinorCategoriesWithGroupsKeywordsAndMetadata() throws Exception {
		MockHttpServletResponse r = call(get("/open311/v2/services.json"), 200);
		assertValid("services.json", r.getContentAsString(StandardCharsets.UTF_8));
		JsonNode services = JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
		JsonNode bins = find(services, "service_code", "A06");
		assertThat(bins.get("metadata").asBoolean()).isTrue();
		assertThat(bins.get("type").asString()).isEqualTo("realtime");
		assertThat(bins.get("group").asString()).isEqualTo("市容环境");
		assertThat(bins.get("keywords").asString()).contains("市容环境");
		assertThat(find(services, "service_code", "A01").get("metadata").asBoolean()).isFalse();
		assertThat(services).noneMatch(s -> s.get("service_code").asString().length() == 1); // no major classes
		JsonNode english = JSON.readTree(call(get("/open311/v2/services.json").header("Accept-Language", "en"), 200)
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(find(english, "service_code", "A06").get("service_name").asString()).isEqualTo("Overflowing or broken litter bins");

		Document xml = xml(get("/open311/v2/services.xml"), 200);
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
		List<Element> items = children(xml.getDocumentElement());
		assertThat(items).hasSize(services.size()).extracting(Element::getTagName).containsOnly("service");
		List<String> example = fieldNames(swagger.at("/paths/~1services.{response_format}/get/responses/200/examples/application~1xml/services/service"));
		for (Element s : items) {
			assertThat(childNames(s)).containsExactlyElementsOf(example);
		}
	}

	@Test
	void aServiceDefinitionListsTheCategorysQuestionsAsAttributes() throws Exception {
		MockHttpServletResponse r = call(get("/open311/v2/services/A06.json"), 200);
		assertValid("service-definition.json", r.getContentAsString(StandardCharsets.UTF_8));
		JsonNode def = JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
		assertThat(def.get("service_code").asString()).isEqualTo("A06");
		JsonNode state = find(def.get("attributes"), "code", "bin_state");
		assertThat(state.get("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(state.get("required").asBoolean()).isTrue();
		assertThat(state.get("order").asInt()).isEqualTo(1);
		assertThat(state.get("values")).extracting(v -> v.get("key").asString()).contains("overflowing", "broken", "missing");
		assertThat(find(def.get("attributes"), "code", "bin_count").get("datatype").asString()).isEqualTo("number");
		JsonNode multi = JSON.readTree(call(get("/open311/v2/services/D04.json"), 200).getContentAsString(StandardCharsets.UTF_8));
		assertThat(find(multi.get("attributes"), "code", "facility").get("datatype").asString()).isEqualTo("multivaluelist");
		assertThat(find(multi.get("attributes"), "code", "noticed_at").get("datatype").asString()).isEqualTo("datetime");
		String none = call(get("/open311/v2/services/A01.json"), 200).getContentAsString(StandardCharsets.UTF_8);
		assertValid("service-definition.json", none);
		assertThat(JSON.readTree(none).get("attributes")).isEmpty();

		Document xml = xml(get("/open311/v2/services/A06.xml"), 200);
		Element root = xml.getDocumentElement();
		JsonNode example = swagger.at("/paths/~1services~1{service_code}.{response_format}/get/responses/200/examples/application~1xml/service_definition");
		assertThat(root.getTagName()).isEqualTo("service_definition");
		assertThat(childNames(root)).containsExactlyElementsOf(fieldNames(example));
		Element attribute = children(child(root, "attributes")).get(0);
		assertThat(attribute.getTagName()).isEqualTo("attribute");
		assertThat(childNames(attribute)).containsExactlyElementsOf(fieldNames(example.at("/attributes/attribute")));
		Element value = children(child(attribute, "values")).get(0);
		assertThat(value.getTagName()).isEqualTo("value");
		assertThat(childNames(value)).containsExactlyElementsOf(fieldNames(example.at("/attributes/attribute/values/value")));
	}

	// the round trip

	@Test
	void postTokenIdAndStatusFollowTheProblemToClosed() throws Exception {
		LatLng at = places.spot(false);
		MockHttpServletResponse posted = call(postRequest("json", "A06", at, Map.of("attribute[bin_state]", "overflowing",
				"attribute[bin_count]", "2", "description", "路口垃圾桶满溢", "media_url", "https://img.example.com/a.jpg")), 200);
		JsonNode answer = JSON.readTree(posted.getContentAsString(StandardCharsets.UTF_8)).get(0);
		assertThat(fieldNames(answer)).containsAll(fieldNames(swagger.at("/paths/~1requests.{response_format}/post/responses/200/examples/application~1xml/service_requests")));
		String id = answer.get("service_request_id").asString();
		String token = answer.get("token").asString();
		assertThat(answer.get("account_id").asString()).isEqualTo("acct-42");

		JsonNode tokenAnswer = json(get("/open311/v2/tokens/" + token + ".json"), 200);
		assertThat(tokenAnswer.get(0).get("service_request_id").asString()).isEqualTo(id);
		assertThat(tokenAnswer.get(0).get("token").asString()).isEqualTo(token);
		Document tokenXml = xml(get("/open311/v2/tokens/" + token + ".xml"), 200);
		assertThat(tokenXml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		Element tokenItem = children(tokenXml.getDocumentElement()).get(0);
		assertThat(tokenItem.getTagName()).isEqualTo("request");
		assertThat(childNames(tokenItem)).containsExactlyElementsOf(fieldNames(
				swagger.at("/paths/~1tokens~1{token_id}.{response_format}/get/responses/200/examples/application~1xml/service_requests/request")));

		// it entered the problems workflow as an untrusted OPEN311 report, with the answers kept
		Problem problem = directory.problem(office, idOf(id));
		assertThat(problem.source()).isEqualTo(ProblemSource.OPEN311);
		assertThat(problem.status()).isEqualTo(ProblemStatus.REPORTED);
		assertThat(jdbc.sql("select count(*) from problem_answer where problem_id = :p").param("p", problem.id())
			.query(Long.class).single()).isEqualTo(2);

		JsonNode open = request(id);
		assertThat(open.get("status").asString()).isEqualTo("open");
		assertThat(open.get("service_code").asString()).isEqualTo("A06");
		assertThat(open.get("description").asString()).isEqualTo("路口垃圾桶满溢");
		assertThat(open.get("media_url").asString()).isEqualTo("https://img.example.com/a.jpg");
		assertThat(open.get("lat").asDouble()).isEqualTo(at.lat());
		assertThat(open.get("agency_responsible").isNull()).isTrue();
		assertThat(open.get("status_notes").asString()).contains("等待创文办");

		Actor inspector = fixtures.actor("inspector");
		Actor unitStaff = fixtures.actor("unit_staff");
		problems.transition(office, problem.id(), ProblemCommand.of(ProblemAction.REGISTER));
		Problem dispatched = problems.transition(office, problem.id(), ProblemCommand.of(ProblemAction.DISPATCH));
		JsonNode atUnit = request(id);
		assertThat(atUnit.get("status").asString()).isEqualTo("open");
		assertThat(atUnit.get("agency_responsible").asString()).isNotBlank();
		assertThat(OffsetDateTime.parse(atUnit.get("expected_datetime").asString()).toInstant()).isEqualTo(dispatched.deadline().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		problems.transition(unitStaff, problem.id(), ProblemCommand.of(ProblemAction.CLAIM));
		problems.transition(unitStaff, problem.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(places.photo(unitStaff))));
		Problem closed = problems.transition(inspector, problem.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(true));
		assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);

		JsonNode done = request(id);
		assertThat(done.get("status").asString()).isEqualTo("closed");
		assertThat(done.get("status_notes").asString()).contains("销号");
		assertThat(OffsetDateTime.parse(done.get("updated_datetime").asString()).toInstant())
			.isEqualTo(closed.closedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(done.get("expected_datetime").isNull()).isTrue();
		JsonNode closedList = json(get("/open311/v2/requests.json").param("status", "closed").param("service_code", "A06"), 200);
		assertThat(closedList).anyMatch(r -> r.get("service_request_id").asString().equals(id));
		assertThat(closedList).allMatch(r -> r.get("status").asString().equals("closed"));
		JsonNode openList = json(get("/open311/v2/requests.json").param("status", "open").param("service_code", "A06"), 200);
		assertThat(openList).noneMatch(r -> r.get("service_request_id").asString().equals(id));

		Document one = xml(get("/open311/v2/requests/" + id + ".xml"), 200);
		assertThat(one.getDocumentElement().getTagName()).isEqualTo("service_requests");
		Element item = children(one.getDocumentElement()).get(0);
		assertThat(item.getTagName()).isEqualTo("request");
		assertThat(childNames(item)).containsExactlyElementsOf(fieldNames(
				swagger.at("/paths/~1request~1{service_request_id}.{response_format}/get/responses/200/examples/application~1xml/request")));
		assertThat(child(item, "status").getTextContent()).isEqualTo("closed");
		assertThat(child(item, "requested_datetime").getTextContent()).matches(W3C);
	}

	@Test
	void getRequestsValidatesAgainstTheSchemaInBothFormatsAndShowsNoPersonalData() throws Exception {
		String id = postAt("A01", places.spot(false));
		MockHttpServletResponse list = call(get("/open311/v2/requests.json"), 200);
		String body = list.getContentAsString(StandardCharsets.UTF_8);
		assertValid("requests.json", body);
		JsonNode requests = JSON.readTree(body);
		assertThat(requests.size()).isBetween(1, 1000);
		JsonNode mine = find(requests, "service_request_id", id);
		assertThat(fieldNames(mine)).containsExactlyElementsOf(REQUEST_FIELDS);
		for (JsonNode r : requests) {
			for (String f : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
				if (!r.get(f).isNull()) {
					assertThat(r.get(f).asString()).matches(W3C).endsWith("+08:00");
				}
			}
		}
		String xmlBody = call(get("/open311/v2/requests.xml"), 200).getContentAsString(StandardCharsets.UTF_8);
		assertThat(xmlBody).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		Document xml = parse(xmlBody);
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		for (Element r : children(xml.getDocumentElement())) {
			assertThat(r.getTagName()).isEqualTo("request");
			assertThat(childNames(r)).containsExactlyElementsOf(REQUEST_FIELDS);
		}
		for (String answer : List.of(body, xmlBody, call(get("/open311/v2/requests/" + id + ".json"), 200)
			.getContentAsString(StandardCharsets.UTF_8))) {
			for (String personal : PERSONAL.values()) {
				assertThat(answer).doesNotContain(personal);
			}
		}
		// the personal data is kept, for the office only
		assertThat(jdbc.sql("select email from open311_request r join problem p on p.id = r.problem_id where p.number = :n")
			.param("n", id).query(String.class).single()).isEqualTo("zhang.san@example.com");
	}

	@Test
	void getRequestsFiltersByIdsServiceCodeDatesAndPages() throws Exception {
		String a = postAt("B01", places.spot(false));
		String b = postAt("B01", places.spot(false));
		String c = postAt("B03", places.spot(false));
		JsonNode byIds = json(get("/open311/v2/requests.json").param("service_request_id", a + "," + c)
			.param("service_code", "A01").param("start_date", "2000-01-01T00:00:00Z"), 200);
		assertThat(byIds).extracting(r -> r.get("service_request_id").asString()).containsExactlyInAnyOrder(a, c);
		JsonNode byCode = json(get("/open311/v2/requests.json").param("service_code", "B01,B03"), 200);
		assertThat(byCode).extracting(r -> r.get("service_request_id").asString()).contains(a, b, c);
		assertThat(byCode).allMatch(r -> List.of("B01", "B03").contains(r.get("service_code").asString()));
		String now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		JsonNode byDates = json(get("/open311/v2/requests.json").param("service_code", "B01")
			.param("start_date", "2020-01-01T00:00:00+08:00").param("end_date", "2020-03-01T00:00:00+08:00"), 200);
		assertThat(byDates).isEmpty();
		JsonNode recent = json(get("/open311/v2/requests.json").param("service_code", "B01")
			.param("end_date", now), 200);
		assertThat(recent).extracting(r -> r.get("service_request_id").asString()).contains(a, b);
		JsonNode unencoded = json(get("/open311/v2/requests.json").param("service_code", "B01")
			.param("end_date", now.replace('+', ' ')), 200); // "+08:00" sent unencoded arrives as " 08:00"
		assertThat(unencoded).extracting(r -> r.get("service_request_id").asString()).contains(a, b);
		JsonNode page1 = json(get("/open311/v2/requests.json").param("service_code", "B01").param("page_size", "1"), 200);
		JsonNode page2 = json(get("/open311/v2/requests.json").param("service_code", "B01").param("page_size", "1").param("page", "2"), 200);
		assertThat(page1).hasSize(1);
		assertThat(page2).hasSize(1);
		assertThat(page1.get(0).get("service_request_id").asString()).isNotEqualTo(page2.get(0).get("service_request_id").asString());
		assertThat(page1.get(0).get("service_request_id").asString()).isEqualTo(b); // newest first
		JsonNode none = json(get("/open311/v2/requests.json").param("service_request_id", "2000-999999"), 200);
		assertThat(none).isEmpty();
	}

	// bad input: exactly the spec's status codes and error shape

	@Test
	void aMissingLocationIs400() throws Exception {
		assertError(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A01"), "json", 400, "位置");
		assertError(post("/open311/v2/requests.xml").param("api_key", key).param("service_code", "A01"), "xml", 400, "位置");
		assertError(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A01").param("lat", "12.001"),
				"json", 400, "lat");
		assertError(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A01").param("lat", "north")
			.param("long", "25.0"), "json", 400, "lat");
	}

	@Test
	void aLocationOutsideTheCityIs400AndCreatesNothing() throws Exception {
		long before = count();
		assertError(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A01").param("lat", "0.5")
			.param("long", "0.5"), "json", 400, "网格");
		assertError(post("/open311/v2/requests.xml").param("api_key", key).param("service_code", "A01").param("lat", "0.5")
			.param("long", "0.5"), "xml", 400, "网格");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anUnknownServiceCodeIs404() throws Exception {
		LatLng at = places.spot(false);
		assertError(postRequest("json", "Z99", at, Map.of()), "json", 404, "Z99");
		assertError(postRequest("xml", "Z99", at, Map.of()), "xml", 404, "Z99");
		assertError(get("/open311/v2/services/Z99.json"), "json", 404, "Z99");
		assertError(get("/open311/v2/services/Z99.xml"), "xml", 404, "Z99");
		assertError(get("/open311/v2/services/A.json"), "json", 404, "A"); // a major class is no service
		assertError(get("/open311/v2/requests.json").param("service_code", "Z99"), "json", 404, "Z99");
		assertError(get("/open311/v2/requests/2000-999999.json"), "json", 404, "2000-999999");
		assertError(get("/open311/v2/requests/2000-999999.xml"), "xml", 404, "2000-999999");
		assertError(get("/open311/v2/tokens/no-such-token.json"), "json", 404, "no-such-token");
		assertError(get("/open311/v2/services.json").param("jurisdiction_id", "NO-SUCH-PLACE"), "json", 404, "NO-SUCH-PLACE");
	}

	@Test
	void aMissingOrUnknownApiKeyIs403() throws Exception {
		LatLng at = places.spot(false);
		long before = count();
		assertError(post("/open311/v2/requests.json").param("service_code", "A01").param("lat", Double.toString(at.lat()))
			.param("long", Double.toString(at.lng())), "json", 403, "api_key");
		assertError(post("/open311/v2/requests.xml").param("api_key", "cw311_forged").param("service_code", "A01")
			.param("lat", Double.toString(at.lat())).param("long", Double.toString(at.lng())), "xml", 403, "api_key");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRevokedKeyIs403AtOnce() throws Exception {
		IssuedApiKey issued = keys.issue(office, "将被吊销的应用", "王工");
		LatLng at = places.spot(false);
		call(postRequest("json", "A01", at, Map.of(), issued.plainKey()), 200);
		keys.revoke(office, issued.key().id(), "滥用", null);
		assertError(postRequest("json", "A01", places.spot(false), Map.of(), issued.plainKey()), "json", 403, "api_key");
		assertError(postRequest("xml", "A01", places.spot(false), Map.of(), issued.plainKey()), "xml", 403, "api_key");
	}

	@Test
	void malformedDatesAndASpanOverNinetyDaysAre400() throws Exception {
		assertError(get("/open311/v2/requests.json").param("start_date", "yesterday"), "json", 400, "start_date");
		assertError(get("/open311/v2/requests.xml").param("end_date", "2026-13-45T00:00:00Z"), "xml", 400, "end_date");
		assertError(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z")
			.param("end_date", "2026-04-02T00:00:01Z"), "json", 400, "90");
		assertError(get("/open311/v2/requests.xml").param("start_date", "2026-01-01T00:00:00+08:00")
			.param("end_date", "2026-06-01T00:00:00+08:00"), "xml", 400, "90");
		assertError(get("/open311/v2/requests.json").param("start_date", "2026-02-01T00:00:00Z")
			.param("end_date", "2026-01-01T00:00:00Z"), "json", 400, "end_date");
		assertError(get("/open311/v2/requests.json").param("status", "pending"), "json", 400, "pending");
		assertError(get("/open311/v2/requests.json").param("page_size", "1001"), "json", 400, "page_size");
		// exactly 90 days is allowed
		call(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z").param("end_date", "2026-04-01T00:00:00Z"), 200);
	}

	@Test
	void answersThatDoNotFitTheQuestionsAre400() throws Exception {
		LatLng at = places.spot(false);
		assertError(postRequest("json", "A06", at, Map.of()), "json", 400, "垃圾桶的情况");
		assertError(postRequest("json", "A06", at, Map.of("attribute[bin_state]", "on_fire")), "json", 400, "on_fire");
		assertError(postRequest("json", "A06", at, Map.of("attribute[bin_state]", "broken", "attribute[bin_count]", "many")),
				"json", 400, "many");
		assertError(postRequest("json", "A01", at, Map.of("attribute[colour]", "red")), "json", 400, "colour");
		assertError(postRequest("json", "A01", at, Map.of("media_url", "javascript:alert(1)")), "json", 400, "media_url");
		assertError(postRequest("json", "A01", at, Map.of("description", "长".repeat(2001))), "json", 400, "2,000");
	}

	@Test
	void anAddressIsGeocodedAgainstThePointsOrRefusedClearly() throws Exception {
		MockHttpServletResponse ok = call(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A02")
			.param("address_string", "测试路 8 号"), 200);
		String id = JSON.readTree(ok.getContentAsString(StandardCharsets.UTF_8)).get(0).get("service_request_id").asString();
		JsonNode r = request(id);
		assertThat(r.get("address").asString()).contains("测试路 8 号");
		assertThat(r.get("address_id").asString()).isEqualTo("PR-IT-P1");
		assertThat(directory.problem(office, idOf(id)).pointId()).isEqualTo(places.point1);
		call(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A02").param("address_id", "PR-IT-P1"), 200);
		assertError(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A02")
			.param("address_string", "火星路 1 号"), "json", 400, "火星路 1 号");
		assertError(post("/open311/v2/requests.xml").param("api_key", key).param("service_code", "A02")
			.param("address_id", "NO-SUCH-POINT"), "xml", 400, "NO-SUCH-POINT");
	}

	@Test
	void anUnsupportedFormatIsRefusedInJson() throws Exception {
		assertError(get("/open311/v2/services.csv"), "json", 404, "csv");
		assertError(get("/open311/v2/services"), "json", 404, "/open311/v2/services");
	}

	// throttling

	@Test
	void tooManyRequestsFromOneAddressAre429WithRetryAfterInTheSpecsShape() throws Exception {
		String address = "10.99.0.1";
		for (int i = 0; i < 120; i++) {
			assertThat(mvc.perform(get("/open311/v2/discovery.json").with(from(address))).andReturn().getResponse().getStatus())
				.isEqualTo(200);
		}
		MockHttpServletResponse refused = mvc.perform(get("/open311/v2/services.json").with(from(address))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
		JsonNode errors = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(errors.get(0).get("code").asInt()).isEqualTo(429);
		assertThat(errors.get(0).get("description").asString()).contains("请求过于频繁");
		MockHttpServletResponse refusedXml = mvc.perform(get("/open311/v2/services.xml").with(from(address))).andReturn().getResponse();
		assertThat(refusedXml.getStatus()).isEqualTo(429);
		Document xml = parse(refusedXml.getContentAsString(StandardCharsets.UTF_8));
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
		assertThat(child(children(xml.getDocumentElement()).get(0), "code").getTextContent()).isEqualTo("429");
		// another address is not affected
		assertThat(mvc.perform(get("/open311/v2/services.json").with(from("10.99.0.2"))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void oneDevicePostingTooOftenIs429() throws Exception {
		String device = "device-" + UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			call(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "A01")
				.param("lat", Double.toString(places.spot(false).lat())).param("long", Double.toString(places.spot(false).lng()))
				.param("device_id", device), 200);
		}
		MockHttpServletResponse refused = mvc.perform(post("/open311/v2/requests.json").with(from(nextAddress()))
			.param("api_key", key).param("service_code", "A01").param("lat", "12.005").param("long", "25.005")
			.param("device_id", device)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isNotNull();
	}

	// helpers

	private String postAt(String code, LatLng at) throws Exception {
		MockHttpServletResponse r = call(postRequest("json", code, at, Map.of()), 200);
		return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get(0).get("service_request_id").asString();
	}

	private MockHttpServletRequestBuilder postRequest(String format, String code, LatLng at, Map<String, String> extra) {
		return postRequest(format, code, at, extra, key);
	}

	private MockHttpServletRequestBuilder postRequest(String format, String code, LatLng at, Map<String, String> extra,
			String apiKey) {
		MockHttpServletRequestBuilder b = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", apiKey)
			.param("service_code", code)
			.param("lat", Double.toString(at.lat()))
			.param("long", Double.toString(at.lng()));
		PERSONAL.forEach(b::param);
		extra.forEach(b::param);
		return b;
	}

	private JsonNode request(String id) throws Exception {
		String body = call(get("/open311/v2/requests/" + id + ".json"), 200).getContentAsString(StandardCharsets.UTF_8);
		assertValid("requests.json", body);
		JsonNode list = JSON.readTree(body);
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	private UUID idOf(String number) {
		return jdbc.sql("select id from problem where number = :n").param("n", number).query(UUID.class).single();
	}

	private long count() {
		return jdbc.sql("select count(*) from problem").query(Long.class).single();
	}

	private void assertError(MockHttpServletRequestBuilder request, String format, int status, String mentions) throws Exception {
		MockHttpServletResponse r = call(request, status);
		String body = r.getContentAsString(StandardCharsets.UTF_8);
		if ("json".equals(format)) {
			assertThat(r.getContentType()).startsWith("application/json");
			JsonNode errors = JSON.readTree(body);
			assertThat(errors.isArray()).isTrue();
			assertThat(errors).isNotEmpty();
			for (JsonNode e : errors) {
				assertThat(fieldNames(e)).containsExactly("code", "description");
				assertThat(e.get("code").asInt()).isEqualTo(status);
			}
			assertThat(body).contains(mentions);
		}
		else {
			assertThat(r.getContentType()).startsWith("text/xml");
			Document xml = parse(body);
			assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
			List<Element> errors = children(xml.getDocumentElement());
			assertThat(errors).isNotEmpty().extracting(Element::getTagName).containsOnly("error");
			for (Element e : errors) {
				assertThat(childNames(e)).containsExactly("code", "description");
				assertThat(child(e, "code").getTextContent()).isEqualTo(Integer.toString(status));
			}
			assertThat(xml.getDocumentElement().getTextContent()).contains(mentions);
		}
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.with(from(nextAddress()))).andReturn().getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
		return r;
	}

	private JsonNode json(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse r = call(request, status);
		assertThat(r.getContentType()).startsWith("application/json");
		return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
	}

	private Document xml(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse r = call(request, status);
		assertThat(r.getContentType()).startsWith("text/xml");
		String body = r.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		return parse(body);
	}

	/** Each call from its own address, so the per-address throttle does not interfere with the conformance checks. */
	private String nextAddress() {
		int n = addresses.getAndIncrement();
		return "10.1." + (n / 250) + "." + (n % 250 + 1);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The official schemas under one base IRI, read from the shared data directory (their $refs are relative). */
	static final String BASE = "https://schemas.open311.test/georeport-v2/";

	static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
			builder -> builder.schemas((String iri) -> {
				if (!iri.startsWith(BASE)) {
					return null;
				}
				try {
					return Files.readString(SPEC.resolve(iri.substring(BASE.length())));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}));

	private static void assertValid(String schemaFile, String body) {
		Schema schema = SCHEMAS.getSchema(SchemaLocation.of(BASE + schemaFile));
		List<Error> errors = schema.validate(body, InputFormat.JSON);
		assertThat(errors).as(schemaFile + ": " + body).isEmpty();
	}

	@Test
	void theSchemasRefuseAnAnswerThatBreaksThem() {
		Schema schema = SCHEMAS.getSchema(SchemaLocation.of(BASE + "requests.json"));
		assertThat(schema.validate("[{\"service_request_id\": \"1\", \"status\": \"pending\", \"service_code\": \"A01\", "
				+ "\"requested_datetime\": \"2026-11-25T08:00:00+08:00\"}]", InputFormat.JSON)).isNotEmpty();
		assertThat(schema.validate("[{\"service_request_id\": \"1\", \"status\": \"open\", \"service_code\": \"A01\", "
				+ "\"requested_datetime\": \"2026-11-25T08:00:00+08:00\"}]", InputFormat.JSON)).isEmpty();
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode n : array) {
			if (value.equals(n.get(field).asString())) {
				return n;
			}
		}
		throw new AssertionError("no " + field + "=" + value + " in " + array);
	}

	private static List<String> fieldNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = object.propertyNames().iterator(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> children(Element e) {
		List<Element> out = new ArrayList<>();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element el) {
				out.add(el);
			}
		}
		return out;
	}

	private static List<String> childNames(Element e) {
		return children(e).stream().map(Element::getTagName).toList();
	}

	private static Element child(Element e, String name) {
		return children(e).stream().filter(c -> c.getTagName().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no <" + name + "> in <" + e.getTagName() + ">"));
	}

}
