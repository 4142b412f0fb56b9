package org.chuangwen.organisation;

import java.util.List;

/**
 * One reason an import file was refused: the spreadsheet row number as Excel shows it (the header is row 1), the
 * column (a field name, or {@code null} for the whole row or file) and a message key with its arguments.
 */
public record ImportProblem(int row, String field, String messageKey, List<Object> arguments) {

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	public ImportProblem(int row, String field, String messageKey, Object... arguments) {
		this(row, field, messageKey, List.of(arguments));
	}
}
