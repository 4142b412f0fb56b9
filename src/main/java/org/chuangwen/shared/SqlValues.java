package org.chuangwen.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small conversions the repositories share when they write instants and search text, and read timestamps. */
public final class SqlValues {

	private SqlValues() {
	}

	/** Text for a {@code like} pattern with its own {@code \}, {@code %} and {@code _} taken literally. */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** An instant as a {@code timestamptz} parameter, in UTC; {@code null} stays {@code null}. */
	public static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** A {@code timestamptz} column as an instant; {@code null} stays {@code null}. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
