package org.chuangwen.inspections;

import java.util.List;

/**
 * The problem category a non-compliant item files under when the inspector picks none: derived from the words of the
 * standard (a toilet standard → 公厕卫生不洁, a parking one → 车辆乱停放, …), else by the point type, else "卫生死角".
 * The inspector can always choose another category on the checklist.
 */
final class DefaultCategories {

	private record Rule(String category, List<String> words) {
	}

	private static final List<Rule> BY_WORDS = List.of(
			new Rule("G03", List.of("厕所设施", "厕位", "洗手")),
			new Rule("G02", List.of("厕", "异味")),
			new Rule("F02", List.of("盲道")),
			new Rule("F01", List.of("无障碍")),
			new Rule("C03", List.of("消防通道")),
			new Rule("C02", List.of("非机动车", "共享单车")),
			new Rule("C01", List.of("停放", "停车")),
			new Rule("C05", List.of("闯红灯", "礼让", "交通秩序", "通行秩序")),
			new Rule("C04", List.of("标线", "信号灯", "交通设施")),
			new Rule("B01", List.of("占道")),
			new Rule("B02", List.of("出店", "跨门")),
			new Rule("B03", List.of("流动摊", "摊贩")),
			new Rule("B04", List.of("招牌", "户外广告")),
			new Rule("B05", List.of("私搭乱建", "违章建", "违法建")),
			new Rule("H01", List.of("扬尘")),
			new Rule("H02", List.of("围挡", "工地")),
			new Rule("H04", List.of("水体", "河道")),
			new Rule("J03", List.of("吸烟", "禁烟")),
			new Rule("J02", List.of("网吧", "未成年人")),
			new Rule("E03", List.of("核心价值观")),
			new Rule("E04", List.of("讲文明树新风")),
			new Rule("E02", List.of("破损陈旧")),
			new Rule("E01", List.of("公益广告", "宣传")),
			new Rule("A03", List.of("小广告", "牛皮癣", "乱贴")),
			new Rule("A04", List.of("乱涂", "乱画")),
			new Rule("A05", List.of("乱牵", "乱挂", "晾晒")),
			new Rule("A06", List.of("垃圾桶", "果皮箱")),
			new Rule("A01", List.of("垃圾")),
			new Rule("A02", List.of("堆放", "杂物")),
			new Rule("D03", List.of("路灯")),
			new Rule("D02", List.of("井盖")),
			new Rule("D01", List.of("路面", "坑洼", "破损")),
			new Rule("D05", List.of("绿化", "黄土")),
			new Rule("D04", List.of("设施")),
			new Rule("F04", List.of("服务", "文明用语", "窗口")),
			new Rule("J04", List.of("吐痰", "不文明行为", "秩序")),
			new Rule("A08", List.of("整洁", "干净", "清洁", "卫生")));

	private DefaultCategories() {
	}

	/** The default minor category for a standard's content at a point of the given type. */
	static String forStandard(String content, String pointTypeCode) {
		String text = content == null ? "" : content;
		for (Rule rule : BY_WORDS) {
			for (String word : rule.words()) {
				if (text.contains(word)) {
					return rule.category();
				}
			}
		}
		return switch (pointTypeCode == null ? "" : pointTypeCode) {
			case "P08" -> "G02";
			case "P13" -> "H02";
			case "P19" -> "C05";
			case "P24" -> "J01";
			case "P25", "P12" -> "I01";
			case "P01", "P02", "P03", "P04", "P10", "P16", "P17", "P18" -> "F04";
			default -> "A07";
		};
	}
}
