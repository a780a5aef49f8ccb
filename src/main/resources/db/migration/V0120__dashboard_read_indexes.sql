-- The dashboard's reads on a big shop (1,000,000 orders, 300,000 customers; times measured on this machine kind
-- before → after, `bench dashboard` and README): H2 answers a query from an index alone when the index holds every
-- column the query reads, instead of fetching each row.
-- A period's distinct buyers read buyer_day through (order_day, platform) row by row: 626 ms → 79 ms for 90 days.
drop index buyer_day_day_idx;
create index buyer_day_by_day_idx on buyer_day (order_day, customer_id, platform, bought_orders, currency, net_spend, revenue_orders);
-- Live customers: 1,065 ms → 160 ms; customers won back in a period: 885 ms → 2 ms.
create index customer_live_idx on customer (merged_into_id, erased_at);
create index customer_recovery_state_idx on customer (recovery_state, recovery_state_at);
-- Top provinces and cities of buyers (one pass for both): 2 × 2.2 s → 1.1 s.
create index customer_places_idx on customer (id, province, city);
-- The channel funnel: 1.8 s → 1.2 s.
create index contact_channel_funnel_idx on contact_channel (customer_id, funnel_state);
