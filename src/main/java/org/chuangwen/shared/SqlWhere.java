package org.chuangwen.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A where clause built from fixed SQL fragments and their named parameters, for the filtered lists of the
 * repositories: only fixed SQL text is ever appended, every value travels as a bound parameter.
 */
public final class SqlWhere {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Adds a condition; {@code name} (may be null for a condition without a parameter) is bound to {@code value}. */
	public SqlWhere and(String condition, String name, Object value) {
		conditions.add(condition);
		if (name != null) {
			params.put(name, value);
		}
		return this;
	}

	/** The clause with its leading {@code where}, or an empty string when there is no condition. */
	public String sql() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	/** Binds the parameters of the conditions to the statement. */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		for (Map.Entry<String, Object> p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec;
	}
}
