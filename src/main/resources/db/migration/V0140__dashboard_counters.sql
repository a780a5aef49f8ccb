-- Dashboard counters (issue 15, ADR 0033): at 300,000 customers the places, the channel funnel and the buyer counts
-- read every customer (1.1-1.3 s each). They are now small counts kept beside the aggregates of ADR 0021, changed in
-- the same transaction as a customer's buyer_day/buyer_first rows and checked by `db check` against a full count.

-- Each live customer's place and furthest channel state (0 known, 1 exported, 2 requested, 3 connected; null: no
-- channel), as counted: a change subtracts the customer's old row and adds the new one.
create table buyer_fact (
    customer_id bigint       not null primary key,
    province    varchar(100),
    city        varchar(100),
    funnel_best integer
);

-- kind 'place' (platform, province, city: buyers), 'funnel' (best state: live customers), 'buyers' and 'repeaters'
-- (platform: buyer_first rows, those with a second bought day). '' stands for none in the name columns.
create table insight_count (
    kind     varchar(20)  not null,
    platform varchar(20)  not null,
    name1    varchar(100) not null,
    name2    varchar(100) not null,
    n        bigint       not null,
    primary key (kind, platform, name1, name2)
);

insert into buyer_fact (customer_id, province, city, funnel_best)
select c.id, c.province, c.city, (select max(case ch.funnel_state when 'connected' then 3 when 'requested' then 2
        when 'exported' then 1 else 0 end) from contact_channel ch where ch.customer_id = c.id)
from customer c where c.merged_into_id is null and c.erased_at is null;

insert into insight_count (kind, platform, name1, name2, n)
select 'place', f.platform, coalesce(p.province, ''), coalesce(p.city, ''), count(*) from buyer_first f
join buyer_fact p on p.customer_id = f.customer_id where p.province is not null or p.city is not null
group by f.platform, coalesce(p.province, ''), coalesce(p.city, '');
insert into insight_count (kind, platform, name1, name2, n)
select 'funnel', '*', cast(funnel_best as varchar(100)), '', count(*) from buyer_fact where funnel_best is not null group by funnel_best;
insert into insight_count (kind, platform, name1, name2, n)
select 'buyers', platform, '', '', count(*) from buyer_first group by platform;
insert into insight_count (kind, platform, name1, name2, n)
select 'repeaters', platform, '', '', count(*) from buyer_first where second_day is not null group by platform;

-- The win-back chart's (entered the pipeline) per month read every customer (0.6-0.8 s): now a range of this index.
create index customer_recovery_entered_idx on customer (recovery_entered_at, merged_into_id, erased_at);
