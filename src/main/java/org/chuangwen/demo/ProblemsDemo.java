package org.chuangwen.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.chuangwen.blobs.BlobBatches;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointStatus;
import org.chuangwen.problems.NewProblem;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's problems: about 320 problems found on the demo points over the last five weeks by inspectors and
 * the office (some from the hotline and citizens), each moved along a plausible path through the real commands at
 * past instants, so every state is present with a consistent timeline: waiting to be registered or dispatched,
 * dispatched, claimed, rectified with after-photos, closed (some after rework), rejected, merged duplicates, disputed,
 * extension requested, parked, reported upward, relapsed after re-check — and overdue ones. The category's handling
 * units are set for the city (traffic categories to the traffic police, city appearance to urban management…).
 * Skipped when the city has no points. Deterministic for the seed.
 */
@Component
class ProblemsDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(ProblemsDemo.class);

	/** Handling units of the major classes for the whole city (routing's category fallback). */
	private static final String[][] HANDLING = { { "A", "CGJ" }, { "B", "CGJ" }, { "C", "JJ" }, { "D", "ZJJ" },
			{ "E", "XCB" }, { "F", "CLJ" }, { "G", "CGJ" }, { "H", "ZJJ" }, { "I", "ZJJ" }, { "J", "SCJ" } };

	private static final String[] DESCRIPTIONS = { "现场发现", "督查中发现", "巡查发现", "群众反映" };

	private static final String[] FAIL_REASONS = { "整改不彻底，现场仍有残留。", "照片角度与问题照片不一致，无法确认整改。",
			"复查时问题依旧存在。" };

	private final ProblemManagement problems;

	private final ProblemCategories categories;

	private final PointDirectory points;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Blobs blobs;

	private final BlobBatches batches;

	private final Clock clock;

	/** The photos' files of the running load: written as they come, flushed to disk together at the end. */
	private BlobBatches.Batch files;

	ProblemsDemo(ProblemManagement problems, ProblemCategories categories, PointDirectory points,
			OrganisationDirectory organisation, UserAccounts accounts, Blobs blobs, BlobBatches batches, Clock clock) {
		this.problems = problems;
		this.categories = categories;
		this.points = points;
		this.organisation = organisation;
		this.accounts = accounts;
		this.blobs = blobs;
		this.batches = batches;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void load(DemoContext context) {
		long started = System.nanoTime();
		Actor office = accounts.actorFor("office");
		List<Point> cityPoints = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			var found = points.search(office, new PointFilter(null, null, null, PointStatus.ACTIVE, null), new PageRequest(page, 500));
			cityPoints.addAll(found.items());
			if (!found.hasNext()) {
				break;
			}
		}
		if (cityPoints.isEmpty()) {
			log.info("Demo problems skipped: the city has no points");
			return;
		}
		UUID city = context.jurisdiction(DemoCity.CITY);
		List<ProblemCategory> minors = new ArrayList<>();
		for (ProblemCategories.Group g : categories.tree()) {
			for (String[] h : HANDLING) {
				if (h[0].equals(g.major().code())) {
					organisation.unitByCode("U-LJ-" + h[1]).ifPresent(u -> g.minors()
						.forEach(c -> categories.setHandlingUnitBySystem(c.code(), city, u.id())));
				}
			}
			minors.addAll(g.minors());
		}
		Random random = new Random(context.random().nextLong());
		Actor inspector = accounts.actorFor("inspector");
		Map<UUID, Actor> unitActors = new HashMap<>();
		for (String username : List.of("unit_admin", "street_admin", "police_admin")) {
			Actor a = accounts.actorFor(username);
			unitActors.put(a.unitId(), a);
		}
		Instant now = clock.instant();
		files = batches.open();
		int count = 320;
		int[] byStage = new int[12];
		List<Problem> open = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Point point = cityPoints.get(random.nextInt(cityPoints.size()));
			ProblemCategory category = minors.get(random.nextInt(minors.size()));
			Instant reportedAt = now.minus(Duration.ofMinutes(30 + random.nextInt(35 * 24 * 60)));
			boolean hotline = random.nextInt(100) < 12;
			Actor reporter = hotline || random.nextInt(100) < 20 ? office : inspector;
			ProblemSource source = hotline ? (random.nextBoolean() ? ProblemSource.HOTLINE : ProblemSource.CITIZEN) : null;
			UUID photo = storePhoto(photo(random.nextLong(), false), "问题照片.png", reporter);
			Problem p;
			try {
				p = at(reportedAt).report(reporter, new NewProblem(category.code(),
						point.name() + DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)] + category.name() + "。", point.id(),
						null, null, source, List.of(photo), true));
			}
			catch (DomainException ex) {
				log.debug("Demo problem at {} not reported: {}", point.code(), ex.getMessage());
				continue;
			}
			int stage = advance(p, office, inspector, unitActors, reportedAt, now, random, open);
			byStage[stage]++;
			open.add(p);
		}
		long flushStarted = System.nanoTime();
		int flushed = files.flush();
		files = null;
		log.info("Demo problems loaded: {} on {} points (paths {}) in {} ms ({} photo files flushed together in {} ms)",
				count, cityPoints.size(), java.util.Arrays.toString(byStage), (System.nanoTime() - started) / 1_000_000,
				flushed, (System.nanoTime() - flushStarted) / 1_000_000);
	}

	/** Moves a problem along a plausible path; answers which path it took. */
	private int advance(Problem p, Actor office, Actor inspector, Map<UUID, Actor> unitActors, Instant reportedAt,
			Instant now, Random random, List<Problem> earlier) {
		Instant t = reportedAt;
		Problem q = p;
		int roll = random.nextInt(100);
		if (q.status() == ProblemStatus.REPORTED) {
			t = t.plus(Duration.ofHours(1 + random.nextInt(20)));
			if (t.isAfter(now) || roll < 15) {
				return 0;
			}
			if (roll < 30) {
				at(t).transition(office, q.id(), ProblemCommand.of(ProblemAction.REJECT).note("经核实不属于创文问题范围。"));
				return 5;
			}
			q = at(t).transition(office, q.id(), ProblemCommand.of(ProblemAction.REGISTER).note("经核实属实，予以立案。"));
		}
		if (q.status() == ProblemStatus.REGISTERED) {
			t = t.plus(Duration.ofHours(1 + random.nextInt(6)));
			if (t.isAfter(now)) {
				return 0;
			}
			try {
				q = at(t).transition(office, q.id(), ProblemCommand.of(ProblemAction.DISPATCH)); // by the routing rules
			}
			catch (DomainException ex) {
				UUID unit = organisation.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow().id();
				q = at(t).transition(office, q.id(), ProblemCommand.of(ProblemAction.DISPATCH).unit(unit));
			}
		}
		if (roll >= 93 && !earlier.isEmpty()) {
			Problem into = earlier.get(random.nextInt(earlier.size()));
			try {
				at(t.plusSeconds(600)).transition(office, q.id(), ProblemCommand.of(ProblemAction.MERGE).into(into.id()));
				return 6;
			}
			catch (DomainException ex) {
				// the chosen problem is finished or elsewhere: keep this one
			}
		}
		Actor unit = unitActors.computeIfAbsent(q.unitId(), this::unitActor);
		t = t.plus(Duration.ofHours(1 + random.nextInt(30)));
		if (t.isAfter(now) || roll < 10) {
			return 1; // dispatched, not claimed (some overdue)
		}
		q = at(t).transition(unit, q.id(), ProblemCommand.of(ProblemAction.CLAIM));
		if (roll < 16) {
			return 2; // claimed
		}
		if (roll < 20 && !t.plus(Duration.ofHours(2)).isAfter(now) && !now.isAfter(q.deadline())) {
			at(t.plus(Duration.ofHours(2))).transition(unit, q.id(), new ProblemCommand(ProblemAction.DISPUTE,
					"该问题属于其他部门职责范围，请创文办协调。", null, null, null, null, List.of(), null, null, null));
			return 7;
		}
		if (roll < 23 && q.deadline().isAfter(t.plus(Duration.ofHours(1))) && !t.plus(Duration.ofHours(1)).isAfter(now)) {
			at(t.plus(Duration.ofHours(1))).transition(unit, q.id(), ProblemCommand.of(ProblemAction.EXTEND)
				.until(q.deadline().plus(Duration.ofDays(5))).note("需采购配件，申请延期五天。"));
			return 8;
		}
		if (roll < 25) {
			at(t.plus(Duration.ofHours(3))).transition(office, q.id(), ProblemCommand.of(ProblemAction.PARK)
				.until(now.plus(Duration.ofDays(60 + random.nextInt(120)))).note("纳入年度改造计划，分期实施。"));
			return 9;
		}
		if (roll < 27) {
			at(t.plus(Duration.ofHours(2))).transition(unit, q.id(), ProblemCommand.of(ProblemAction.REPORT_UPWARD)
				.note("涉及多个部门和资金，超出本单位处置权限，请求上级协调。"));
			return 10;
		}
		t = t.plus(Duration.ofHours(2 + random.nextInt(48)));
		if (t.isAfter(now)) {
			return 2;
		}
		q = at(t).transition(unit, q.id(), ProblemCommand.of(ProblemAction.RECTIFY).note("已整改完毕。")
			.photos(List.of(afterPhoto(unit, random))));
		t = t.plus(Duration.ofHours(2 + random.nextInt(30)));
		if (t.isAfter(now) || roll < 36) {
			return 3; // rectified, waiting for verification
		}
		if (roll < 46) {
			q = at(t).transition(inspector, q.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(false)
				.note(FAIL_REASONS[random.nextInt(FAIL_REASONS.length)]));
			t = t.plus(Duration.ofHours(4 + random.nextInt(30)));
			if (t.isAfter(now) || roll < 40) {
				return 4; // rework
			}
			q = at(t).transition(unit, q.id(), ProblemCommand.of(ProblemAction.RECTIFY).note("已返工整改。")
				.photos(List.of(afterPhoto(unit, random))));
			t = t.plus(Duration.ofHours(2 + random.nextInt(20)));
			if (t.isAfter(now)) {
				return 3;
			}
		}
		q = at(t).transition(inspector, q.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(true).note("现场核查已整改到位。"));
		t = t.plus(Duration.ofDays(5 + random.nextInt(10)));
		if (roll >= 88 && !t.isAfter(now)) {
			at(t).transition(inspector, q.id(), ProblemCommand.of(ProblemAction.RECHECK).pass(false)
				.note("回头看发现问题反弹。"));
			return 11;
		}
		return 3;
	}

	private UUID afterPhoto(Actor unit, Random random) {
		return storePhoto(photo(random.nextLong(), true), "整改后.png", unit);
	}

	/**
	 * Stores a photo through {@link Blobs#store} (row, photo facts, audit record as any upload), its file written first
	 * through the load's batch so that the disk is waited for once for all photos, not twice per photo.
	 */
	private UUID storePhoto(byte[] content, String filename, Actor uploader) {
		files.write(content);
		return blobs.store(content, filename, BlobUse.PHOTO, uploader.userId()).id();
	}

	private ProblemManagement at(Instant instant) {
		return problems.at(Clock.fixed(instant, clock.getZone()));
	}

	/** An account of the unit's own (the unit's administrator) for units without a demo login. */
	private Actor unitActor(UUID unitId) {
		Unit unit = organisation.unit(unitId).orElseThrow();
		String path = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow().path();
		UUID user = UUID.nameUUIDFromBytes(("demo-unit-admin:" + unit.code()).getBytes(StandardCharsets.UTF_8));
		return new Actor(user, "demo-" + unit.code(), unit.name() + "管理员", Set.of(Role.UNIT_ADMIN), unit.id(),
				unit.jurisdictionId(), path);
	}

	/** A small distinct picture of random blocks (greyish before, greenish after): perceptual hashes far apart. */
	static byte[] photo(long seed, boolean after) {
		Random r = new Random(seed);
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int x = 0; x < 64; x += 8) {
			for (int y = 0; y < 48; y += 8) {
				int v = r.nextInt(256);
				g.setColor(after ? new Color(v / 3, 120 + v / 2, v / 3) : new Color(v, v, (v + 40) % 256));
				g.fillRect(x, y, 8, 8);
			}
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
