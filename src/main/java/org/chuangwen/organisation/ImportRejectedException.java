package org.chuangwen.organisation;

import java.util.List;

import org.chuangwen.shared.RuleViolationException;

/** An import file whose rows break the rules: every bad row is listed, and nothing was imported (422). */
public class ImportRejectedException extends RuleViolationException {

	private final transient List<ImportProblem> problems;

	public ImportRejectedException(List<ImportProblem> problems) {
		super("import.rejected", problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return problems;
	}
}
