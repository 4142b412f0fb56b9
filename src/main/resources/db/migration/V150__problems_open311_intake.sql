-- Problems side of Open311 GeoReport v2 (issue 7, open311 module):
-- 1. a new source, OPEN311: reports sent by third-party apps through /open311/v2 with an API key. Like citizens'
--    reports it is not trusted: the problem waits in REPORTED until the campaign office registers, merges or rejects it.
alter table problem drop constraint problem_source_check;
alter table problem add constraint problem_source_check check (source in ('INSPECTION', 'GRID_PATROL', 'OFFICE',
    'LEADER_INSTRUCTION', 'UPPER_FEEDBACK', 'CITIZEN', 'HOTLINE', 'MEDIA', 'OPEN311')) not valid;
alter table problem validate constraint problem_source_check;

-- 2. Extra questions a category asks of the reporter (Open311: the attributes of a service definition). Owned by the
--    problem taxonomy; choices of a single/multiple-choice question as [{"key": "...", "name": "...", "nameEn": "..."}].
create table problem_category_question (
    category_code text    not null references problem_category (code),
    code          text    not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    datatype      text    not null check (datatype in ('STRING', 'NUMBER', 'DATETIME', 'TEXT', 'SINGLE_CHOICE',
                                                       'MULTIPLE_CHOICE')),
    required      boolean not null default false,
    prompt        text    not null check (char_length(prompt) between 1 and 200),
    prompt_en     text    not null check (char_length(prompt_en) between 1 and 200),
    hint          text,
    hint_en       text,
    sort_order    int     not null default 1 check (sort_order >= 1),
    choices       jsonb   not null default '[]'::jsonb,
    primary key (category_code, code),
    check ((datatype in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')) = (jsonb_array_length(choices) > 0))
);

-- The reporter's answers (one row per value; a multiple-choice answer has several rows).
create table problem_answer (
    problem_id    uuid not null references problem (id),
    question_code text not null,
    value         text not null check (char_length(value) between 1 and 2000),
    primary key (problem_id, question_code, value)
);

-- A few categories ask questions out of the box (every city has the taxonomy, so these are seeded like it).
insert into problem_category_question (category_code, code, datatype, required, prompt, prompt_en, hint, hint_en, sort_order, choices) values
    ('A06', 'bin_state', 'SINGLE_CHOICE', true, '垃圾桶的情况', 'State of the bin', null, null, 1,
     '[{"key": "overflowing", "name": "满溢", "nameEn": "Overflowing"}, {"key": "broken", "name": "破损", "nameEn": "Broken"}, {"key": "missing", "name": "缺失", "nameEn": "Missing"}]'),
    ('A06', 'bin_count', 'NUMBER', false, '涉及几个垃圾桶', 'How many bins', '填写数字，如 2', 'A number, e.g. 2', 2, '[]'),
    ('C01', 'vehicle_kind', 'SINGLE_CHOICE', true, '车辆类型', 'Kind of vehicle', null, null, 1,
     '[{"key": "car", "name": "小汽车", "nameEn": "Car"}, {"key": "truck", "name": "货车", "nameEn": "Truck"}, {"key": "motorbike", "name": "摩托车/电动车", "nameEn": "Motorbike or e-bike"}]'),
    ('C01', 'plate', 'STRING', false, '车牌号（如能看清）', 'Licence plate (if legible)', '如 湘A12345', 'e.g. 湘A12345', 2, '[]'),
    ('D02', 'danger', 'SINGLE_CHOICE', true, '是否已造成危险', 'Is it dangerous now', null, null, 1,
     '[{"key": "open_hole", "name": "井口敞开，有坠落危险", "nameEn": "Open hole, risk of falling"}, {"key": "loose", "name": "井盖松动或破损", "nameEn": "Loose or cracked cover"}]'),
    ('D04', 'facility', 'MULTIPLE_CHOICE', true, '损坏的设施', 'Damaged facilities', '可多选', 'Choose one or more', 1,
     '[{"key": "bench", "name": "座椅", "nameEn": "Bench"}, {"key": "fitness", "name": "健身器材", "nameEn": "Fitness equipment"}, {"key": "shelter", "name": "候车亭", "nameEn": "Bus shelter"}, {"key": "other", "name": "其他", "nameEn": "Other"}]'),
    ('D04', 'noticed_at', 'DATETIME', false, '发现时间', 'When you noticed it', 'W3C 格式，如 2026-11-25T08:30:00+08:00', 'W3C format, e.g. 2026-11-25T08:30:00+08:00', 2, '[]');

-- 3. Open311 GET requests (problems reported in a time window, newest first, over the whole tree) is served by the
--    index problem_created (created_at desc, id desc) that V72 already made; narrower filters by the created_at
--    indexes of V56 (status, category, scope). Apps mostly ask for the open ones (a map of what is still to fix); they
--    are about a tenth of the window, so they get a partial index read in order. Measured by bench/open311-bench.sh.
create index problem_open_created on problem (created_at desc, id desc)
    where status not in ('CLOSED', 'REJECTED', 'MERGED');
