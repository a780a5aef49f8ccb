-- customer_places_idx (id, province, city) served the dashboard's top provinces and cities (V0120). Since V0140 those
-- come from buyer_fact and insight_count, and no query reads customers through it any more (ADR 0064: EXPLAIN of every
-- reader of province and city; the readers filter on merged_into_id and erased_at, which it does not hold). Every
-- customer insert and update still wrote it, and a bulk import built it again over all customers (1.0 s at 1M).
drop index if exists customer_places_idx;
