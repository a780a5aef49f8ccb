-- The duplicates scan's blocking keys, stored per customer (issue 11, ADR 0044). The scan after an import read the
-- customer, channel and order tables whole to find who shares a key with the customers it touched: a key is a Java
-- function of a name (and a city, street, address, landline tail...), which no portable index can hold. Each live
-- customer's keys are kept here as 64-bit hashes of group and key, so the scan looks their holders up by index.
-- V0196 fills the table for the rows already there and builds its hash index afterwards (faster than keeping it).
-- No foreign key: H2 would give it an index of its own on customer_id, written with every key; a customer deleted is
-- marked by its writer, and the next scan deletes its keys (db check finds any left).
create table duplicate_key (
    customer_id bigint not null,
    key_hash    bigint not null,
    primary key (customer_id, key_hash)
);

-- Customers whose keys may be out of date: every writer of a name, city, note, channel or order receiver marks the
-- customers it changed, in its own transaction; the next scan stores their keys anew and removes the marks.
create table duplicate_key_mark (
    customer_id bigint not null
);
create index duplicate_key_mark_idx on duplicate_key_mark (customer_id);
