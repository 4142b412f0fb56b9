-- A deadline may carry its own ladder in minutes before it falls due (weekly and daily reports are due hours after
-- their draft, so the jurisdiction's offsets in days would all be past at once). Null: the offsets in days apply.
alter table tracked_deadline
    add column liaison_lead_minutes int,
    add column head_lead_minutes    int,
    add column leader_lead_minutes  int,
    add constraint tracked_deadline_lead_times check (
        (liaison_lead_minutes is null and head_lead_minutes is null and leader_lead_minutes is null)
        or (leader_lead_minutes >= 0 and head_lead_minutes > leader_lead_minutes
            and liaison_lead_minutes > head_lead_minutes and liaison_lead_minutes <= 10080));
