-- Problem categories (问题分类, DOMAIN §8): a two-level taxonomy like the digital urban management standard's event
-- classes. A major class (大类) has no parent and no deadline; a minor class (小类) belongs to one major class and
-- carries the default deadline (a number of working hours or working days on the working-time calendar) and the
-- type of unit that usually answers for it. Seeded here, independent of any demo data: every city needs the taxonomy.
-- The campaign office edits deadlines and default units on /problems/categories.
create table problem_category (
    code              text    primary key check (code ~ '^[A-Z][0-9]{0,2}$'),
    parent_code       text    references problem_category (code),
    name              text    not null check (char_length(name) between 1 and 60),
    name_en           text    not null check (char_length(name_en) between 1 and 120),
    deadline_value    int     check (deadline_value between 1 and 1000),
    deadline_unit     text    check (deadline_unit in ('WORKING_HOURS', 'WORKING_DAYS')),
    default_unit_type text    check (default_unit_type in ('CAMPAIGN_OFFICE', 'PARTY_GOVERNMENT', 'DEPARTMENT',
                                                          'STREET_OFFICE', 'COMMUNITY', 'PROPERTY_COMPANY',
                                                          'ENTERPRISE', 'SCHOOL', 'HOSPITAL', 'OTHER')),
    sort_order        int     not null default 0,
    active            boolean not null default true,
    version           int     not null default 0,
    -- a major class has neither deadline nor unit type; a minor class has both and a major parent
    check ((parent_code is null and deadline_value is null and deadline_unit is null and default_unit_type is null)
        or (parent_code is not null and deadline_value is not null and deadline_unit is not null
            and default_unit_type is not null))
);
create index problem_category_parent on problem_category (parent_code, sort_order);

-- Which unit handles a category in a jurisdiction (the "category → department" routing fallback). Looked up from
-- the problem's jurisdiction upwards: the nearest node with an entry wins.
create table problem_category_unit (
    category_code   text not null references problem_category (code),
    jurisdiction_id uuid not null references jurisdiction (id),
    unit_id         uuid not null references unit (id),
    primary key (category_code, jurisdiction_id)
);

insert into problem_category (code, parent_code, name, name_en, sort_order) values
    ('A', null, '市容环境', 'City appearance and sanitation', 1),
    ('B', null, '街面秩序', 'Street order', 2),
    ('C', null, '交通秩序', 'Traffic order', 3),
    ('D', null, '公共设施', 'Public facilities', 4),
    ('E', null, '公益宣传', 'Public-service advertising', 5),
    ('F', null, '无障碍与窗口服务', 'Barrier-free access and public service', 6),
    ('G', null, '公共厕所', 'Public toilets', 7),
    ('H', null, '工地与生态', 'Construction sites and ecology', 8),
    ('I', null, '居民小区', 'Residential compounds', 9),
    ('J', null, '文明行为与市场', 'Civility and markets', 10);

