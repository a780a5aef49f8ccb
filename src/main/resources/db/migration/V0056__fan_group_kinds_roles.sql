-- Groups as the owner runs them: WeChat / QQ groups, offline city circles and others, each with a capacity,
-- an optional eligibility segment, and members with a role, a joined date and (once they leave) a left date.
-- The V0006 kinds ('manual', 'smart') were never written by any screen; any row becomes 'other'.

alter table fan_group drop constraint fan_group_kind_ck;
update fan_group set kind = 'other';
alter table fan_group add constraint fan_group_kind_ck check (kind in ('wechat', 'qq', 'offline', 'other'));
-- the eligibility segment: a saved segment's name or a rule in the segment language (null: anyone may join)
alter table fan_group add column eligible_segment varchar(10000);
-- an offline circle's place (null for chat groups)
alter table fan_group add column city varchar(100);
alter table fan_group add constraint fan_group_capacity_ck check (max_members is null or max_members > 0);

alter table fan_group_member add column role varchar(10) default 'member' not null;
alter table fan_group_member add constraint fan_group_member_role_ck check (role in ('owner', 'admin', 'member'));
alter table fan_group_member add column left_at timestamp with time zone;
-- added although not meeting the eligibility segment (the owner confirmed), and when
alter table fan_group_member add column eligibility_exception boolean default false not null;
create index fan_group_member_current_idx on fan_group_member (group_id, left_at);
