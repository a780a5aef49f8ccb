-- Dashboard aggregates (ADR 0021), kept by the services that change orders (imports and their undo, merges,
-- erasures) and verified against a full recount by `db check`. Derived data only: rebuilt from shop_order at will.

-- Orders per buyer per day (the app's time zone), platform and currency: all visible orders, those bought (not
-- unpaid, cancelled or closed: what segments call bought) and those that are revenue (as `stats`: net of refunds).
-- customer_id 0 holds the orders of no live customer (no identifiable buyer, erased, merged away): they count as revenue, never as a buyer.
create table buyer_day (
    customer_id bigint         not null,
    order_day   date           not null,
    platform    varchar(20)    not null,
    currency    varchar(3)     not null,
    orders         integer        not null,
    bought_orders  integer        not null,
    revenue_orders integer        not null,
    net_spend      decimal(16, 2) not null,
    primary key (customer_id, order_day, platform, currency)
);
create index buyer_day_day_idx on buyer_day (order_day, platform);

-- A live buyer's first and second bought order per platform ('*': any platform): new vs returning, cohorts, repeat rate.
create table buyer_first (
    customer_id    bigint      not null,
    platform       varchar(20) not null,
    first_day      date        not null,
    second_day     date,
    first_order_id bigint      not null,
    primary key (customer_id, platform)
);
create index buyer_first_first_idx on buyer_first (platform, first_day);
create index buyer_first_second_idx on buyer_first (platform, second_day);

-- What the aggregates were built from (a fingerprint of shop_order): a change committed without its refresh (a crash
-- between the two) shows as a different fingerprint when the dashboard opens, which then rebuilds.
create table insight_state (
    name  varchar(50)   not null primary key,
    state_value varchar(1000) not null
);
