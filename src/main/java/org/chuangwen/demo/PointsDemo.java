package org.chuangwen.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.ResponsibilityMap;
import org.chuangwen.points.LatLng;
import org.chuangwen.points.PointDraft;
import org.chuangwen.points.PointManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's map and points. 临江市's central area (about 11.7 km east–west by 6.7 km north–south around
 * 28.20°N 112.97°E) is cut into the 600 grids of the organisation: a lattice of 30 × 20 cells of 0.004° × 0.003°
 * (about 390 m × 330 m), whose inner corners are shifted a little so that grids look like city blocks while
 * neighbours still share their edges exactly. 南城区 lies south-west, 东湖区 south-east, 西山区 north-west, 北港区
 * north-east; a street is 5 × 5 cells, a community a column of 5 grids.
 * <p>
 * About 1,500 points of the 26 types are placed inside random grids (a community point in each community), each with
 * the unit that answers for that type (the bus company for bus stops, the district's urban management bureau for
 * toilets and roads, the block unit of the responsibility map for squares and commercial streets, the community or
 * street office for lanes…), the area leader from the responsibility map and a person of the responsible unit.
 * Deterministic for the seed.
 */
@Component
class PointsDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(PointsDemo.class);

	/** The south-west corner of the lattice and its cell size, degrees. */
	static final double SOUTH = 28.17, WEST = 112.91, CELL_LAT = 0.003, CELL_LNG = 0.004;

	static final int COLUMNS = 30, ROWS = 20;

	/** Each district's place in the 2 × 2 layout: column, row (row 0 is the south). */
	private static final int[][] DISTRICT_CELLS = { { 1, 0 }, { 0, 1 }, { 0, 0 }, { 1, 1 } };

	/**
	 * The point types: code, how many, who answers (a unit code under U-LJ-, or AREA = the block unit of the
	 * responsibility map, STREET = the street office, COMMUNITY = the community, DISTRICT = the district's urban
	 * management bureau; several separated by '/' are taken in turn), and name words.
	 */
	private static final String[][] TYPES = {
			{ "P01", "60", "COMMUNITY", "新时代文明实践站" }, { "P02", "6", "ZWB", "政务服务中心" },
			{ "P03", "60", "AREA", "工商银行/农业银行/建设银行/中国银行/交通银行/临江农商银行" },
			{ "P04", "40", "DL/YY1/HCZ/ZWB", "供电营业厅/医保服务窗口/火车站售票厅/不动产登记窗口" },
			{ "P05", "200", "GJ", "公交站" }, { "P06", "40", "GJ", "路公交车" }, { "P07", "30", "CZ1/CZ2", "出租车候客点" },
			{ "P08", "80", "DISTRICT", "公共厕所" }, { "P09", "20", "AREA", "广场" }, { "P10", "50", "WLJ", "宾馆/大酒店/商务酒店" },
			{ "P11", "25", "YLJ", "公园/游园" }, { "P12", "120", "COMMUNITY", "社区" }, { "P13", "40", "ZJJ", "建筑工地" },
			{ "P14", "10", "WLJ", "景区" }, { "P15", "60", "JYJ/XX1/XX2", "小学/中学" }, { "P16", "50", "SCJ", "购物广场/超市" },
			{ "P17", "20", "WJW/YY1/YY2", "医院/社区卫生服务中心" }, { "P18", "25", "WLJ", "图书馆/文化馆/博物馆/体育馆" },
			{ "P19", "80", "JJ", "路口" }, { "P20", "200", "STREET", "巷/里/弄" }, { "P21", "20", "AREA", "商业步行街" },
			{ "P22", "60", "CGJ/DISTRICT", "主干道" }, { "P23", "12", "STREET", "城乡接合部片区" }, { "P24", "30", "SCJ", "农贸市场" },
			{ "P25", "150", "WY1/WY2/WY3", "小区" }, { "P26", "8", "STREET", "集镇" } };

	private static final String[] ROADS = { "解放路", "人民路", "中山路", "建设路", "滨江大道", "文化路", "胜利路", "朝阳路",
			"五一路", "芙蓉路", "韶山路", "湘江路", "劳动路", "长沙路", "八一路", "东风路", "迎宾路", "黄兴路" };

	private static final String[] WORDS = { "东方", "金色", "阳光", "翠苑", "锦江", "和平", "新华", "紫荆", "丽景", "梧桐",
			"枫林", "海棠", "春天", "盛世", "世纪", "湘江", "碧水", "桂花" };

	private final PointManagement points;

	private final OrganisationDirectory organisation;

	private final ResponsibilityMap responsibilities;

	private final Map<UUID, java.util.Optional<UUID>> areaUnits = new HashMap<>();

	PointsDemo(PointManagement points, OrganisationDirectory organisation, ResponsibilityMap responsibilities) {
		this.points = points;
		this.organisation = organisation;
		this.responsibilities = responsibilities;
	}

	@Override
	public int order() {
		return 35;
	}

	/** One grid of the demo city and its four corners (south-west, south-east, north-east, north-west). */
	record DemoGrid(String code, String districtCode, String streetCode, String communityCode, int column, int row,
			LatLng[] corners) {

		/** A position inside the grid: (u, v) in (0, 1) across the cell, mapped bilinearly onto its corners. */
		LatLng at(double u, double v) {
			double lat = (1 - u) * (1 - v) * corners[0].lat() + u * (1 - v) * corners[1].lat() + u * v * corners[2].lat()
					+ (1 - u) * v * corners[3].lat();
			double lng = (1 - u) * (1 - v) * corners[0].lng() + u * (1 - v) * corners[1].lng() + u * v * corners[2].lng()
					+ (1 - u) * v * corners[3].lng();
			return new LatLng(lat, lng);
		}

		boolean onCityEdge() {
			return column == 0 || row == 0 || column == COLUMNS - 1 || row == ROWS - 1;
		}
	}

	@Override
	public void load(DemoContext context) {
		long started = System.nanoTime();
		Random random = new Random(context.random().nextLong());
		long jitterSeed = random.nextLong();
		List<DemoGrid> grids = grids(jitterSeed);
		Map<UUID, List<LatLng>> rings = new LinkedHashMap<>();
		for (DemoGrid g : grids) {
			rings.put(context.jurisdiction(g.code()), List.of(g.corners()));
		}
		points.defineGridBoundaries(null, rings);
		long boundariesDone = System.nanoTime();

		Map<String, List<DemoGrid>> byCommunity = new LinkedHashMap<>();
		grids.forEach(g -> byCommunity.computeIfAbsent(g.communityCode(), k -> new ArrayList<>()).add(g));
		List<DemoGrid> edge = grids.stream().filter(DemoGrid::onCityEdge).toList();
		Map<UUID, List<Person>> people = new HashMap<>();
		Map<UUID, String> communityNames = new HashMap<>();
		Map<UUID, java.util.Optional<UUID>> leaders = new HashMap<>();
		areaUnits.clear();
		List<PointDraft> drafts = new ArrayList<>();
		for (String[] type : TYPES) {
			String code = type[0];
			int count = Integer.parseInt(type[1]);
			String[] owners = type[2].split("/");
			String[] words = type[3].split("/");
			List<String> communities = new ArrayList<>(byCommunity.keySet());
			for (int i = 0; i < count; i++) {
				DemoGrid grid;
				if (code.equals("P12")) {
					List<DemoGrid> own = byCommunity.get(communities.get(i % communities.size()));
					grid = own.get(random.nextInt(own.size()));
				}
				else if (code.equals("P23") || code.equals("P26")) {
					grid = edge.get(random.nextInt(edge.size()));
				}
				else {
					grid = grids.get(random.nextInt(grids.size()));
				}
				LatLng at = grid.at(0.15 + 0.7 * random.nextDouble(), 0.15 + 0.7 * random.nextDouble());
				UUID community = context.jurisdiction(grid.communityCode());
				UUID unit = owner(context, owners[i % owners.length], grid, community);
				UUID leader = leaders.computeIfAbsent(community, c -> responsibilities.areaLeaderFor(c)).orElse(null);
				List<Person> staff = people.computeIfAbsent(unit, u -> organisation.peopleOf(null, u));
				UUID person = staff.isEmpty() ? null : staff.get(random.nextInt(staff.size())).id();
				String road = ROADS[random.nextInt(ROADS.length)];
				String word = words[i % words.length];
				String communityName = communityNames.computeIfAbsent(community,
						id -> organisation.jurisdiction(id).orElseThrow().name());
				String name = name(code, word, road, grid, communityName, i, random);
				String address = district(grid) + road + (1 + random.nextInt(400)) + "号";
				drafts.add(new PointDraft("LJ-%s-%04d".formatted(code, i + 1), name, code, address, at.lat(), at.lng(),
						community, context.jurisdiction(grid.code()), unit, leader, person));
			}
		}
		long drafted = System.nanoTime();
		points.createAll(null, drafts);
		log.info("Demo points: {} grid boundaries ({} ms), {} points (drafted in {} ms, created in {} ms)", rings.size(),
				(boundariesDone - started) / 1_000_000, drafts.size(), (drafted - boundariesDone) / 1_000_000,
				(System.nanoTime() - drafted) / 1_000_000);
	}

	private UUID owner(DemoContext context, String owner, DemoGrid grid, UUID community) {
		return switch (owner) {
			case "COMMUNITY" -> context.unit("U-" + grid.communityCode());
			case "STREET" -> context.unit("U-" + grid.streetCode());
			case "DISTRICT" -> context.unit("U-" + grid.districtCode() + "-CGJ");
			case "AREA" -> areaUnits.computeIfAbsent(community, c -> responsibilities.responsibleUnitFor(c))
				.orElse(context.unit("U-" + grid.streetCode()));
			default -> context.unit("U-LJ-" + owner);
		};
	}

	private static String district(DemoGrid grid) {
		int d = Integer.parseInt(grid.districtCode().substring(3)) - 1;
		return OrganisationDemo.DISTRICTS[d];
	}

	private static String name(String type, String word, String road, DemoGrid grid, String community, int i,
			Random random) {
		String place = WORDS[random.nextInt(WORDS.length)];
		return switch (type) {
			case "P01" -> community + word;
			case "P02" -> district(grid) + word;
			case "P03" -> word + road + "支行";
			case "P05" -> road + (1 + random.nextInt(30)) + "号" + word;
			case "P06" -> (1 + i) + word + "（" + road + "线）";
			case "P07" -> road + word;
			case "P08" -> road + "第" + (1 + random.nextInt(9)) + word;
			case "P12" -> community;
			case "P13" -> place + "府" + (1 + random.nextInt(5)) + "期" + word;
			case "P19" -> road + "与" + ROADS[random.nextInt(ROADS.length)] + word;
			case "P20" -> place + word;
			case "P22" -> road + "（" + district(grid) + "段）";
			case "P23", "P26" -> district(grid) + place + word;
			default -> place + word;
		};
	}

	/** The 600 grids on the lattice, with corners shifted by up to 18 % of a cell (the city's outline stays straight). */
	static List<DemoGrid> grids(long jitterSeed) {
		LatLng[][] lattice = new LatLng[COLUMNS + 1][ROWS + 1];
		for (int x = 0; x <= COLUMNS; x++) {
			for (int y = 0; y <= ROWS; y++) {
				double dLat = 0, dLng = 0;
				if (x > 0 && x < COLUMNS && y > 0 && y < ROWS) {
					Random r = new Random(jitterSeed ^ (x * 1_000_003L + y * 7_919L));
					dLng = (r.nextDouble() - 0.5) * 0.36 * CELL_LNG;
					dLat = (r.nextDouble() - 0.5) * 0.36 * CELL_LAT;
				}
				lattice[x][y] = new LatLng(round(SOUTH + y * CELL_LAT + dLat), round(WEST + x * CELL_LNG + dLng));
			}
		}
		List<DemoGrid> grids = new ArrayList<>();
		for (int d = 0; d < 4; d++) {
			String districtCode = DemoCity.CITY + "-%02d".formatted(d + 1);
			for (int s = 0; s < 6; s++) {
				String streetCode = districtCode + "-%02d".formatted(s + 1);
				for (int c = 0; c < 5; c++) {
					String communityCode = streetCode + "-%02d".formatted(c + 1);
					for (int g = 0; g < 5; g++) {
						int x = DISTRICT_CELLS[d][0] * 15 + (s % 3) * 5 + c;
						int y = DISTRICT_CELLS[d][1] * 10 + (s / 3) * 5 + g;
						LatLng[] corners = { lattice[x][y], lattice[x + 1][y], lattice[x + 1][y + 1], lattice[x][y + 1] };
						grids.add(new DemoGrid(communityCode + "-%02d".formatted(g + 1), districtCode, streetCode,
								communityCode, x, y, corners));
					}
				}
			}
		}
		return grids;
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}
}
