package org.chuangwen.organisation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.OrganisationSpreadsheets.ImportResult;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/** Puts the outcome of an import onto the import page: the count imported, or every refused row with its reason. */
final class ImportResultView {

	/** One refused row as the page shows it. */
	record Row(int row, String column, String message) {
	}

	private ImportResultView() {
	}

	static void imported(Model model, int count) {
		model.addAttribute("imported", count);
	}

	/** Runs an import and shows its outcome; a refused file sets the status the API would answer (422, 400, 413). */
	static void run(Model model, HttpServletResponse response, MessageSource messages, Supplier<ImportResult> importer) {
		try {
			imported(model, importer.get().imported());
		}
		catch (ImportRejectedException ex) {
			response.setStatus(422);
			refused(model, ex, messages);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			refused(model, ex, messages);
		}
		catch (ImportFileTooLargeException ex) {
			response.setStatus(413);
			refused(model, ex, messages);
		}
	}

	static void refused(Model model, DomainException ex, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Row> rows = new ArrayList<>();
		if (ex instanceof ImportRejectedException rejected) {
			for (ImportProblem p : rejected.problems()) {
				String column = p.field() == null ? "" : messages.getMessage("import.column." + p.field(), null, p.field(), locale);
				rows.add(new Row(p.row(), column, messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale)));
			}
			model.addAttribute("problems", rows);
		}
		String summary;
		if (ex instanceof InvalidInputException invalid) {
			InvalidInputException.FieldError first = invalid.errors().get(0);
			summary = messages.getMessage(first.messageKey(), first.arguments().toArray(), first.messageKey(), locale);
		}
		else {
			summary = messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
		}
		model.addAttribute("importError", summary);
	}
}
