-- Weaker duplicate evidence (issue #11): the same name in the same city, with no shared phone or e-mail, is a
-- suggestion too (shown with its reason, never merged by itself).
alter table merge_suggestion drop constraint merge_suggestion_reason_ck;
alter table merge_suggestion add constraint merge_suggestion_reason_ck
    check (reason in ('same_phone', 'same_email', 'name_address', 'similar_nickname', 'name_city'));
