-- Limited launches, the rest (issue 14, ADR 0027): a launch's trial phase is a gift campaign of samples, linked here;
-- what the trial's fans said back is an interaction of the new kind 'feedback'.

alter table launch add column trial_campaign_id bigint references gift_campaign (id) on delete set null;

alter table interaction drop constraint interaction_kind_ck;
alter table interaction add constraint interaction_kind_ck check (kind in ('call', 'chat', 'meeting', 'gift', 'complaint',
    'suggestion', 'story', 'note', 'message', 'feedback'));
