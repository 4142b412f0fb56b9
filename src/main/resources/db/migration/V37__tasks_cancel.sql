-- A task may be cancelled by the campaign office (已撤销, with a reason): final, never overdue, not reminded of.
alter table task drop constraint task_status_check;
alter table task add constraint task_status_check
    check (status in ('ISSUED', 'CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'CANCELLED'));
drop index task_open_deadline;
create index task_open_deadline on task (deadline) where status not in ('ACCEPTED', 'CANCELLED');
