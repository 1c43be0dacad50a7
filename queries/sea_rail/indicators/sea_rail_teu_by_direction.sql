-- Sea-rail volume counted from moves by direction, per month. Only months with moves have rows
-- (months taken from reported figures have no breakdown).
create or replace view sea_rail_teu_by_direction as
select
    year,
    month,
    direction,
    count(*) as boxes,
    sum(teu) as teu,
    sum(teu) / sum(sum(teu)) over (partition by month) as share,
from int_sea_rail_moves
group by year, month, direction
order by month, teu desc;

comment on view sea_rail_teu_by_direction is 'Sea-rail volume from moves by direction: one row per month and direction';
comment on column sea_rail_teu_by_direction.year is 'Calendar year of the month';
comment on column sea_rail_teu_by_direction.month is 'Month (date of its first day)';
comment on column sea_rail_teu_by_direction.direction is 'rail_to_ship (集港) or ship_to_rail (疏港)';
comment on column sea_rail_teu_by_direction.boxes is 'De-duplicated boxes moved (count)';
comment on column sea_rail_teu_by_direction.teu is 'TEU of those boxes';
comment on column sea_rail_teu_by_direction.share is 'teu / the month''s TEU counted from moves (fraction)';
