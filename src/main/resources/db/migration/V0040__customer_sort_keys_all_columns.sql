-- Every list column sorts by an index (V0009 did name, last order and orders). At 300,000 customers H2 otherwise
-- computes the key of every live customer and sorts them for each page of 200.
-- City and tier: never-null keys computed by the database, like V0009. Recovery state is never null already.
-- Nickname, spend (CNY), channel count and first tag live in other tables: they are kept on the customer row by the
-- services that change those tables (core.db.CustomerSortKeys, in the same transaction), so a merge undo's row images
-- carry them too. H2 syntax; on PostgreSQL the computed columns need the word stored after the expression.
/* [jooq ignore start] */
-- one statement for all six columns: H2 rewrites the table for each added column, and every copy stays in the file
-- until the migration ends (a fresh database on a small disk ran out of room with six statements)
alter table customer add (
    sort_city varchar(100) generated always as (coalesce(city, '')),
    sort_tier varchar(20) generated always as (coalesce(tier, '')),
    sort_nickname varchar(1000) default '' not null,
    sort_spend decimal(14, 2) default 0 not null,
    sort_channels integer default 0 not null,
    sort_tags varchar(100) default '' not null);

update customer set
    sort_nickname = coalesce((select min(ch.raw_value) from contact_channel ch
                              where ch.customer_id = customer.id and ch.kind = 'nickname'), ''),
    sort_spend = coalesce((select s.net_spend from customer_spend s where s.customer_id = customer.id and s.currency = 'CNY'), 0),
    sort_channels = (select count(*) from contact_channel ch where ch.customer_id = customer.id and ch.kind <> 'nickname'),
    sort_tags = coalesce((select min(t.name) from customer_tag ct join tag t on t.id = ct.tag_id
                          where ct.customer_id = customer.id), '');

create index if not exists customer_sort_city_idx on customer (sort_city, id);
create index if not exists customer_sort_tier_idx on customer (sort_tier, id);
create index if not exists customer_sort_recovery_idx on customer (recovery_state, id);
create index if not exists customer_sort_nickname_idx on customer (sort_nickname, id);
create index if not exists customer_sort_spend_idx on customer (sort_spend, id);
create index if not exists customer_sort_channels_idx on customer (sort_channels, id);
create index if not exists customer_sort_tags_idx on customer (sort_tags, id);
drop index if exists customer_recovery_idx;
/* [jooq ignore stop] */
