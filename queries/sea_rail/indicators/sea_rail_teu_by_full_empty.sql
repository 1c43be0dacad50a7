-- Sea-rail volume counted from moves by full or empty box, per month. Only months with moves have rows
-- (months taken from reported figures have no breakdown).
create or replace view sea_rail_teu_by_full_empty as
select
    year,
    month,
    full_empty,
    count(*) as boxes,
    sum(teu) as teu,
    sum(teu) / sum(sum(teu)) over (partition by month) as share,
from int_sea_rail_moves
group by year, month, full_empty
order by month, teu desc;

comment on view sea_rail_teu_by_full_empty is 'Sea-rail volume from moves by full or empty box: one row per month and full or empty box';
comment on column sea_rail_teu_by_full_empty.year is 'Calendar year of the month';
comment on column sea_rail_teu_by_full_empty.month is 'Month (date of its first day)';
comment on column sea_rail_teu_by_full_empty.full_empty is 'F (full, 重) or E (empty, 空)';
comment on column sea_rail_teu_by_full_empty.boxes is 'De-duplicated boxes moved (count)';
comment on column sea_rail_teu_by_full_empty.teu is 'TEU of those boxes';
comment on column sea_rail_teu_by_full_empty.share is 'teu / the month''s TEU counted from moves (fraction)';
