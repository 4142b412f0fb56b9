package org.chuangwen.problems.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chuangwen.shared.web.HomeFigure;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemStatus;
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
 * The problem figures of the home page, as an htmx fragment ({@code GET /problems/home/figures?role=…}; the home page
 * lives in system, a lower floor, and loads it): per role the counts that matter, each linking to the list behind it.
 * <ul>
 * <li>campaign office: waiting to be registered, waiting to be dispatched, waiting for verification, reported upward,
 * overdue;</li>
 * <li>leader: open, overdue, closed and the share closed;</li>
 * <li>unit accounts: due today, overdue, to claim, being rectified, waiting for verification;</li>
 * <li>inspector and grid worker: the problems they reported by where they stand, and (inspectors) those waiting for
 * verification in their area.</li>
 * </ul>
 */
@Controller
class ProblemHomeFigures {


	private static final List<ProblemStatus> OPEN = List.of(ProblemStatus.REPORTED, ProblemStatus.REGISTERED,
			ProblemStatus.DISPATCHED, ProblemStatus.CLAIMED, ProblemStatus.RECTIFIED, ProblemStatus.REWORK,
			ProblemStatus.REPORTED_UPWARD, ProblemStatus.PARKED);

	private final ProblemDirectory directory;

	private final ProblemFigures figures;

	private final MessageSource messages;

	private final java.time.Clock clock;

	ProblemHomeFigures(ProblemDirectory directory, ProblemFigures figures, MessageSource messages, java.time.Clock clock) {
		this.directory = directory;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/problems/home/figures")
	String figures(@AuthenticationPrincipal Actor actor, @RequestParam String role, Model model) {
		Role as = actor.actingAs(role);
		List<HomeFigure> list = new ArrayList<>();
		switch (as) {
			case OFFICE_ADMIN -> {
				Map<ProblemStatus, Long> c = directory.countsByStatus(actor, ProblemFilter.none());
				list.add(status("toRegister", c, ProblemStatus.REPORTED, "warning"));
				list.add(status("toDispatch", c, ProblemStatus.REGISTERED, "warning"));
				list.add(status("toVerify", c, ProblemStatus.RECTIFIED, null));
				list.add(status("upward", c, ProblemStatus.REPORTED_UPWARD, null));
				list.add(overdue(actor, "/problems/board?overdue=true"));
			}
			case LEADER -> {
				Map<ProblemStatus, Long> c = directory.countsByStatus(actor, ProblemFilter.none());
				long open = OPEN.stream().mapToLong(c::get).sum();
				long closed = c.get(ProblemStatus.CLOSED);
				list.add(figure("open", open, "/problems/board", null));
				list.add(overdue(actor, "/problems/board?overdue=true"));
				list.add(figure("closed", closed, "/problems/board?status=CLOSED", "success"));
				list.add(new HomeFigure("closedShare", text("home.figure.problems.closedShare"),
						open + closed == 0 ? "—" : Math.round(100.0 * closed / (open + closed)) + "%", null, null));
			}
			case UNIT_ADMIN, UNIT_STAFF -> {
				Map<ProblemStatus, Long> c = directory.countsByStatus(actor, ProblemFilter.none());
				list.add(figure("dueToday", dueToday(actor), "/problems/inbox", "warning"));
				list.add(overdue(actor, "/problems/inbox"));
				list.add(figure("toClaim", c.get(ProblemStatus.DISPATCHED), "/problems/inbox", null));
				list.add(figure("rectifying", c.get(ProblemStatus.CLAIMED) + c.get(ProblemStatus.REWORK), "/problems/inbox", null));
				list.add(figure("awaitingVerification", c.get(ProblemStatus.RECTIFIED), "/problems/inbox", null));
			}
			case INSPECTOR, GRID_WORKER -> {
				Map<ProblemStatus, Long> mine = figures.reportedBy(actor);
				long total = mine.values().stream().mapToLong(Long::longValue).sum()
						- mine.get(ProblemStatus.MERGED); // merged ones count as the problem they went into
				list.add(figure("mine", total, "/problems/board", null));
				list.add(figure("mineWaiting", mine.get(ProblemStatus.REPORTED) + mine.get(ProblemStatus.REGISTERED),
						"/problems/board", null));
				list.add(figure("mineInHand", mine.get(ProblemStatus.DISPATCHED) + mine.get(ProblemStatus.CLAIMED)
						+ mine.get(ProblemStatus.REWORK) + mine.get(ProblemStatus.RECTIFIED) + mine.get(ProblemStatus.PARKED)
						+ mine.get(ProblemStatus.REPORTED_UPWARD), "/problems/board", null));
				list.add(figure("mineClosed", mine.get(ProblemStatus.CLOSED), "/problems/board?status=CLOSED", "success"));
				list.add(figure("mineRejected", mine.get(ProblemStatus.REJECTED), "/problems/board?status=REJECTED", null));
				if (as == Role.INSPECTOR) {
					Map<ProblemStatus, Long> c = directory.countsByStatus(actor, ProblemFilter.none());
					list.add(status("toVerify", c, ProblemStatus.RECTIFIED, "warning"));
				}
			}
			default -> throw new ForbiddenException();
		}
		model.addAttribute("heading", text("home.figures.problems"));
		model.addAttribute("figures", list);
		model.addAttribute("id", "figures-problems-" + as.name());
		return "fragments/figures :: list(heading=${heading}, figures=${figures}, id=${id})";
	}

	/** The caller's problems in hand whose deadline falls before the end of today (overdue ones included). */
	private long dueToday(Actor actor) {
		Instant endOfToday = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return directory.inbox(actor, PageRequest.of(0, 500))
			.items()
			.stream()
			.filter(l -> l.problem().status() != ProblemStatus.RECTIFIED && l.problem().deadline() != null
					&& l.problem().deadline().isBefore(endOfToday))
			.count();
	}

	private HomeFigure overdue(Actor actor, String href) {
		long n = directory.countOverdue(actor);
		return new HomeFigure("overdue", text("home.figure.problems.overdue"), String.valueOf(n), href, n > 0 ? "danger" : null);
	}

	private HomeFigure status(String key, Map<ProblemStatus, Long> counts, ProblemStatus status, String tone) {
		return figure(key, counts.get(status), "/problems/board?status=" + status.name(), tone);
	}

	private HomeFigure figure(String key, long value, String href, String tone) {
		return HomeFigure.count(key, text("home.figure.problems." + key), value, href, tone);
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

}
