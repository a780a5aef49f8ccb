-- A follow-up's nominal date stays apart from its due date: snoozing moves due_date only, and the next occurrence of
-- a recurring one is counted from scheduled_date. anchor_date keeps the series first date, so every month from
-- Jan 31 goes Feb 28/29, Mar 31, Apr 30 rather than drifting to the 28th.
-- H2 commits each DDL statement on its own: if the process dies between them, Flyway runs this script again on the
-- next start, so every statement must be safe to repeat (IF NOT EXISTS works on H2 and PostgreSQL alike).
alter table follow_up add column if not exists scheduled_date date;
alter table follow_up add column if not exists anchor_date date;
create index if not exists follow_up_order_idx on follow_up (order_id);
create index if not exists follow_up_reason_idx on follow_up (customer_id, reason, status);
