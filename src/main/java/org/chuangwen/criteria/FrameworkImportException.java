package org.chuangwen.criteria;

import java.util.List;

import org.chuangwen.shared.RuleViolationException;

/**
 * An import was refused and nothing was written: the file is not an Excel workbook, is too large or unreadable, or
 * has bad rows (every one of them listed).
 */
public class FrameworkImportException extends RuleViolationException {

	/** Why the workbook was refused. */
	public enum Reason {

		/** The content is not an .xlsx workbook, whatever its name says. */
		NOT_EXCEL,
		/** An old binary .xls workbook: to be saved as .xlsx first. */
		LEGACY_EXCEL,
		/** Over the size or row limit. */
		TOO_LARGE,
		/** An .xlsx that cannot be read (damaged, encrypted, a sheet missing). */
		UNREADABLE,
		/** Readable, but some rows break the rules: see the errors. */
		INVALID_ROWS
	}

	private final Reason reason;

	private final transient List<ImportError> errors;

	public FrameworkImportException(Reason reason, List<ImportError> errors, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.reason = reason;
		this.errors = List.copyOf(errors);
	}

	public static FrameworkImportException of(Reason reason, Object... arguments) {
		return new FrameworkImportException(reason, List.of(), "criteria.import.refused." + reason.name(), arguments);
	}

	public static FrameworkImportException invalidRows(List<ImportError> errors) {
		return new FrameworkImportException(Reason.INVALID_ROWS, errors, "criteria.import.refused.INVALID_ROWS",
				errors.size());
	}

	public Reason reason() {
		return reason;
	}

	public List<ImportError> errors() {
		return errors;
	}
}
