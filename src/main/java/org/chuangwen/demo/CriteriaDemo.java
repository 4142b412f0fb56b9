package org.chuangwen.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CampaignKind;
import org.chuangwen.criteria.ChangeMarker;
import org.chuangwen.criteria.Comparator;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.CriteriaManagement;
import org.chuangwen.criteria.CriteriaManagement.FrameworkDetails;
import org.chuangwen.criteria.CriteriaManagement.NewCampaign;
import org.chuangwen.criteria.CriteriaManagement.NewIncident;
import org.chuangwen.criteria.CriteriaManagement.NewIndicator;
import org.chuangwen.criteria.CriteriaManagement.NewIndicatorValue;
import org.chuangwen.criteria.CriterionLevel;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.FrameworkDraft;
import org.chuangwen.criteria.NegativeEffect;
import org.chuangwen.criteria.QuantitativeIndicator;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo city's criteria: the civilized-city campaign with its active 2021 framework (9 categories, 59 content
 * items, 177 standards over the 26 point types, 30 negative-list items, quantitative indicators with reported values)
 * and the prerequisite framework on minors' moral education; a sanitary-city campaign whose framework maps some
 * standards to the civilized-city ones. Deterministic: codes are stable and named below for tests and later modules.
 */
@Component
public class CriteriaDemo implements DemoStep {

	/** The civilized-city campaign (全国文明城市) of 临江市. */
	public static final String CAMPAIGN_CIVILIZED = "LJ-WMCS";

	/** The sanitary-city campaign (国家卫生城市) of 临江市. */
	public static final String CAMPAIGN_SANITARY = "LJ-WSCS";

	public static final String FRAMEWORK_CIVILIZED = "全国文明城市测评体系（2021年版）";

	public static final String FRAMEWORK_MINORS = "未成年人思想道德建设测评体系";

	public static final String FRAMEWORK_SANITARY = "国家卫生城市评审标准（2021年版）";

	/** Content item 公交站点规范有序 and its first standard (applies to P05 bus stops only). */
	public static final String ITEM_BUS_STOPS = "Ⅲ-1";

	public static final String STANDARD_BUS_STOP_CLEAN = "Ⅲ-1-1";

	/** Content item 公共厕所管理 (P08). */
	public static final String ITEM_PUBLIC_TOILETS = "Ⅲ-5";

	/** Indicators: 公共交通分担率 &gt; 20 %, 生活垃圾无害化处理率 ≥ 95 %, 公益广告覆盖率 ≥ 60 %. */
	public static final String INDICATOR_TRANSIT_SHARE = "Q01";

	public static final String INDICATOR_WASTE_TREATMENT = "Q02";

	public static final String INDICATOR_AD_COVERAGE = "Q03";

	/** Negative-list items: the first is a veto, N05 deducts points. */
	public static final String NEGATIVE_VETO = "N01";

	public static final String NEGATIVE_DEDUCT = "N05";

