-- The headline figures (customers, orders, lines, open follow-ups, revenue per currency) kept as counters by the
-- services that change them, in the same transaction, so `stats` and the status bar need no full scans
-- (core.db.ShopCounters; `db check` compares them with a recount and repairs them). currency is '' but for revenue.
create table shop_counter (
    name     varchar(30)    not null,
    currency varchar(3)     default '' not null,
    amount   decimal(20, 2) not null,
    constraint shop_counter_pk primary key (name, currency)
);

insert into shop_counter (name, currency, amount)
select 'customers', '', count(*) from customer where merged_into_id is null and erased_at is null;

insert into shop_counter (name, currency, amount)
select 'orders', '', count(*) from shop_order o left join import_batch b on b.id = o.import_batch_id
where o.import_batch_id is null or b.status = 'committed';

insert into shop_counter (name, currency, amount)
select 'order_lines', '', count(*) from order_line l join shop_order o on o.id = l.order_id
left join import_batch b on b.id = o.import_batch_id
where o.import_batch_id is null or b.status = 'committed';

insert into shop_counter (name, currency, amount)
select 'open_follow_ups', '', count(*) from follow_up where status = 'open';

insert into shop_counter (name, currency, amount)
select 'revenue', o.currency, sum(coalesce(o.paid_amount, 0) - o.refunded_amount)
from shop_order o left join import_batch b on b.id = o.import_batch_id
where o.status in ('paid', 'shipped', 'completed', 'partially_refunded')
  and (o.import_batch_id is null or b.status = 'committed')
group by o.currency;
