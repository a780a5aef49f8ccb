-- The follow-up rules' first run of a day (after the day's first import, on start) looks for every reachable customer
-- with a birthday: without an index that read all 300,000 customers of the 1M shop (0.4-1 s, in every fresh process's
-- first import). Few customers have a birthday, so the index is small and the read is a range over it (ADR 0060).
create index customer_birthday_idx on customer (birthday_month, birthday_day);
