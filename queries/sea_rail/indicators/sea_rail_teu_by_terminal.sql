-- Sea-rail volume counted from moves by port terminal, per month. Only months with moves have rows
-- (months taken from reported figures have no breakdown).
create or replace view sea_rail_teu_by_terminal as
select
    year,
    month,
    terminal,
    count(*) as boxes,
    sum(teu) as teu,
    sum(teu) / sum(sum(teu)) over (partition by month) as share,
from int_sea_rail_moves
group by year, month, terminal
order by month, teu desc;

comment on view sea_rail_teu_by_terminal is 'Sea-rail volume from moves by port terminal: one row per month and port terminal';
comment on column sea_rail_teu_by_terminal.year is 'Calendar year of the month';
comment on column sea_rail_teu_by_terminal.month is 'Month (date of its first day)';
comment on column sea_rail_teu_by_terminal.terminal is 'Port terminal (null where the record does not say)';
comment on column sea_rail_teu_by_terminal.boxes is 'De-duplicated boxes moved (count)';
comment on column sea_rail_teu_by_terminal.teu is 'TEU of those boxes';
comment on column sea_rail_teu_by_terminal.share is 'teu / the month''s TEU counted from moves (fraction)';
