-- Counted sea-rail volume per month from the de-duplicated moves: boxes and TEU, split by
-- full/empty and by direction. Only months with at least one move have a row.
create or replace view int_sea_rail_moves_by_month as
select
    month,
    count(*) as boxes,
    sum(teu) as moves_teu,
    coalesce(sum(teu) filter (where full_empty = 'F'), 0) as full_teu,
    coalesce(sum(teu) filter (where full_empty = 'E'), 0) as empty_teu,
    coalesce(sum(teu) filter (where direction = 'rail_to_ship'), 0) as rail_to_ship_teu,
    coalesce(sum(teu) filter (where direction = 'ship_to_rail'), 0) as ship_to_rail_teu,
from int_sea_rail_moves
group by month;

comment on view int_sea_rail_moves_by_month is 'Sea-rail volume counted from moves: one row per month with at least one move';
comment on column int_sea_rail_moves_by_month.month is 'Month (date of its first day)';
comment on column int_sea_rail_moves_by_month.boxes is 'De-duplicated boxes moved (count)';
comment on column int_sea_rail_moves_by_month.moves_teu is 'TEU of those boxes';
comment on column int_sea_rail_moves_by_month.full_teu is 'TEU of full boxes';
comment on column int_sea_rail_moves_by_month.empty_teu is 'TEU of empty boxes';
comment on column int_sea_rail_moves_by_month.rail_to_ship_teu is 'TEU moved rail to ship (集港)';
comment on column int_sea_rail_moves_by_month.ship_to_rail_teu is 'TEU moved ship to rail (疏港)';
