-- The escalation ladder in cycles (DOMAIN §8.1): a problem that was closed (its ladder stopped) and then reopened or
-- failed its re-check (a relapse, 反弹) climbs the ladder again when it becomes overdue again. Each climb is a cycle,
-- numbered from 1 per problem; one notice per step per problem per cycle.

alter table escalation_ladder add column cycle int not null default 1 check (cycle > 0);
-- when the current cycle began: a stop reported for an earlier moment (a late ProblemClosed event) leaves it alone
alter table escalation_ladder add column entered_at timestamptz;
update escalation_ladder l
set entered_at = coalesce((select min(n.issued_at) from notice_problem p join notice n on n.id = p.notice_id
                           where p.problem_id = l.problem_id), l.updated_at);
alter table escalation_ladder alter column entered_at set not null;

alter table notice_problem add column cycle int not null default 1 check (cycle > 0);
alter table notice_problem drop constraint notice_problem_problem_id_kind_key;
alter table notice_problem add constraint notice_problem_cycle_step unique (problem_id, cycle, kind);
