package org.chuangwen.escalation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationSettingsTests {

	private final EscalationSettings defaults = new EscalationSettings(2, 3, 5, "创文", "",
			"创建全国文明城市工作指挥部办公室");

	@Test
	void numbersCarryPrefixKindYearAndThreeDigits() {
		assertThat(defaults.number(NoticeKind.COPY_NOTICE, 2026, 17)).isEqualTo("创文抄〔2026〕第017号");
		assertThat(defaults.number(NoticeKind.RECTIFICATION_ORDER, 2026, 3)).isEqualTo("创文整〔2026〕第003号");
		assertThat(defaults.number(NoticeKind.ADMONITION, 2027, 1)).isEqualTo("创文约〔2027〕第001号");
		assertThat(defaults.number(NoticeKind.COPY_NOTICE, 2026, 1234)).isEqualTo("创文抄〔2026〕第1234号");
	}

	@Test
	void eachKindGivesItsOwnWorkingDays() {
		assertThat(defaults.workingDays(NoticeKind.COPY_NOTICE)).isEqualTo(2);
		assertThat(defaults.workingDays(NoticeKind.RECTIFICATION_ORDER)).isEqualTo(3);
		assertThat(defaults.workingDays(NoticeKind.ADMONITION)).isEqualTo(5);
	}

	@Test
	void issuerIsTheCityOfficeUnlessConfigured() {
		assertThat(defaults.issuer("临江市")).isEqualTo("临江市创建全国文明城市工作指挥部办公室");
		EscalationSettings configured = new EscalationSettings(2, 3, 5, "创文", "临江市文明办", "x");
		assertThat(configured.issuer("临江市")).isEqualTo("临江市文明办");
	}

	@Test
	void refusesANoticeWithoutWorkingDays() {
		assertThatThrownBy(() -> new EscalationSettings(0, 3, 5, "创文", "", "x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theLadderClimbsInOrderAndEndsAtTheAdmonition() {
		assertThat(NoticeKind.COPY_NOTICE.next()).contains(NoticeKind.RECTIFICATION_ORDER);
		assertThat(NoticeKind.RECTIFICATION_ORDER.next()).contains(NoticeKind.ADMONITION);
		assertThat(NoticeKind.ADMONITION.next()).isEmpty();
		assertThat(NoticeKind.ADMONITION.isAfter(NoticeKind.COPY_NOTICE)).isTrue();
		assertThat(NoticeKind.COPY_NOTICE.isAfter(NoticeKind.COPY_NOTICE)).isFalse();
		assertThat(NoticeKind.COPY_NOTICE.isAfter(null)).isTrue();
	}
}
