package org.chuangwen.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.FrontageDuty;

import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewCommandPost;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.organisation.OrganisationManagement.NewPerson;
import org.chuangwen.organisation.OrganisationManagement.NewResponsibility;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.ResponsibilityKind;
import org.chuangwen.organisation.UnitType;
import org.springframework.stereotype.Component;

/**
 * The demo city's organisation: 临江市 with 4 districts, 24 streets, 120 communities and 600 grids; about 200 units
 * (city bureaus, district governments and offices, street offices, communities, companies, schools, hospitals),
 * each with a main leader, a liaison and a few staff; ten special command posts with their member units; and a
 * responsibility map for every street and community, with road segments and shop fronts.
 */
@Component
class OrganisationDemo implements DemoStep {

	static final String[] DISTRICTS = { "东湖区", "西山区", "南城区", "北港区" };

	static final String[][] STREETS = {
			{ "解放路街道", "人民路街道", "东湖街道", "滨江街道", "桃园街道", "新华街道" },
			{ "西山街道", "白云街道", "青石街道", "枫林街道", "金桥街道", "翠屏街道" },
			{ "南门街道", "文昌街道", "朝阳街道", "望江街道", "龙泉街道", "双塘街道" },
			{ "北港街道", "海港街道", "长安街道", "和平街道", "振兴街道", "民主街道" } };

	static final String[] COMMUNITY_WORDS = { "花园", "幸福", "光明", "建设", "友谊", "红旗", "育才", "春晖", "长青", "明珠",
			"锦绣", "阳光", "康宁", "丰收", "新村", "东方", "团结", "胜利", "怡景", "丽都" };

	/** City bureaus: code suffix, name. The first entries are named fixtures. */
	static final String[][] BUREAUS = { { "CGJ", "临江市城市管理局" }, { "JJ", "临江市公安局交通警察支队" },
			{ "GAJ", "临江市公安局" }, { "ZJJ", "临江市住房和城乡建设局" }, { "SCJ", "临江市市场监督管理局" },
			{ "STJ", "临江市生态环境局" }, { "JTJ", "临江市交通运输局" }, { "WJW", "临江市卫生健康委员会" },
			{ "JYJ", "临江市教育局" }, { "WLJ", "临江市文化广电旅游局" }, { "MZJ", "临江市民政局" }, { "SWJ", "临江市商务局" },
			{ "YLJ", "临江市园林绿化局" }, { "SLJ", "临江市水务局" }, { "ZRJ", "临江市自然资源和规划局" }, { "TW", "共青团临江市委" },
			{ "FL", "临江市妇女联合会" }, { "ZGH", "临江市总工会" }, { "XCB", "中共临江市委宣传部" }, { "ZZB", "中共临江市委组织部" },
			{ "BB", "中共临江市委机构编制委员会办公室" }, { "CZJ", "临江市财政局" }, { "RSJ", "临江市人力资源和社会保障局" },
			{ "TJJ", "临江市统计局" }, { "SFJ", "临江市司法局" }, { "TYJ", "临江市体育局" }, { "NYJ", "临江市农业农村局" },
			{ "YJJ", "临江市应急管理局" }, { "ZWB", "临江市政务服务管理局" }, { "XFJ", "临江市信访局" }, { "CLJ", "临江市残疾人联合会" },
			{ "KX", "临江市科学技术协会" }, { "GXB", "临江市工业和信息化局" }, { "FGW", "临江市发展和改革委员会" },
			{ "TXJ", "临江市退役军人事务局" }, { "YCJ", "临江市烟草专卖局" }, { "DL", "国网临江供电公司" }, { "RF", "临江市人防办" } };

	static final String[][] ENTERPRISES = { { "GJ", "临江市公共交通集团有限公司", "ENTERPRISE" },
			{ "CZ1", "临江市大众出租汽车有限公司", "ENTERPRISE" }, { "CZ2", "临江市顺达出租汽车有限公司", "ENTERPRISE" },
			{ "WB", "临江市网吧行业协会", "ENTERPRISE" }, { "HCZ", "临江火车站", "ENTERPRISE" }, { "JC", "临江机场", "ENTERPRISE" },
			{ "WY1", "临江市城发物业服务有限公司", "PROPERTY_COMPANY" }, { "WY2", "临江市安居物业管理有限公司", "PROPERTY_COMPANY" },
			{ "WY3", "临江市锦华物业有限公司", "PROPERTY_COMPANY" }, { "XX1", "临江市第一中学", "SCHOOL" },
			{ "XX2", "临江市实验小学", "SCHOOL" }, { "XX3", "临江职业技术学院", "SCHOOL" }, { "YY1", "临江市人民医院", "HOSPITAL" },
			{ "YY2", "临江市中医院", "HOSPITAL" } };

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌建国志宏海波峰晨雪梅琳颖宇浩然欣怡子涵文博思远嘉俊";