insert into problem_category (code, parent_code, name, name_en, deadline_value, deadline_unit, default_unit_type, sort_order) values
    ('A01', 'A', '垃圾未及时清理（暴露垃圾）', 'Uncollected or exposed garbage', 4, 'WORKING_HOURS', 'STREET_OFFICE', 1),
    ('A02', 'A', '杂物乱堆放', 'Piled debris', 1, 'WORKING_DAYS', 'STREET_OFFICE', 2),
    ('A03', 'A', '牛皮癣/小广告', 'Illegal posters and small ads', 8, 'WORKING_HOURS', 'STREET_OFFICE', 3),
    ('A04', 'A', '乱涂乱画', 'Graffiti', 2, 'WORKING_DAYS', 'STREET_OFFICE', 4),
    ('A05', 'A', '乱牵乱挂/乱晾晒', 'Wires, banners or laundry hung in disorder', 1, 'WORKING_DAYS', 'STREET_OFFICE', 5),
    ('A06', 'A', '垃圾桶/果皮箱满溢破损', 'Overflowing or broken litter bins', 8, 'WORKING_HOURS', 'DEPARTMENT', 6),
    ('A07', 'A', '卫生死角/积存垃圾', 'Neglected corners with old rubbish', 2, 'WORKING_DAYS', 'STREET_OFFICE', 7),
    ('A08', 'A', '道路不洁/路面积水', 'Dirty road surface or standing water', 8, 'WORKING_HOURS', 'DEPARTMENT', 8),
    ('B01', 'B', '占道经营', 'Street-occupying trade', 4, 'WORKING_HOURS', 'DEPARTMENT', 1),
    ('B02', 'B', '店外经营/跨门经营', 'Trading outside the shop front', 8, 'WORKING_HOURS', 'DEPARTMENT', 2),
    ('B03', 'B', '流动摊贩', 'Mobile hawkers', 4, 'WORKING_HOURS', 'DEPARTMENT', 3),
    ('B04', 'B', '户外广告招牌破损或不规范', 'Damaged or irregular shop signs and billboards', 5, 'WORKING_DAYS', 'DEPARTMENT', 4),
    ('B05', 'B', '私搭乱建（违法建设）', 'Illegal structures', 20, 'WORKING_DAYS', 'DEPARTMENT', 5),
    ('B06', 'B', '露天烧烤/露天焚烧', 'Open-air barbecue or burning', 4, 'WORKING_HOURS', 'DEPARTMENT', 6),
    ('C01', 'C', '车辆乱停放', 'Vehicles parked in disorder', 4, 'WORKING_HOURS', 'DEPARTMENT', 1),
    ('C02', 'C', '非机动车/共享单车乱停放', 'Bicycles and shared bikes parked in disorder', 4, 'WORKING_HOURS', 'DEPARTMENT', 2),
    ('C03', 'C', '占用盲道/消防通道', 'Blind lanes or fire lanes blocked', 4, 'WORKING_HOURS', 'DEPARTMENT', 3),
    ('C04', 'C', '交通设施损坏/标线不清', 'Damaged traffic facilities or faded markings', 5, 'WORKING_DAYS', 'DEPARTMENT', 4),
    ('C05', 'C', '交通秩序混乱（闯红灯、不礼让行人）', 'Disorderly traffic (red lights, not yielding)', 1, 'WORKING_DAYS', 'DEPARTMENT', 5),
    ('D01', 'D', '道路破损/坑洼', 'Damaged road surface or potholes', 5, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('D02', 'D', '井盖缺失或破损', 'Missing or broken manhole covers', 4, 'WORKING_HOURS', 'DEPARTMENT', 2),
    ('D03', 'D', '路灯不亮/损坏', 'Street lights out or damaged', 3, 'WORKING_DAYS', 'DEPARTMENT', 3),
    ('D04', 'D', '座椅、健身器材等公共设施损坏', 'Damaged benches, fitness equipment and other facilities', 5, 'WORKING_DAYS', 'DEPARTMENT', 4),
    ('D05', 'D', '绿化带损毁/黄土裸露', 'Damaged green belts or bare soil', 5, 'WORKING_DAYS', 'DEPARTMENT', 5),
    ('D06', 'D', '护栏/隔离设施损坏', 'Damaged railings or barriers', 3, 'WORKING_DAYS', 'DEPARTMENT', 6),
    ('E01', 'E', '公益广告缺失', 'Public-service ads missing', 5, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('E02', 'E', '公益广告破损陈旧', 'Public-service ads damaged or outdated', 5, 'WORKING_DAYS', 'DEPARTMENT', 2),
    ('E03', 'E', '社会主义核心价值观宣传不到位', 'Core socialist values not displayed', 5, 'WORKING_DAYS', 'STREET_OFFICE', 3),
    ('E04', 'E', '“讲文明树新风”宣传栏缺失', 'Civility notice board missing', 5, 'WORKING_DAYS', 'COMMUNITY', 4),
    ('F01', 'F', '无障碍通道缺失或损坏', 'Barrier-free ramps missing or damaged', 10, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('F02', 'F', '盲道破损/中断', 'Tactile paving damaged or interrupted', 10, 'WORKING_DAYS', 'DEPARTMENT', 2),
    ('F03', 'F', '无障碍卫生间等设施缺失', 'Accessible toilets and facilities missing', 20, 'WORKING_DAYS', 'DEPARTMENT', 3),
    ('F04', 'F', '窗口单位服务不规范', 'Irregular service at public counters', 3, 'WORKING_DAYS', 'DEPARTMENT', 4),
    ('G01', 'G', '公厕标识缺失或不规范', 'Toilet signage missing or irregular', 5, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('G02', 'G', '公厕卫生不洁', 'Unclean public toilet', 4, 'WORKING_HOURS', 'DEPARTMENT', 2),
    ('G03', 'G', '公厕设施损坏', 'Damaged toilet fittings', 3, 'WORKING_DAYS', 'DEPARTMENT', 3),
    ('H01', 'H', '工地扬尘', 'Construction-site dust', 1, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('H02', 'H', '工地围挡破损/未围挡', 'Construction hoarding damaged or missing', 3, 'WORKING_DAYS', 'DEPARTMENT', 2),
    ('H03', 'H', '渣土车抛洒滴漏', 'Muck trucks spilling', 4, 'WORKING_HOURS', 'DEPARTMENT', 3),
    ('H04', 'H', '黑臭水体/水面漂浮物', 'Black, smelly water or floating rubbish', 10, 'WORKING_DAYS', 'DEPARTMENT', 4),
    ('I01', 'I', '小区环境脏乱差', 'Dirty and disorderly residential compound', 2, 'WORKING_DAYS', 'PROPERTY_COMPANY', 1),
    ('I02', 'I', '楼道堆物/飞线充电', 'Stairwell clutter or dangling charging cables', 1, 'WORKING_DAYS', 'PROPERTY_COMPANY', 2),
    ('I03', 'I', '不文明养犬/宠物粪便', 'Uncivil dog keeping or pet waste', 1, 'WORKING_DAYS', 'COMMUNITY', 3),
    ('I04', 'I', '楼顶乱搭乱建', 'Rooftop illegal structures', 20, 'WORKING_DAYS', 'STREET_OFFICE', 4),
    ('J01', 'J', '农贸市场秩序混乱', 'Disorderly farmers'' market', 2, 'WORKING_DAYS', 'DEPARTMENT', 1),
    ('J02', 'J', '网吧接纳未成年人', 'Internet café admitting minors', 1, 'WORKING_DAYS', 'DEPARTMENT', 2),
    ('J03', 'J', '禁烟标识缺失/公共场所吸烟', 'No-smoking signs missing or smoking in public places', 3, 'WORKING_DAYS', 'DEPARTMENT', 3),
    ('J04', 'J', '乱扔杂物/随地吐痰等不文明行为', 'Littering, spitting and other uncivil behaviour', 1, 'WORKING_DAYS', 'STREET_OFFICE', 4);