	static final String[][] NEGATIVE_ITEMS = {
			{ "发生重特大安全生产责任事故，造成恶劣社会影响", "VETO" },
			{ "发生严重危害国家安全和社会稳定的重大事件", "VETO" },
			{ "发生重大群体性事件，处置不当造成严重后果", "VETO" },
			{ "党政领导干部发生严重违纪违法案件，造成恶劣影响", "SUSPEND" },
			{ "发生重大食品药品安全事故", "DEDUCT:2" },
			{ "发生重大环境污染事件或生态破坏事件", "DEDUCT:2" },
			{ "测评中弄虚作假、干扰测评工作", "REVOKE" },
			{ "发生重大未成年人伤害事件，处置不当造成恶劣影响", "DEDUCT:2" },
			{ "发生严重校园欺凌事件，造成恶劣社会影响", "DEDUCT:1" },
			{ "发生重大道路交通安全事故，负有主要责任", "DEDUCT:1" },
			{ "发生重大火灾事故，造成人员伤亡", "DEDUCT:1" },
			{ "发生拖欠农民工工资引发的群体性事件", "DEDUCT:1" },
			{ "发生重大医疗纠纷，处置不当造成恶劣影响", "DEDUCT:1" },
			{ "发生严重违反公序良俗的事件，被中央媒体曝光", "DEDUCT:1" },
			{ "发生重大网络舆情事件，处置不当", "DEDUCT:1" },
			{ "发生严重破坏文物和历史文化遗存的事件", "DEDUCT:1" },
			{ "发生重大非法集资案件，造成恶劣影响", "DEDUCT:1" },
			{ "发生严重虐待老人、儿童、残疾人事件", "DEDUCT:1" },
			{ "发生重大传染病疫情瞒报、缓报", "SUSPEND" },
			{ "发生重大学术不端、虚假宣传事件", "DEDUCT:0.5" },
			{ "城市环境卫生出现严重脏乱差问题，被媒体曝光", "DEDUCT:0.5" },
			{ "发生重大诚信缺失事件，造成恶劣影响", "DEDUCT:0.5" },
			{ "发生严重扰乱医疗、教学秩序事件", "DEDUCT:0.5" },
			{ "发生重大黑恶势力犯罪案件", "DEDUCT:1" },
			{ "发生重大毒品案件或涉毒群体性事件", "DEDUCT:0.5" },
			{ "发生严重暴力恐怖事件", "VETO" },
			{ "发生严重宗教极端事件", "DEDUCT:1" },
			{ "发生重大违规占用耕地、违法建设事件", "DEDUCT:0.5" },
			{ "发生拆迁引发的恶性事件", "DEDUCT:0.5" },
			{ "城市公共文明指数测评排名连续两年末位", "SUSPEND" } };

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CriteriaDemo.class);

	private final CriteriaManagement management;

	private final CriteriaDirectory directory;

	CriteriaDemo(CriteriaManagement management, CriteriaDirectory directory) {
		this.management = management;
		this.directory = directory;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void load(DemoContext context) {
		long started = System.nanoTime();
		loadCampaigns(context);
		log.info("Demo criteria loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void loadCampaigns(DemoContext context) {
		UUID city = context.jurisdiction(DemoCity.CITY);
		Campaign civilized = management.createCampaign(null, new NewCampaign(CAMPAIGN_CIVILIZED, "全国文明城市",
				CampaignKind.CIVILIZED_CITY, city, "临江市创建全国文明城市（2024—2026 年创建周期）"));
		FrameworkDraft draft = civilizedDraft();
		BigDecimal total = draft.nodes()
			.stream()
			.filter(n -> n.level() == CriterionLevel.I)
			.map(FrameworkDraft.Node::maxScore)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Framework main = management.createFramework(null, civilized.id(),
				new FrameworkDetails(FRAMEWORK_CIVILIZED, "2021", total, false, null, BigDecimal.valueOf(80)), draft);
		management.activate(null, main.id(), main.version());
		indicators(main.id(), context);
		management.recordIncident(null, main.id(), new NewIncident(
				directory.negativeItems(null, main.id()).stream().filter(i -> i.code().equals(NEGATIVE_DEDUCT)).findFirst()
					.orElseThrow().id(),
				LocalDate.of(2026, 9, 14), "南城区某学校食堂发生集体食物中毒事件，经市场监管部门调查认定为一般食品安全事故，按负面清单扣分。",
				"市市场监管局调查报告（临市监〔2026〕88号）"));

		Framework minors = management.createFramework(null, civilized.id(), new FrameworkDetails(FRAMEWORK_MINORS, "2021",
				new BigDecimal("100"), true, new BigDecimal("85"), new BigDecimal("20")), minorsDraft());
		management.activate(null, minors.id(), minors.version());

		Campaign sanitary = management.createCampaign(null, new NewCampaign(CAMPAIGN_SANITARY, "国家卫生城市",
				CampaignKind.SANITARY_CITY, city, "临江市巩固国家卫生城市成果（三城同创）"));
		Framework sanitaryFramework = management.createFramework(null, sanitary.id(), new FrameworkDetails(
				FRAMEWORK_SANITARY, "2021", new BigDecimal("20"), false, null, null), sanitaryDraft());
		management.activate(null, sanitaryFramework.id(), sanitaryFramework.version());
		CriterionTree sanitaryTree = directory.tree(sanitaryFramework.id());
		CriterionTree civilizedTree = directory.tree(main.id());
		String[][] mappings = { { "WS-Ⅲ-1-1", "Ⅲ-26-1" }, { "WS-Ⅲ-1-2", "Ⅲ-26-3" }, { "WS-Ⅲ-2-1", "Ⅲ-23-1" },
				{ "WS-Ⅲ-2-2", "Ⅲ-23-2" }, { "WS-Ⅲ-3-1", "Ⅲ-5-2" }, { "WS-Ⅲ-3-3", "Ⅲ-5-3" }, { "WS-Ⅲ-4-1", "Ⅲ-15-1" },
				{ "WS-Ⅲ-5-1", "Ⅲ-22-3" } };
		for (String[] mapping : mappings) {
			management.mapStandards(null, sanitaryTree.standardByCode(mapping[0]).orElseThrow().id(),
					civilizedTree.standardByCode(mapping[1]).orElseThrow().id());
		}
	}

	private void indicators(UUID frameworkId, DemoContext context) {
		Object[][] indicators = { { INDICATOR_TRANSIT_SHARE, "公共交通分担率", Comparator.GT, "20", "%", "U-LJ-JTJ", "Ⅲ-4" },
				{ INDICATOR_WASTE_TREATMENT, "生活垃圾无害化处理率", Comparator.GE, "95", "%", "U-LJ-CGJ", "Ⅲ-24" },
				{ INDICATOR_AD_COVERAGE, "公益广告覆盖率", Comparator.GE, "60", "%", "U-LJ-XCB", "Ⅲ-33" },
				{ "Q04", "注册志愿者占常住人口比例", Comparator.GE, "13", "%", "U-LJ-TW", "Ⅲ-39" },
				{ "Q05", "城市生活污水集中收集率", Comparator.GE, "70", "%", "U-LJ-SLJ", null },
				{ "Q06", "空气质量优良天数比率", Comparator.GE, "80", "%", "U-LJ-STJ", null } };
		String[][] values = { { "2026-Q2", "21.4" }, { "2026-Q3", "22.1" }, { "2026-Q2", "96.2" }, { "2026-Q3", "97.0" },
				{ "2026-Q2", "55.0" }, { "2026-Q3", "61.5" }, { "2026-Q3", "14.2" }, { "2026-Q3", "68.3" },
				{ "2026-Q3", "86.5" } };
		int[] perIndicator = { 2, 2, 2, 1, 1, 1 };
		int v = 0;
		for (int i = 0; i < indicators.length; i++) {
			Object[] row = indicators[i];
			QuantitativeIndicator indicator = management.addIndicator(null, frameworkId, new NewIndicator((String) row[0],
					(String) row[1], (Comparator) row[2], new BigDecimal((String) row[3]), (String) row[4],
					context.unit((String) row[5]), (String) row[6]));
			for (int k = 0; k < perIndicator[i]; k++, v++) {
				management.reportValue(null, indicator.id(), new NewIndicatorValue(values[v][0],
						new BigDecimal(values[v][1]), row[1] + values[v][0] + "统计报表", k == 0 ? null : "较上季度有所提升"));
			}
		}
	}

	/** Builds the civilized-city tree from the condensed table in {@code demo/criteria-framework.txt}. */
	static FrameworkDraft civilizedDraft() {
		List<String[]> lines = new ArrayList<>();
		for (String line : resource("demo/criteria-framework.txt").split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				lines.add(line.split("\\|"));
			}
		}
		Map<String, String> categoryCodes = new LinkedHashMap<>();
		Map<String, String> indicatorCodes = new LinkedHashMap<>();
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		List<FrameworkDraft.Node> items = new ArrayList<>();
		List<FrameworkDraft.Node> standards = new ArrayList<>();
		int itemNumber = 0;
		int standardNumber = 0;
		for (String[] line : lines) {
			String category = categoryCodes.computeIfAbsent(line[0], k -> "Ⅰ-" + (categoryCodes.size() + 1));
			String indicator = indicatorCodes.computeIfAbsent(line[0] + "/" + line[1], k -> "Ⅱ-" + (indicatorCodes.size() + 1));
			BigDecimal max = new BigDecimal(line[3]);
			sums.merge(category, max, BigDecimal::add);
			sums.merge(indicator, max, BigDecimal::add);
			String item = "Ⅲ-" + (++itemNumber);
			items.add(node(CriterionLevel.III, item, indicator, line[2], max, List.of(), List.of(), null, itemNumber));
			List<AssessmentMethod> methods = new ArrayList<>();
			for (String m : line[4].split("、")) {
				methods.add(switch (m) {
					case "M" -> AssessmentMethod.MATERIAL;
					case "S" -> AssessmentMethod.SURVEY;
					case "O" -> AssessmentMethod.ONLINE;
					default -> AssessmentMethod.FIELD;
				});
			}
			List<String> pointTypes = List.of(line[5].split("、"));
			String[] texts = line[6].split("；");
			for (int k = 0; k < texts.length; k++) {
				standardNumber++;
				ChangeMarker marker = standardNumber % 17 == 0 ? ChangeMarker.NEW
						: standardNumber % 23 == 0 ? ChangeMarker.REANGLED
								: standardNumber % 41 == 0 ? ChangeMarker.RETURNING : ChangeMarker.UNCHANGED;
				// a material or survey standard in a mixed item is assessed by its own methods only
				List<AssessmentMethod> own = methods.size() > 1 && k == texts.length - 1 ? methods.subList(1, methods.size())
						: methods.size() > 1 ? List.of(methods.get(0)) : methods;
				standards.add(node(CriterionLevel.STANDARD, item + "-" + (k + 1), item, texts[k], null, own, pointTypes,
						marker, k + 1));
			}
		}
		List<FrameworkDraft.Node> nodes = new ArrayList<>();
		int order = 0;
		for (var category : categoryCodes.entrySet()) {
			nodes.add(node(CriterionLevel.I, category.getValue(), null, category.getKey(), sums.get(category.getValue()),
					List.of(), List.of(), null, ++order));
		}
		order = 0;
		for (var indicator : indicatorCodes.entrySet()) {
			String categoryName = indicator.getKey().substring(0, indicator.getKey().indexOf('/'));
			nodes.add(node(CriterionLevel.II, indicator.getValue(), categoryCodes.get(categoryName),
					indicator.getKey().substring(indicator.getKey().indexOf('/') + 1), sums.get(indicator.getValue()),
					List.of(), List.of(), null, ++order));
		}
		nodes.addAll(items);
		nodes.addAll(standards);
		List<FrameworkDraft.NegativeItem> negative = new ArrayList<>();
		for (int i = 0; i < NEGATIVE_ITEMS.length; i++) {
			String[] effect = NEGATIVE_ITEMS[i][1].split(":");
			negative.add(new FrameworkDraft.NegativeItem(i + 2, "N%02d".formatted(i + 1), NEGATIVE_ITEMS[i][0],
					NegativeEffect.valueOf(effect[0]), effect.length > 1 ? new BigDecimal(effect[1]) : null));
		}
		return new FrameworkDraft(nodes, negative);
	}

	private static FrameworkDraft minorsDraft() {
		List<FrameworkDraft.Node> nodes = new ArrayList<>();
		String[][] tree = {
				{ "思想道德教育", "40", "理想信念教育", "20", "学校开展理想信念主题教育；少先队、共青团组织活动正常开展", "P15" },
				{ "思想道德教育", "40", "文明礼仪养成", "20", "学生文明礼貌、遵守公共秩序；开展文明礼仪实践活动", "P15、P18" },
				{ "成长环境", "35", "校园周边环境", "20", "校园周边200米内无网吧、歌舞娱乐场所；无流动摊贩和占道经营", "P15、P21" },
				{ "成长环境", "35", "文化市场", "15", "网吧不接纳未成年人；出版物市场无有害出版物", "P21、P16" },
				{ "关爱帮扶", "25", "关爱留守儿童", "15", "建立留守儿童关爱档案；开展结对帮扶活动", "P12、P26" },
				{ "关爱帮扶", "25", "心理健康", "10", "学校设心理辅导室并配备专兼职教师；开展心理健康教育", "P15" } };
		Map<String, String> categories = new LinkedHashMap<>();
		int item = 0;
		for (String[] row : tree) {
			String category = categories.get(row[0]);
			if (category == null) {
				category = "WC-Ⅰ-" + (categories.size() + 1);
				categories.put(row[0], category);
				nodes.add(node(CriterionLevel.I, category, null, row[0], new BigDecimal(row[1]), List.of(), List.of(),
						null, categories.size()));
				nodes.add(node(CriterionLevel.II, "WC-Ⅱ-" + categories.size(), category, row[0], new BigDecimal(row[1]),
						List.of(), List.of(), null, 1));
			}
			String code = "WC-Ⅲ-" + (++item);
			nodes.add(node(CriterionLevel.III, code, "WC-Ⅱ-" + categories.size(), row[2], new BigDecimal(row[3]),
					List.of(), List.of(), null, item));
			String[] texts = row[4].split("；");
			for (int k = 0; k < texts.length; k++) {
				nodes.add(node(CriterionLevel.STANDARD, code + "-" + (k + 1), code, texts[k], null,
						List.of(k == 0 ? AssessmentMethod.FIELD : AssessmentMethod.MATERIAL), List.of(row[5].split("、")),
						ChangeMarker.UNCHANGED, k + 1));
			}
		}
		return new FrameworkDraft(nodes, List.of());
	}

	private static FrameworkDraft sanitaryDraft() {
		String[][] tree = {
				{ "市容环境卫生", "4", "背街小巷和城中村", "4", "背街小巷路面平整、无暴露垃圾；无乱搭乱建、乱堆乱放", "P20、P23" },
				{ "市容环境卫生", "4", "生活垃圾", "4", "垃圾收集容器完好、分类设置；垃圾日产日清", "P12、P25" },
				{ "市容环境卫生", "4", "公共厕所", "4", "公厕免费开放、卫生整洁；设施完好、有专人管理；无明显异味", "P08" },
				{ "食品和生活饮用水安全", "4", "农贸市场", "4", "市场划行归市、环境整洁；活禽宰杀区域隔离", "P24" },
				{ "环境保护", "4", "建筑工地扬尘", "4", "工地围挡、物料覆盖、车辆冲洗到位", "P13" } };
		List<FrameworkDraft.Node> nodes = new ArrayList<>();
		Map<String, String> categories = new LinkedHashMap<>();
		int item = 0;
		for (String[] row : tree) {
			String category = categories.get(row[0]);
			if (category == null) {
				category = "WS-Ⅰ-" + (categories.size() + 1);
				categories.put(row[0], category);
				long items = java.util.Arrays.stream(tree).filter(r -> r[0].equals(row[0])).count();
				BigDecimal max = new BigDecimal(row[3]).multiply(BigDecimal.valueOf(items));
				nodes.add(node(CriterionLevel.I, category, null, row[0], max, List.of(), List.of(), null, categories.size()));
				nodes.add(node(CriterionLevel.II, "WS-Ⅱ-" + categories.size(), category, row[0], max, List.of(), List.of(),
						null, 1));
			}
			String code = "WS-Ⅲ-" + (++item);
			nodes.add(node(CriterionLevel.III, code, "WS-Ⅱ-" + categories.size(), row[2], new BigDecimal(row[3]),
					List.of(), List.of(), null, item));
			String[] texts = row[4].split("；");
			for (int k = 0; k < texts.length; k++) {
				nodes.add(node(CriterionLevel.STANDARD, code + "-" + (k + 1), code, texts[k], null,
						List.of(AssessmentMethod.FIELD), List.of(row[5].split("、")), ChangeMarker.UNCHANGED, k + 1));
			}
		}
		return new FrameworkDraft(nodes, List.of());
	}

	private static FrameworkDraft.Node node(CriterionLevel level, String code, String parent, String name,
			BigDecimal max, List<AssessmentMethod> methods, List<String> pointTypes, ChangeMarker marker, int order) {
		return new FrameworkDraft.Node(0, level, code, parent, name, max, methods, pointTypes, marker, order);
	}

	private static String resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
