package org.chuangwen.problems;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extra questions categories ask (V150 {@code problem_category_question}) and the answers reporters gave. Read by
 * intake (to check the answers) and by the Open311 adapter (service definitions).
 */
@Service
@Transactional(readOnly = true)
public class CategoryQuestions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	CategoryQuestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The questions of one category, in the order they are asked (empty when it asks none). */
	public List<CategoryQuestion> of(String categoryCode) {
		return jdbc.sql("select * from problem_category_question where category_code = :code order by sort_order, code")
			.param("code", categoryCode)
			.query((rs, n) -> question(rs))
			.list();
	}

	/** How many questions each category asks, by category code (categories that ask none are absent). */
	public Map<String, Integer> counts() {
		return jdbc.sql("select category_code, count(*) from problem_category_question group by category_code")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The answers given with a problem, by question code (several values for a multiple choice). */
	public Map<String, List<String>> answers(java.util.UUID problemId) {
		return jdbc.sql("select question_code, value from problem_answer where problem_id = :id order by question_code, value")
			.param("id", problemId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	void saveAnswers(java.util.UUID problemId, Map<String, List<String>> answers) {
		answers.forEach((code, values) -> values.forEach(v -> jdbc
			.sql("insert into problem_answer (problem_id, question_code, value) values (:p, :q, :v)")
			.param("p", problemId)
			.param("q", code)
			.param("v", v)
			.update()));
	}

	private static CategoryQuestion question(java.sql.ResultSet rs) throws java.sql.SQLException {
		List<CategoryQuestion.Choice> choices = new java.util.ArrayList<>();
		JsonNode array = JSON.readTree(rs.getString("choices"));
		for (JsonNode c : array) {
			choices.add(new CategoryQuestion.Choice(c.path("key").asString(), c.path("name").asString(),
					c.hasNonNull("nameEn") ? c.get("nameEn").asString() : null));
		}
		return new CategoryQuestion(rs.getString("category_code"), rs.getString("code"),
				CategoryQuestion.Datatype.valueOf(rs.getString("datatype")), rs.getBoolean("required"),
				rs.getString("prompt"), rs.getString("prompt_en"), rs.getString("hint"), rs.getString("hint_en"),
				rs.getInt("sort_order"), choices);
	}
}
