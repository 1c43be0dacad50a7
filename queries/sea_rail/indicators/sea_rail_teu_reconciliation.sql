-- Months that have both moves and a reported figure: the counted volume beside the reported one.
create or replace view sea_rail_teu_reconciliation as
select
    month,
    boxes,
    moves_teu,
    reported_teu,
    moves_teu - reported_teu as difference_teu,
    (moves_teu - reported_teu) / nullif(reported_teu, 0) as relative_difference,
from sea_rail_teu_monthly
where moves_teu is not null and reported_teu is not null
order by month;

comment on view sea_rail_teu_reconciliation is 'Counted against reported sea-rail volume: one row per month that has both moves and a reported figure';
comment on column sea_rail_teu_reconciliation.month is 'Month (date of its first day)';
comment on column sea_rail_teu_reconciliation.boxes is 'De-duplicated boxes moved';
comment on column sea_rail_teu_reconciliation.moves_teu is 'TEU counted from moves (the value used)';
comment on column sea_rail_teu_reconciliation.reported_teu is 'TEU reported in sea_rail_monthly';
comment on column sea_rail_teu_reconciliation.difference_teu is 'moves_teu - reported_teu, TEU';
comment on column sea_rail_teu_reconciliation.relative_difference is 'difference_teu / reported_teu (fraction; null when reported_teu is 0)';
