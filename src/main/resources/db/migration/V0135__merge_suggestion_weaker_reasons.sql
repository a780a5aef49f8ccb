-- Weaker duplicate evidence (issue #11): three more reasons. Their strengths (for ranking the review list) are the
-- service's own (com.fankeep.core.merge.DuplicateStrength), worked out in the query: nothing stored to keep in step.
alter table merge_suggestion drop constraint merge_suggestion_reason_ck;
alter table merge_suggestion add constraint merge_suggestion_reason_ck
    check (reason in ('same_phone', 'same_email', 'name_address', 'similar_nickname', 'name_city', 'nickname_name',
                      'name_landline', 'name_street', 'same_username'));
