-- Weaker duplicate evidence, ranked (issue #11): three more reasons, each suggestion row with the strength of its reason
-- so the review list is ordered strongest first in SQL, without reading every open suggestion to sort it.
-- Strengths are those of com.fankeep.core.merge.DuplicateStrength (kept equal by DuplicateStrengthTest).
alter table merge_suggestion drop constraint merge_suggestion_reason_ck;
alter table merge_suggestion add constraint merge_suggestion_reason_ck
    check (reason in ('same_phone', 'same_email', 'name_address', 'similar_nickname', 'name_city', 'nickname_name',
                      'name_landline', 'name_street', 'same_username'));
alter table merge_suggestion add column strength smallint default 0 not null;
update merge_suggestion set strength = case reason
    when 'same_phone' then 95 when 'same_email' then 90 when 'name_address' then 80 when 'name_landline' then 70
    when 'name_street' then 60 when 'same_username' then 55 when 'name_city' then 45 when 'nickname_name' then 35
    when 'similar_nickname' then 30 else 0 end;
create index merge_suggestion_open_idx on merge_suggestion (status, customer_a_id, customer_b_id);
