-- Tiers move off the customer row into their own narrow table (ADR 0025). H2 rewrites the whole wide customer row
-- (and its undo image) for each tier change: the first full fill at 300,000 customers cost 33 s of CPU, the same
-- writes into a two-column table under 2 s. A customer without a row has no tier (no paid order, merged, erased).
-- The list sorts by tier through customer_tier_sort_idx (customers without a tier are read by id, see
-- CustomerListRepository); segments, groups, cities, the profile and exports join this table.
create table customer_tier (
    customer_id bigint      not null primary key references customer (id) on delete cascade,
    tier        varchar(20) not null,
    constraint customer_tier_tier_ck check (tier in ('iron_fan', 'vip', 'regular', 'new', 'lapsed'))
);
create index customer_tier_sort_idx on customer_tier (tier, customer_id);

insert into customer_tier (customer_id, tier) select id, tier from customer where tier is not null;

alter table customer drop constraint customer_tier_ck;
/* [jooq ignore start] */
-- sort_tier (V0040) is computed from tier and unknown to jOOQ; both go in one statement (H2 copies the table per
-- statement, see V0040)
drop index if exists customer_sort_tier_idx;
alter table customer drop column sort_tier, tier;
/* [jooq ignore stop] */
alter table customer drop column if exists tier;
