-- Not the same person: a pair of customers the owner said are different people. Kept apart from merge_suggestion
-- so neither a later scan nor undoing the import that suggested the pair brings it back.
create table if not exists merge_dismissal (
    customer_a_id bigint not null references customer (id) on delete cascade,
    customer_b_id bigint not null references customer (id) on delete cascade,
    dismissed_at  timestamp with time zone default current_timestamp not null,
    primary key (customer_a_id, customer_b_id)
);

-- The recovery state a customer had before an import set them active again on its own, so that undoing that
-- import can put them back; null when the state was set by hand.
alter table customer add column if not exists recovery_previous_state varchar(20);
