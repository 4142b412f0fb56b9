package org.chuangwen.escalation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDraft;
import org.chuangwen.points.PointManagement;
import org.chuangwen.problems.NewProblem;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.shared.CalendarDay;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.WorkingCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named fixtures for the ladder: an open problem of a demo unit reported (and dispatched) at a chosen instant, at a
 * point of that unit made for the tests; closing it (claim, rectify with an after-photo, verify); a holiday; the
 * notices of a problem.
 */
@Component
class EscalationFixtures {

	/** A category with a short default deadline (占道经营, 4 working hours) handled by a department. */
	static final String CATEGORY = "B01";

	private final ProblemManagement problems;

	private final org.chuangwen.problems.ProblemDirectory directory;

	private final PointManagement points;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Blobs blobs;

	private final WorkingCalendar calendar;

	private final NoticeDirectory notices;

	private final TransactionTemplate transactions;

	private final Map<String, UUID> pointOfUnit = new ConcurrentHashMap<>();

	EscalationFixtures(ProblemManagement problems, org.chuangwen.problems.ProblemDirectory directory, PointManagement points, OrganisationDirectory organisation,
			UserAccounts accounts, Blobs blobs, WorkingCalendar calendar, NoticeDirectory notices,
			TransactionTemplate transactions) {
		this.problems = problems;
		this.directory = directory;
		this.points = points;
		this.organisation = organisation;
		this.accounts = accounts;
		this.blobs = blobs;
		this.calendar = calendar;
		this.notices = notices;
		this.transactions = transactions;
	}

	Actor actor(String username) {
		return accounts.actorFor(username);
	}

	/** A problem the campaign office reported at {@code reportedAt} at a point of the unit: dispatched to the unit. */
	Problem anOpenProblem(String unitCode, Instant reportedAt) {
		UUID point = pointOf(unitCode);
		Clock then = Clock.fixed(reportedAt, java.time.ZoneId.of("Asia/Shanghai"));
		Problem problem = transactions.execute(tx -> problems.at(then)
			.report(actor("office"), new NewProblem(CATEGORY, "测试占道经营 " + ThreadLocalRandom.current().nextInt(1_000_000),
					point, null, null, ProblemSource.OFFICE, List.of(), true)));
		if (problem.deadline() == null || problem.unitId() == null) {
			throw new IllegalStateException("the test problem was not dispatched: " + problem.status());
		}
		return problem;
	}

	/** Claims, rectifies (with an after-photo) and verifies the problem at {@code at}: it is closed. */
	void close(UUID problemId, Instant at) {
		Clock then = Clock.fixed(at, java.time.ZoneId.of("Asia/Shanghai"));
		transactions.executeWithoutResult(tx -> {
			Actor unitAdmin = unitAdminOf(directory.problem(problemId).orElseThrow().unitId());
			problems.at(then).transition(unitAdmin, problemId, ProblemCommand.of(ProblemAction.CLAIM));
			UUID photo = blobs.store(aJpeg(), "after.jpg", BlobUse.PHOTO, unitAdmin.userId()).id();
			problems.at(then).transition(unitAdmin, problemId,
					ProblemCommand.of(ProblemAction.RECTIFY).note("已清理").photos(List.of(photo)));
			problems.at(then).transition(actor("office"), problemId,
					ProblemCommand.of(ProblemAction.VERIFY).pass(true).note("核查通过"));
		});
	}

	/** The office re-checks the closed problem at {@code at} and fails it: a relapse, back at its unit. */
	Problem relapse(UUID problemId, Instant at) {
		Clock then = Clock.fixed(at, java.time.ZoneId.of("Asia/Shanghai"));
		return transactions.execute(tx -> problems.at(then).transition(actor("office"), problemId,
				ProblemCommand.of(ProblemAction.RECHECK).pass(false).note("回头看发现反弹")));
	}

	/** The office reopens the closed problem at {@code at}. */
	Problem reopen(UUID problemId, Instant at) {
		Clock then = Clock.fixed(at, java.time.ZoneId.of("Asia/Shanghai"));
		return transactions.execute(tx -> problems.at(then).transition(actor("office"), problemId,
				ProblemCommand.of(ProblemAction.REOPEN).note("群众再次反映")));
	}

	private Actor unitAdminOf(UUID unitId) {
		UUID account = accounts.enabledAccountsOfUnit(unitId, Role.UNIT_ADMIN).get(0);
		return accounts.actorById(account).orElseThrow();
	}

	/** The notices listing this problem, oldest first. */
	List<Notice> noticesOf(UUID problemId) {
		return notices.notices(null, new NoticeFilter(null, null, null, null, problemId), new PageRequest(0, 50))
			.items()
			.stream()
			.sorted(java.util.Comparator.comparing(Notice::issuedAt))
			.toList();
	}

	void holiday(LocalDate day) {
		transactions.executeWithoutResult(tx -> calendar.mark(day, CalendarDay.Kind.HOLIDAY, "测试假日", null));
	}

	void noHoliday(LocalDate day) {
		transactions.executeWithoutResult(tx -> {
			if (calendar.day(day).isPresent()) {
				calendar.unmark(day, null);
			}
		});
	}

	private UUID pointOf(String unitCode) {
		return pointOfUnit.computeIfAbsent(unitCode, code -> transactions.execute(tx -> {
			Unit unit = organisation.unitByCode(code).orElseThrow();
			String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
			Point point = points.create(actor("office"), new PointDraft("T-ESC-" + suffix, "督办测试点位" + suffix, "P05",
					"测试路 " + suffix + " 号", 30.25, 120.16, unit.jurisdictionId(), null, unit.id(), unit.mainLeaderId(),
					null));
			return point.id();
		}));
	}

	static byte[] aJpeg() {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		int seed = ThreadLocalRandom.current().nextInt();
		for (int x = 0; x < 32; x++) {
			for (int y = 0; y < 24; y++) {
				image.setRGB(x, y, (seed + x * 31 + y * 17) * 2654435761L > 0 ? 0x336699 ^ (x * y + seed) : 0xffcc00);
			}
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A minimal PDF document. */
	static byte[] aPdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
