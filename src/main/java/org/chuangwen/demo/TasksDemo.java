package org.chuangwen.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.NewBreakdownItem;
import org.chuangwen.tasks.Task;
import org.chuangwen.tasks.TaskAction;
import org.chuangwen.tasks.TaskCommand;
import org.chuangwen.tasks.TaskManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's task breakdown: about two thirds of the civilized-city standards broken down to the bureaus and
 * street offices that answer for them (some items with several responsible units), issued six weeks ago and worked on
 * since, so every state is present: waiting to be claimed, claimed, in progress, submitted with deliverables (small
 * generated PDFs stored through Blobs), returned with a reason, accepted — and some overdue. Deterministic for the
 * seed; the history is replayed at past instants through {@link TaskManagement#at}.
 */
@Component
class TasksDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(TasksDemo.class);

	/** Bureaus that answer for the standards, by a keyword of the content item's name. */
	private static final String[][] OWNERS = { { "交通", "JJ" }, { "公交", "JTJ" }, { "出租", "JTJ" }, { "厕所", "CGJ" },
			{ "政务", "ZWB" }, { "银行", "SWJ" }, { "窗口", "ZWB" }, { "医院", "WJW" }, { "宾馆", "WLJ" }, { "停车", "JJ" },
			{ "市场", "SCJ" }, { "商场", "SCJ" }, { "商业", "SWJ" }, { "治安", "GAJ" }, { "安全", "GAJ" }, { "市容", "CGJ" },
			{ "广场", "CGJ" }, { "工地", "ZJJ" }, { "垃圾", "CGJ" }, { "公园", "YLJ" }, { "绿", "YLJ" }, { "背街", "CGJ" },
			{ "城乡", "ZJJ" }, { "集镇", "NYJ" }, { "学校", "JYJ" }, { "未成年", "JYJ" }, { "志愿", "TW" }, { "文化", "WLJ" },
			{ "公益广告", "XCB" }, { "宣传", "XCB" }, { "网吧", "WLJ" }, { "诚信", "FGW" }, { "法治", "SFJ" }, { "生态", "STJ" },
			{ "水", "SLJ" }, { "无障碍", "CLJ" }, { "社区", "MZJ" }, { "养老", "MZJ" }, { "体育", "TYJ" } };

	private static final String[] STREET_OFFICES = { "U-LJ-01-01", "U-LJ-01-02", "U-LJ-02-01", "U-LJ-02-02", "U-LJ-03-01",
			"U-LJ-04-01" };

	private static final String[] RETURN_REASONS = { "整改前后对比照片不全，请补充主要点位的整改后照片。",
			"台账缺少活动签到表和现场照片，请补齐后重新提交。", "工作方案未明确责任人和完成时限，请细化后重新提交。",
			"统计数据与上报口径不一致，请按测评体系要求的口径重新测算。" };

	private static final String[] PROGRESS_NOTES = { "已制定工作方案，正在组织点位排查。", "已完成全部点位排查，问题清单已建立，正在整改。",
			"已召开专题推进会，整改完成约六成。", "已开展集中整治行动两次，正在整理台账。" };

	private final TaskManagement tasks;

	private final CriteriaDirectory criteria;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Blobs blobs;

	private final Clock clock;

	TasksDemo(TaskManagement tasks, CriteriaDirectory criteria, OrganisationDirectory organisation, UserAccounts accounts,
			Blobs blobs, Clock clock) {
		this.tasks = tasks;
		this.criteria = criteria;
		this.organisation = organisation;
		this.accounts = accounts;
		this.blobs = blobs;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public void load(DemoContext context) {
		long started = System.nanoTime();
		Actor office = accounts.actorFor("office");
		Campaign campaign = criteria.campaigns(office, new PageRequest(0, 50))
			.items()
			.stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED))
			.findFirst()
			.orElseThrow();
		Framework framework = criteria.activeFramework(campaign.id(), false).orElseThrow();
		CriterionTree tree = criteria.tree(framework.id());
		Random random = new Random(context.random().nextLong());
		Instant now = clock.instant();
		Instant issuedAt = now.minus(Duration.ofDays(45));
		TaskManagement past = tasks.at(Clock.fixed(issuedAt, clock.getZone()));
		Map<UUID, Actor> unitActors = new HashMap<>();
		for (String username : List.of("unit_admin", "street_admin", "police_admin")) {
			Actor a = accounts.actorFor(username);
			unitActors.put(a.unitId(), a);
		}
		List<NewBreakdownItem> breakdown = new ArrayList<>();
		int items = 0;
		int created = 0;
		int files = 0;
		for (Standard standard : tree.standards()) {
			if (random.nextInt(100) >= 65) {
				continue;
			}
			Criterion item = tree.criterion(standard.criterionId()).orElseThrow();
			String owner = "U-LJ-" + owner(item.name(), random);
			List<String> responsible = new ArrayList<>(List.of(owner));
			if (standard.methods().contains(AssessmentMethod.FIELD) && random.nextInt(100) < 35) {
				responsible.add(STREET_OFFICES[random.nextInt(STREET_OFFICES.length)]);
			}
			if (items % 9 == 0 && !responsible.contains(DemoCity.UNIT_URBAN_MANAGEMENT)) {
				responsible.add(DemoCity.UNIT_URBAN_MANAGEMENT); // the demo unit account has plenty to do
			}
			List<String> supporting = random.nextInt(100) < 50 ? List.of("U-LJ-" + OWNERS[random.nextInt(OWNERS.length)][1])
				.stream().filter(c -> !responsible.contains(c)).toList() : List.of();
			Unit lead = organisation.unitByCode(owner).orElseThrow();
			String leader = lead.mainLeaderId() == null ? null
					: organisation.person(lead.mainLeaderId()).map(p -> p.mobile()).orElse(null);
			// deadlines from two weeks before today to ten weeks after: some pass before the work is done
			LocalDate deadline = LocalDate.ofInstant(issuedAt, clock.getZone()).plusDays(31 + random.nextInt(85));
			breakdown.add(new NewBreakdownItem(framework.id(), standard.code(),
					title(item, standard), owner, responsible, supporting, leader, deadline, deliverables(standard),
					standard.maxScore() != null ? standard.maxScore() : item.maxScore() != null
							? item.maxScore().divide(BigDecimal.valueOf(Math.max(1, tree.standardsOf(item.id()).size())), 2,
									java.math.RoundingMode.HALF_UP)
							: BigDecimal.ONE));
			items++;
		}
		// one call: the standards, units and leaders are looked up once for the whole breakdown
		List<Task> issuedTasks = past.issueAll(office, breakdown);
		long issuedIn = (System.nanoTime() - started) / 1_000_000;
		for (Task task : issuedTasks) {
			created++;
			files += advance(task, office, unitActors, issuedAt, random);
		}
		log.info("Demo tasks loaded: {} breakdown items, {} tasks (issued in {} ms), {} deliverable files in {} ms", items,
				created, issuedIn, files, (System.nanoTime() - started) / 1_000_000);
	}

	/** Moves a task along a plausible path; answers how many files were submitted. */
	private int advance(Task task, Actor office, Map<UUID, Actor> unitActors, Instant issuedAt, Random random) {
		int roll = random.nextInt(100);
		int stage = roll < 14 ? 0 : roll < 28 ? 1 : roll < 46 ? 2 : roll < 62 ? 3 : roll < 72 ? 4 : 5;
		if (stage == 0) {
			return 0;
		}
		Actor unit = unitActors.computeIfAbsent(task.unitId(), this::unitActor);
		Instant at = issuedAt.plus(Duration.ofDays(1 + random.nextInt(3)));
		Task t = at(at).transition(unit, task.id(), new TaskCommand(TaskAction.CLAIM, null, List.of(), null));
		if (stage == 1) {
			return 0;
		}
		at = at.plus(Duration.ofDays(2 + random.nextInt(4)));
		t = at(at).transition(unit, t.id(), new TaskCommand(TaskAction.PROGRESS,
				PROGRESS_NOTES[random.nextInt(PROGRESS_NOTES.length)], List.of(), null));
		if (stage == 2) {
			return 0;
		}
		at = at.plus(Duration.ofDays(3 + random.nextInt(6)));
		// a handful of distinct documents: the same content is stored (and flushed to disk) once
		UUID file = blobs.store(pdf("Deliverable package " + (1 + random.nextInt(6)) + " of the Linjiang civilized-city campaign"),
				"成果材料-" + t.standardCode() + "-" + t.unitCode() + ".pdf", BlobUse.DELIVERABLE, unit.userId()).id();
		t = at(at).transition(unit, t.id(), new TaskCommand(TaskAction.SUBMIT, "已按要求完成，报送成果材料。", List.of(file), null));
		if (stage == 3) {
			return 1;
		}
		at = at.plus(Duration.ofDays(1 + random.nextInt(3)));
		if (stage == 4) {
			at(at).transition(office, t.id(), new TaskCommand(TaskAction.RETURN,
					RETURN_REASONS[random.nextInt(RETURN_REASONS.length)], List.of(), null));
			return 1;
		}
		at(at).transition(office, t.id(), new TaskCommand(TaskAction.ACCEPT, null, List.of(), null));
		return 1;
	}

	private TaskManagement at(Instant instant) {
		return tasks.at(Clock.fixed(instant, clock.getZone()));
	}

	/** An account of the unit's own (the unit's administrator) for units without a demo login. */
	private Actor unitActor(UUID unitId) {
		Unit unit = organisation.unit(unitId).orElseThrow();
		String path = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow().path();
		UUID user = UUID.nameUUIDFromBytes(("demo-unit-admin:" + unit.code()).getBytes(StandardCharsets.UTF_8));
		return new Actor(user, "demo-" + unit.code(), unit.name() + "管理员", Set.of(Role.UNIT_ADMIN), unit.id(),
				unit.jurisdictionId(), path);
	}

	private static String owner(String itemName, Random random) {
		for (String[] owner : OWNERS) {
			if (itemName.contains(owner[0])) {
				return owner[1];
			}
		}
		return OWNERS[random.nextInt(OWNERS.length)][1];
	}

	private static String title(Criterion item, Standard standard) {
		String text = standard.content();
		int cut = text.indexOf('，');
		String head = cut > 4 && cut < 24 ? text.substring(0, cut) : text.length() > 24 ? text.substring(0, 24) : text;
		return item.name() + "：" + head;
	}

	private static String deliverables(Standard standard) {
		List<String> parts = new ArrayList<>();
		if (standard.methods().contains(AssessmentMethod.FIELD)) {
			parts.add("点位排查整治台账、整改前后对比照片");
		}
		if (standard.methods().contains(AssessmentMethod.MATERIAL)) {
			parts.add("工作方案、工作总结及相关文件");
		}
		if (standard.methods().contains(AssessmentMethod.SURVEY)) {
			parts.add("宣传发动和群众知晓率提升措施");
		}
		if (standard.methods().contains(AssessmentMethod.ONLINE)) {
			parts.add("网上申报材料截图");
		}
		return parts.isEmpty() ? "工作台账" : String.join("；", parts);
	}

	/** A small, valid one-page PDF showing one line of (ASCII) text. */
	static byte[] pdf(String text) {
		String stream = "BT /F1 10 Tf 40 760 Td (" + text + ") Tj ET";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}
}
