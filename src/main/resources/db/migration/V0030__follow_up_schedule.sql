-- A follow-up's nominal date stays apart from its due date: snoozing moves due_date only, and the next occurrence of
-- a recurring one is counted from scheduled_date. anchor_date keeps the series first date, so every month from
-- Jan 31 goes Feb 28/29, Mar 31, Apr 30 rather than drifting to the 28th.
alter table follow_up add column scheduled_date date;
alter table follow_up add column anchor_date date;
create index follow_up_order_idx on follow_up (order_id);
create index follow_up_reason_idx on follow_up (customer_id, reason, status);
