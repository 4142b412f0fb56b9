package org.chuangwen.escalation.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chuangwen.shared.web.HomeFigure;
import org.chuangwen.escalation.Notice;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.escalation.NoticeKind;
import org.chuangwen.escalation.NoticeState;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notice figures of the home page, as an htmx fragment ({@code GET /notices/home/figures?role=…}, loaded by
 * system's home page, which sits below escalation): notices issued this week (since Monday in the city's zone) and
 * those still open; for a unit also the admonitions waiting for its written explanation.
 */
@Controller
class NoticeHomeFigures {


	/** At most this many of the newest notices are read to count this week's (shown as "200+" beyond). */
	static final int WEEK_WINDOW = 200;

	private final NoticeDirectory directory;

	private final MessageSource messages;

	private final java.time.Clock clock;

	NoticeHomeFigures(NoticeDirectory directory, MessageSource messages, java.time.Clock clock) {
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/notices/home/figures")
	String figures(@AuthenticationPrincipal Actor actor, @RequestParam String role, Model model) {
		Role as = actor.actingAs(role);
		if ( !(as == Role.OFFICE_ADMIN || as == Role.LEADER || as == Role.UNIT_ADMIN
				|| as == Role.UNIT_STAFF)) {
			throw new ForbiddenException();
		}
		Instant monday = LocalDate.now(clock)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.atStartOfDay(clock.getZone())
			.toInstant();
		List<Notice> newest = directory.notices(actor, NoticeFilter.none(), PageRequest.of(0, WEEK_WINDOW)).items();
		long thisWeek = newest.stream().filter(n -> !n.issuedAt().isBefore(monday)).count();
		String weekValue = thisWeek == WEEK_WINDOW ? WEEK_WINDOW + "+" : String.valueOf(thisWeek);
		long open = directory.notices(actor, new NoticeFilter(null, null, null, NoticeState.ISSUED, null), PageRequest.of(0, 1))
			.total();
		boolean unit = as == Role.UNIT_ADMIN || as == Role.UNIT_STAFF;
		List<HomeFigure> list = new ArrayList<>();
		list.add(new HomeFigure("thisWeek", text(unit ? "home.figure.notices.receivedThisWeek" : "home.figure.notices.issuedThisWeek"),
				weekValue, "/notices", thisWeek > 0 && unit ? "warning" : null));
		list.add(new HomeFigure("open", text("home.figure.notices.open"), String.valueOf(open), "/notices?state=ISSUED",
				open > 0 ? "warning" : null));
		if (unit) {
			long admonitions = directory.notices(actor, new NoticeFilter(NoticeKind.ADMONITION, null, null, NoticeState.ISSUED, null),
					PageRequest.of(0, 1)).total();
			list.add(new HomeFigure("explain", text("home.figure.notices.toExplain"), String.valueOf(admonitions),
					"/notices?kind=ADMONITION&state=ISSUED", admonitions > 0 ? "danger" : null));
		}
		model.addAttribute("heading", text("home.figures.notices"));
		model.addAttribute("figures", list);
		model.addAttribute("id", "figures-notices-" + as.name());
		return "fragments/figures :: list(heading=${heading}, figures=${figures}, id=${id})";
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}
}
