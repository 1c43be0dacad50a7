-- Sea-rail volume counted from moves by inland node (内陆港), per month. Only months with moves have rows
-- (months taken from reported figures have no breakdown).
create or replace view sea_rail_teu_by_inland_node as
select
    year,
    month,
    inland_node,
    count(*) as boxes,
    sum(teu) as teu,
    sum(teu) / sum(sum(teu)) over (partition by month) as share,
from int_sea_rail_moves
group by year, month, inland_node
order by month, teu desc;

comment on view sea_rail_teu_by_inland_node is 'Sea-rail volume from moves by inland node (内陆港): one row per month and inland node (内陆港)';
comment on column sea_rail_teu_by_inland_node.year is 'Calendar year of the month';
comment on column sea_rail_teu_by_inland_node.month is 'Month (date of its first day)';
comment on column sea_rail_teu_by_inland_node.inland_node is 'Inland port or city served (null where the record does not say)';
comment on column sea_rail_teu_by_inland_node.boxes is 'De-duplicated boxes moved (count)';
comment on column sea_rail_teu_by_inland_node.teu is 'TEU of those boxes';
comment on column sea_rail_teu_by_inland_node.share is 'teu / the month''s TEU counted from moves (fraction)';
