-- Identity sequences of the tables an import fills get a large cache. H2 writes a sequence's new high-water mark
-- (and commits, which with WRITE_DELAY=0 stores every dirty page of the open import transaction) each time its cache
-- runs out: with the default cache of 32 that was a store every 32 inserted rows per table, and each store grew with
-- the import (600,000-row bench: import 130 s -> 77 s). The cost of a large cache is a gap in the ids after a crash, nothing else.
/* [jooq ignore start] */
alter table customer alter column id set cache 100000;
alter table contact_channel alter column id set cache 100000;
alter table shop_order alter column id set cache 100000;
alter table order_line alter column id set cache 100000;
alter table customer_match alter column id set cache 100000;
alter table import_problem alter column id set cache 100000;
alter table audit_log alter column id set cache 100000;
/* [jooq ignore stop] */