	private final OrganisationManagement organisation;

	private final Set<String> mobiles = new HashSet<>();

	OrganisationDemo(OrganisationManagement organisation) {
		this.organisation = organisation;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void load(DemoContext context) {
		mobiles.clear();
		Random random = context.random();
		UUID city = jurisdiction(context, null, JurisdictionLevel.CITY, DemoCity.CITY, "临江市", 0);
		unit(context, DemoCity.UNIT_CITY_OFFICE, "临江市精神文明建设指导委员会办公室（创文办）", UnitType.CAMPAIGN_OFFICE, city, null);
		unit(context, "U-LJ-SZF", "临江市人民政府", UnitType.PARTY_GOVERNMENT, city, null);
		for (String[] bureau : BUREAUS) {
			unit(context, "U-LJ-" + bureau[0], bureau[1], UnitType.DEPARTMENT, city, null);
		}
		for (String[] enterprise : ENTERPRISES) {
			unit(context, "U-LJ-" + enterprise[0], enterprise[1], UnitType.valueOf(enterprise[2]), city, null);
		}
		int communityWord = 0;
		for (int d = 0; d < DISTRICTS.length; d++) {
			String districtCode = DemoCity.CITY + "-%02d".formatted(d + 1);
			UUID district = jurisdiction(context, city, JurisdictionLevel.DISTRICT, districtCode, DISTRICTS[d], d);
			UUID districtGov = unit(context, "U-" + districtCode + "-ZF", DISTRICTS[d] + "人民政府", UnitType.PARTY_GOVERNMENT,
					district, null);
			unit(context, "U-" + districtCode + "-WMB", DISTRICTS[d] + "文明办", UnitType.CAMPAIGN_OFFICE, district, districtGov);
			unit(context, "U-" + districtCode + "-CGJ", DISTRICTS[d] + "城市管理局", UnitType.DEPARTMENT, district, districtGov);
			for (int s = 0; s < STREETS[d].length; s++) {
				String streetCode = districtCode + "-%02d".formatted(s + 1);
				UUID street = jurisdiction(context, district, JurisdictionLevel.STREET, streetCode, STREETS[d][s], s);
				UUID streetOffice = unit(context, "U-" + streetCode, STREETS[d][s].replace("街道", "街道办事处"),
						UnitType.STREET_OFFICE, street, districtGov);
				for (int c = 0; c < 5; c++) {
					String communityCode = streetCode + "-%02d".formatted(c + 1);
					String communityName = COMMUNITY_WORDS[communityWord++ % COMMUNITY_WORDS.length]
							+ (communityWord > COMMUNITY_WORDS.length ? String.valueOf(1 + communityWord / COMMUNITY_WORDS.length) : "")
							+ "社区";
					UUID community = jurisdiction(context, street, JurisdictionLevel.COMMUNITY, communityCode,
							STREETS[d][s].replace("街道", "") + communityName, c);
					unit(context, "U-" + communityCode, STREETS[d][s].replace("街道", "") + communityName + "居民委员会",
							UnitType.COMMUNITY, community, streetOffice);
					for (int g = 0; g < 5; g++) {
						String gridCode = communityCode + "-%02d".formatted(g + 1);
						jurisdiction(context, community, JurisdictionLevel.GRID, gridCode, "第" + (g + 1) + "网格", g);
					}
				}
			}
		}
		Map<String, UUID> leaders = new HashMap<>();
		Map<String, List<UUID>> staff = new HashMap<>();
		for (var entry : context.units().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
			UUID unitId = entry.getValue();
			Person leader = organisation.createPerson(null, new NewPerson(name(random), unitId, "主要负责人", mobile(random), null));
			Person liaison = organisation.createPerson(null, new NewPerson(name(random), unitId, "创文联络员", mobile(random), null));
			organisation.setUnitLeaders(null, unitId, leader.id(), liaison.id());
			leaders.put(entry.getKey(), leader.id());
			List<UUID> people = new ArrayList<>(List.of(leader.id(), liaison.id()));
			int more = 1 + random.nextInt(3);
			for (int i = 0; i < more; i++) {
				String position = STAFF_POSITIONS[random.nextInt(STAFF_POSITIONS.length)];
				people.add(organisation.createPerson(null, new NewPerson(name(random), unitId, position, mobile(random), null)).id());
			}
			staff.put(entry.getKey(), people);
		}
		commandPosts(context, random, city);
		responsibilityMap(context, random, leaders, staff);
	}

	/** Command post name, code suffix, lead unit code suffix (under U-LJ-), member unit code suffixes. */
	static final String[][] COMMAND_POSTS = {
			{ "交通秩序整治指挥部", "JTZX", "JJ", "GAJ,JTJ,GJ,CZ1,CZ2,CGJ" },
			{ "市场秩序整治指挥部", "SCZX", "SCJ", "SWJ,CGJ,WJW,YCJ" },
			{ "环境卫生整治指挥部", "HJWS", "CGJ", "STJ,ZJJ,YLJ,SLJ,WY1,WY2,WY3" },
			{ "公益广告宣传指挥部", "GYGG", "XCB", "CGJ,WLJ,GJ,HCZ,JC" },
			{ "城市管理综合执法指挥部", "CSGL", "CGJ", "ZJJ,ZRJ,GAJ,SCJ" },
			{ "窗口服务提升指挥部", "CKFW", "ZWB", "WJW,YY1,YY2,HCZ,JC,DL,SWJ" },
			{ "未成年人思想道德建设指挥部", "WCNR", "JYJ", "TW,FL,WLJ,XX1,XX2,XX3,WB" },
			{ "老旧小区和背街小巷整治指挥部", "LJXQ", "ZJJ", "CGJ,WY1,WY2,WY3,MZJ" },
			{ "农贸市场整治指挥部", "NMSC", "SCJ", "NYJ,CGJ,STJ,WJW" },
			{ "志愿服务和文明风尚指挥部", "ZYFW", "XCB", "TW,FL,ZGH,MZJ,CLJ,TXJ" } };

	private static final String[] STAFF_POSITIONS = { "科长", "副科长", "办事员", "督查专员", "网格长", "片区负责人" };

	private static final String[] ROADS = { "解放路", "人民路", "中山路", "建设路", "滨江大道", "文化路", "胜利路", "朝阳路" };

	private static final String[] SHOPS = { "便民超市", "早餐店", "水果店", "药店", "理发店", "五金店", "面馆", "烟酒店" };

	/** About ten special command posts (专项整治指挥部), each led by a city bureau and commanded by a vice mayor. */
	private void commandPosts(DemoContext context, Random random, UUID city) {
		UUID government = context.unit("U-LJ-SZF");
		for (int i = 0; i < COMMAND_POSTS.length; i++) {
			String[] post = COMMAND_POSTS[i];
			Person commander = organisation.createPerson(null,
					new NewPerson(name(random), government, i == 0 ? "常务副市长" : "副市长", mobile(random), null));
			List<UUID> members = new ArrayList<>();
			for (String member : post[3].split(",")) {
				members.add(context.unit("U-LJ-" + member));
			}
			for (int d = 0; d < DISTRICTS.length; d++) {
				members.add(context.unit("U-" + DemoCity.CITY + "-%02d".formatted(d + 1) + "-ZF"));
			}
			organisation.createCommandPost(null, new NewCommandPost("CP-LJ-" + post[1], "临江市" + post[0], city,
					commander.id(), context.unit("U-LJ-" + post[2]), "负责全市" + post[0].replace("指挥部", "") + "工作的统筹调度和督导考核。",
					members));
		}
	}

	/**
	 * The responsibility map: every street is held by a city bureau (单位包街区) under a district leader (领导包片);
	 * every community by its street office or a district bureau under the street office's leader; two road segments
	 * per street with a segment chief (段长); two shop fronts per community with the shopkeeper at the door
	 * (包门点) and the five frontage duties (门前五包). The first street of 东湖区 is held by the city's urban management
	 * bureau (a named fixture: routing tests rely on it).
	 */
	private void responsibilityMap(DemoContext context, Random random, Map<String, UUID> leaders, Map<String, List<UUID>> staff) {
		int bureau = 0;
		for (int d = 0; d < DISTRICTS.length; d++) {
			String districtCode = DemoCity.CITY + "-%02d".formatted(d + 1);
			List<UUID> districtLeaders = staff.get("U-" + districtCode + "-ZF");
			for (int s = 0; s < STREETS[d].length; s++) {
				String streetCode = districtCode + "-%02d".formatted(s + 1);
				String blockUnit = streetCode.equals(DemoCity.STREET_EAST_1) ? DemoCity.UNIT_URBAN_MANAGEMENT
						: "U-LJ-" + BUREAUS[bureau++ % BUREAUS.length][0];
				organisation.createResponsibility(null, new NewResponsibility(context.jurisdiction(streetCode),
						ResponsibilityKind.AREA, STREETS[d][s], streetCode, districtLeaders.get(random.nextInt(districtLeaders.size())),
						context.unit(blockUnit), null, Set.of()));
				List<UUID> streetStaff = staff.get("U-" + streetCode);
				for (int r = 0; r < 2; r++) {
					String road = ROADS[(s + r + d) % ROADS.length];
					organisation.createResponsibility(null, new NewResponsibility(context.jurisdiction(streetCode),
							ResponsibilityKind.ROAD_SEGMENT, road + "（" + STREETS[d][s].replace("街道", "") + "段" + (r + 1) + "）",
							"RS-" + streetCode + "-" + (r + 1), null, context.unit("U-" + districtCode + "-CGJ"),
							streetStaff.get(random.nextInt(streetStaff.size())), Set.of()));
				}
				for (int c = 0; c < 5; c++) {
					String communityCode = streetCode + "-%02d".formatted(c + 1);
					UUID community = context.jurisdiction(communityCode);
					String holder = random.nextInt(3) == 0 ? "U-" + districtCode + "-CGJ" : "U-" + streetCode;
					organisation.createResponsibility(null, new NewResponsibility(community, ResponsibilityKind.AREA,
							"社区片区 " + communityCode, communityCode, leaders.get("U-" + streetCode), context.unit(holder), null,
							Set.of()));
					for (int f = 0; f < 2; f++) {
						String shop = SHOPS[random.nextInt(SHOPS.length)];
						Person keeper = organisation.createPerson(null,
								new NewPerson(name(random), null, "店主（" + shop + "）", mobile(random), community));
						Set<FrontageDuty> duties = random.nextInt(4) == 0
								? EnumSet.of(FrontageDuty.SANITATION, FrontageDuty.ORDER, FrontageDuty.CIVILITY)
								: EnumSet.allOf(FrontageDuty.class);
						organisation.createResponsibility(null, new NewResponsibility(community, ResponsibilityKind.SHOP_FRONT,
								ROADS[random.nextInt(ROADS.length)] + (10 + random.nextInt(300)) + "号" + shop,
								"SF-" + communityCode + "-" + (f + 1), null, context.unit("U-" + communityCode), keeper.id(), duties));
					}
				}
			}
		}
	}

	private UUID jurisdiction(DemoContext context, UUID parent, JurisdictionLevel level, String code, String name, int order) {
		UUID id = organisation.createJurisdiction(null, new NewJurisdiction(parent, level, code, name, order)).id();
		context.jurisdiction(code, id);
		return id;
	}

	private UUID unit(DemoContext context, String code, String name, UnitType type, UUID jurisdiction, UUID parent) {
		UUID id = organisation.createUnit(null, new NewUnit(code, name, type, jurisdiction, parent, null, null)).id();
		context.unit(code, id);
		return id;
	}

	static String name(Random random) {
		StringBuilder name = new StringBuilder();
		name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(3) == 0 ? 1 : 2;
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	String mobile(Random random) {
		List<String> prefixes = List.of("133", "135", "138", "139", "150", "158", "177", "186", "189");
		String mobile;
		do {
			mobile = prefixes.get(random.nextInt(prefixes.size())) + "%08d".formatted(random.nextInt(100_000_000));
		}
		while (!mobiles.add(mobile));
		return mobile;
	}
}
