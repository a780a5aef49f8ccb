-- Gift campaigns (issue 13, ADR 0019): the V0006 tables grown into the full campaign. Stock lives on the campaign row
-- (stock_left) and every claim takes that row's lock first (claim_seq + 1), so claims on one campaign run one after
-- another on H2 and PostgreSQL alike; stock is taken by a conditional update that never goes below zero.

alter table gift_campaign drop constraint gift_campaign_kind_ck;
alter table gift_campaign drop constraint gift_campaign_status_ck;
update gift_campaign set kind = 'referral' where kind = 'referral_reward';
update gift_campaign set status = 'claiming' where status = 'open';
alter table gift_campaign add constraint gift_campaign_kind_ck check (kind in ('card', 'gift', 'sample', 'referral', 'other'));
alter table gift_campaign add constraint gift_campaign_status_ck
    check (status in ('draft', 'announced', 'claiming', 'shipping', 'closed'));

alter table gift_campaign add column shipping_cost decimal(14, 2) default 0 not null;
alter table gift_campaign add column per_customer integer default 1 not null;
alter table gift_campaign add column opens_at timestamp with time zone;
alter table gift_campaign add column audience_segment varchar(200);
alter table gift_campaign add column announcement varchar(5000);
alter table gift_campaign add column priority varchar(10) default 'time' not null;
alter table gift_campaign add column stock_left integer default 0 not null;
alter table gift_campaign add column claim_seq bigint default 0 not null;
alter table gift_campaign add column dnc_left_out integer default 0 not null;
alter table gift_campaign add constraint gift_campaign_priority_ck check (priority in ('time', 'tier'));
alter table gift_campaign add constraint gift_campaign_stock_ck check (stock_left >= 0);
update gift_campaign set stock_left = coalesce(quantity_limit, 0);

alter table campaign_entry drop constraint campaign_entry_state_ck;
alter table campaign_entry add constraint campaign_entry_state_ck check (state in ('invited', 'claimed', 'address_confirmed',
    'shipped', 'delivered', 'thanked', 'declined', 'expired', 'cancelled', 'waitlisted'));
alter table campaign_entry add column units integer default 0 not null;
alter table campaign_entry add column claim_channel varchar(20);
alter table campaign_entry add column claim_seq bigint;
alter table campaign_entry add column outside_audience boolean default false not null;
alter table campaign_entry add column invited boolean default true not null;
alter table campaign_entry add column tier_at_claim varchar(20);
alter table campaign_entry add column receiver_name varchar(200);
alter table campaign_entry add column receiver_phone varchar(100);
alter table campaign_entry add column receiver_province varchar(100);
alter table campaign_entry add column receiver_city varchar(100);
alter table campaign_entry add column receiver_district varchar(100);
alter table campaign_entry add column receiver_address varchar(1000);
alter table campaign_entry add column message varchar(5000);
alter table campaign_entry add column thanked_at timestamp with time zone;
alter table campaign_entry add column cancelled_at timestamp with time zone;
create index campaign_entry_state_idx on campaign_entry (campaign_id, state, claim_seq);
