package org.chuangwen.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.organisation.OrganisationManagement.NewPerson;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.UnitType;
import org.springframework.stereotype.Component;

/**
 * The demo city's organisation: 临江市 with 4 districts, 24 streets, 120 communities and 600 grids; about 200 units
 * (city bureaus, district governments and offices, street offices, communities, companies, schools, hospitals),
 * each with a main leader and a liaison.
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
		for (var entry : context.units().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
			UUID unitId = entry.getValue();
			Person leader = organisation.createPerson(null, new NewPerson(name(random), unitId, "主要负责人", mobile(random), null));
			Person liaison = organisation.createPerson(null, new NewPerson(name(random), unitId, "创文联络员", mobile(random), null));
			organisation.setUnitLeaders(null, unitId, leader.id(), liaison.id());
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
