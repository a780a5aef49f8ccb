-- One more weak duplicate reason (issue #11): a nickname of one customer equal to the full name of another (an
-- Etsy/Shopify username such as Emily Carter, a WeChat name such as 张伟). A suggestion only, never merged by itself.
alter table merge_suggestion drop constraint merge_suggestion_reason_ck;
alter table merge_suggestion add constraint merge_suggestion_reason_ck
    check (reason in ('same_phone', 'same_email', 'name_address', 'similar_nickname', 'name_city', 'nickname_name'));
