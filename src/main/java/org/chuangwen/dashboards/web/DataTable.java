package org.chuangwen.dashboards.web;

import java.util.List;

/**
 * The table behind a chart (its accessible text alternative, WCAG 1.1.1) and the content of the panel's Excel export:
 * a caption, the column headings, and rows of a label and cells, each optionally linking to the list behind it. The
 * chart is drawn from this very table in the browser (static/js/dashboard.js): the row labels are the categories, the
 * first {@code series} cell columns the series, and a click on a chart element opens the link of the cell it stands
 * for.
 *
 * @param id the table element's id (the chart names it)
 * @param chart the kind of chart drawn from it ({@code bar}, {@code hbar}, {@code line}, {@code pie}), or null
 * @param series how many cell columns (from the first) the chart draws
 */
public record DataTable(String id, String caption, List<String> columns, List<Row> rows, String chart, int series) {

	/** A row: its label (and where the label links), its cells and an optional colour for its chart element. */
	public record Row(String label, String href, List<Cell> cells, String color) {

		public Row(String label, String href, List<Cell> cells) {
			this(label, href, cells, null);
		}
	}

	/** A cell: a number or a text, and where it links (null: nowhere). */
	public record Cell(Object value, String href) {

		public boolean numeric() {
			return value instanceof Number;
		}
	}

	public static Cell cell(Object value, String href) {
		return new Cell(value, href);
	}

	public static Cell cell(Object value) {
		return new Cell(value, null);
	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

	/** Whether every numeric cell is zero (the honest empty state of a chart: nothing to draw). */
	public boolean allZero() {
		return rows.stream()
			.flatMap(r -> r.cells().stream())
			.filter(Cell::numeric)
			.allMatch(c -> ((Number) c.value()).doubleValue() == 0);
	}
}
