-- The working-time calendar (shared.WorkingCalendar): days that break the week's rule. Unmarked days follow the week
-- (Monday to Friday work, Saturday and Sunday rest); a HOLIDAY is a day off (a public holiday or a weekend day inside a
-- holiday span), a WORKDAY is a weekend day worked in exchange (调休上班).
create table calendar_day (
    day     date    primary key,
    kind    text    not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name    text    not null check (length(name) between 1 and 50),
    version integer not null default 0,
    check (kind <> 'WORKDAY' or extract(isodow from day) in (6, 7))
);

-- 2026 as announced by the General Office of the State Council on 2025-11-04 (国务院办公厅关于2026年部分节假日安排的通知).
-- The 2027 arrangement is not announced yet: the office adds it on /admin/calendar when it is.
insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
from (values
        ('2026-01-01'::date, '2026-01-03'::date, '元旦'),
        ('2026-02-15', '2026-02-23', '春节'),
        ('2026-04-04', '2026-04-06', '清明节'),
        ('2026-05-01', '2026-05-05', '劳动节'),
        ('2026-06-19', '2026-06-21', '端午节'),
        ('2026-09-25', '2026-09-27', '中秋节'),
        ('2026-10-01', '2026-10-07', '国庆节')) as h (first, last, name),
     generate_series(h.first, h.last, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');
