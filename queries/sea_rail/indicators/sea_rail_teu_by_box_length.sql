-- Sea-rail volume counted from moves by box length, per month. Only months with moves have rows
-- (months taken from reported figures have no breakdown).
create or replace view sea_rail_teu_by_box_length as
select
    year,
    month,
    length_code,
    length_label,
    length_ft,
    count(*) as boxes,
    sum(teu) as teu,
    sum(teu) / sum(sum(teu)) over (partition by month) as share,
from int_sea_rail_moves
group by year, month, length_code, length_label, length_ft
order by month, teu desc;

comment on view sea_rail_teu_by_box_length is 'Sea-rail volume from moves by box length: one row per month and box length';
comment on column sea_rail_teu_by_box_length.year is 'Calendar year of the month';
comment on column sea_rail_teu_by_box_length.month is 'Month (date of its first day)';
comment on column sea_rail_teu_by_box_length.length_code is 'ISO 6346 length code';
comment on column sea_rail_teu_by_box_length.length_label is 'Box length as written, e.g. 40 ft';
comment on column sea_rail_teu_by_box_length.length_ft is 'Box length in feet used for TEU';
comment on column sea_rail_teu_by_box_length.boxes is 'De-duplicated boxes moved (count)';
comment on column sea_rail_teu_by_box_length.teu is 'TEU of those boxes';
comment on column sea_rail_teu_by_box_length.share is 'teu / the month''s TEU counted from moves (fraction)';
