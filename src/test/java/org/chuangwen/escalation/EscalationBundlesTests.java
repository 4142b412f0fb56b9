package org.chuangwen.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The notices' texts exist in Chinese and English for every kind and state. */
class EscalationBundlesTests {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = EscalationBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages-escalation_en.properties").keySet())
			.containsExactlyInAnyOrderElementsOf(load("messages-escalation.properties").keySet());
	}

	@Test
	void everyKindAndStateHasItsTexts() throws IOException {
		for (String bundle : new String[] { "messages-escalation.properties", "messages-escalation_en.properties" }) {
			Properties texts = load(bundle);
			for (NoticeKind kind : NoticeKind.values()) {
				assertThat(texts).containsKeys(kind.messageKey(), "notice.doc.title." + kind.name(),
						"notice.doc.body." + kind.name(), "notifications.kind." + kind.name(),
						"notifications.step." + kind.name());
			}
			for (NoticeState state : NoticeState.values()) {
				assertThat(texts).containsKey(state.messageKey());
			}
		}
	}
}
