-- Sea-rail volume per month as counted for the indicator: the month's de-duplicated moves when it
-- has any, else its reported figure (sea_rail_monthly). The reported figure stays beside a month
-- counted from moves (see sea_rail_teu_reconciliation). Months with neither have no row.
create or replace view sea_rail_teu_monthly as
select
    coalesce(counted.month, reported.month) as month,
    coalesce(counted.moves_teu, reported.teu) as teu,
    case when counted.month is not null then 'moves' else 'reported' end as source,
    counted.boxes,
    reported.teu as reported_teu,
    counted.moves_teu,
    counted.full_teu,
    counted.empty_teu,
    counted.rail_to_ship_teu,
    counted.ship_to_rail_teu,
from int_sea_rail_moves_by_month as counted
full outer join stg_sea_rail_monthly as reported on reported.month = counted.month
order by month;

comment on view sea_rail_teu_monthly is 'Sea-rail volume per month: one row per month with moves or a reported figure; teu is the value counted for the indicator';
comment on column sea_rail_teu_monthly.month is 'Month (date of its first day)';
comment on column sea_rail_teu_monthly.teu is 'The month''s volume as counted, TEU: moves_teu when the month has moves, else reported_teu';
comment on column sea_rail_teu_monthly.source is 'moves (counted from de-duplicated move records) or reported (sea_rail_monthly)';
comment on column sea_rail_teu_monthly.boxes is 'De-duplicated boxes moved; null for a reported month';
comment on column sea_rail_teu_monthly.reported_teu is 'The sea_rail_monthly figure, where there is one (also for months counted from moves), TEU';
comment on column sea_rail_teu_monthly.moves_teu is 'TEU counted from moves; null for a reported month';
comment on column sea_rail_teu_monthly.full_teu is 'TEU of full boxes (from moves; null for a reported month)';
comment on column sea_rail_teu_monthly.empty_teu is 'TEU of empty boxes (from moves; null for a reported month)';
comment on column sea_rail_teu_monthly.rail_to_ship_teu is 'TEU moved rail to ship, 集港 (from moves; null for a reported month)';
comment on column sea_rail_teu_monthly.ship_to_rail_teu is 'TEU moved ship to rail, 疏港 (from moves; null for a reported month)';
