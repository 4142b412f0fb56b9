package org.chuangwen.shared.web;

/**
 * One line of the home page's figures (templates/fragments/figures.html), served by the module that owns the data: a
 * label, a value, where it leads ({@code null}: nowhere), and a tone ({@code danger}, {@code warning},
 * {@code success} or {@code null} for plain).
 */
public record HomeFigure(String key, String label, String value, String href, String tone) {

	/** A count that takes its tone only when it is above zero (nothing overdue is not a warning). */
	public static HomeFigure count(String key, String label, long value, String href, String toneWhenAny) {
		return new HomeFigure(key, label, String.valueOf(value), href, value > 0 ? toneWhenAny : null);
	}
}
