package org.chuangwen.criteria;

import java.util.List;

/**
 * One bad row of an imported workbook: the sheet, the row number as Excel shows it (the header is row 1), the column
 * if one is to blame, and a message key with its arguments (resolved in the user's language at the edge).
 */
public record ImportError(String sheet, int row, String field, String messageKey, List<Object> arguments) {

	public ImportError {
		// as text, so that row numbers and scores read as written (no grouping such as "1,234")
		arguments = arguments.stream().map(a -> (Object) String.valueOf(a)).toList();
	}

	public static ImportError of(String sheet, int row, String field, String messageKey, Object... arguments) {
		return new ImportError(sheet, row, field, messageKey, List.of(arguments));
	}
}
