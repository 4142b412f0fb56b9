package org.chuangwen.escalation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ladder's settings ({@code chuangwen.escalation.*}): the working days a notice gives the unit (copy notice 2,
 * rectification order 3, admonition 5 for the written explanation), the prefix of notice numbers ("创文") and the
 * issuing office's name (by default the city's name followed by 创建全国文明城市工作指挥部办公室).
 */
@Component
class EscalationSettings {

	private final int copyNoticeDays;

	private final int rectificationOrderDays;

	private final int admonitionDays;

	private final String numberPrefix;

	private final String issuer;

	private final String issuerSuffix;

	EscalationSettings(@Value("${chuangwen.escalation.copy-notice-days:2}") int copyNoticeDays,
			@Value("${chuangwen.escalation.rectification-order-days:3}") int rectificationOrderDays,
			@Value("${chuangwen.escalation.admonition-days:5}") int admonitionDays,
			@Value("${chuangwen.escalation.number-prefix:创文}") String numberPrefix,
			@Value("${chuangwen.escalation.issuer:}") String issuer,
			@Value("${chuangwen.escalation.issuer-suffix:创建全国文明城市工作指挥部办公室}") String issuerSuffix) {
		if (copyNoticeDays < 1 || rectificationOrderDays < 1 || admonitionDays < 1) {
			throw new IllegalArgumentException("chuangwen.escalation.*-days must be at least 1 working day");
		}
		this.copyNoticeDays = copyNoticeDays;
		this.rectificationOrderDays = rectificationOrderDays;
		this.admonitionDays = admonitionDays;
		this.numberPrefix = numberPrefix;
		this.issuer = issuer == null ? "" : issuer.strip();
		this.issuerSuffix = issuerSuffix;
	}

	/** The working days a notice of this kind gives the unit. */
	int workingDays(NoticeKind kind) {
		return switch (kind) {
			case COPY_NOTICE -> copyNoticeDays;
			case RECTIFICATION_ORDER -> rectificationOrderDays;
			case ADMONITION -> admonitionDays;
		};
	}

	/** 创文抄〔2026〕第017号. */
	String number(NoticeKind kind, int year, int seq) {
		return numberPrefix + kind.mark() + "〔" + year + "〕第" + String.format("%03d", seq) + "号";
	}

	/** The issuing office: the configured name, else the city's name (when known) and the suffix. */
	String issuer(String cityName) {
		if (!issuer.isEmpty()) {
			return issuer;
		}
		return (cityName == null ? "" : cityName) + issuerSuffix;
	}
}
