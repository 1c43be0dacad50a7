-- Year-on-year growth of the sea-rail volume, against the national ask (container rail-water
-- volume growing more than settings.sea_rail_growth_target a year, 15 % in the 2021-2025 plans).
-- One row per year whose previous year also has a value.
create or replace view sea_rail_teu_growth as
select
    this_year.year,
    this_year.value,
    previous_year.value as previous_value,
    this_year.value / nullif(previous_year.value, 0) - 1 as growth,
    this_year.value / nullif(previous_year.value, 0) - 1 > (select sea_rail_growth_target from settings)
        as above_growth_target,
    this_year.complete and previous_year.complete as complete,
from sea_rail_teu as this_year
join sea_rail_teu as previous_year on previous_year.year = this_year.year - 1
order by this_year.year;

comment on view sea_rail_teu_growth is 'Year-on-year growth of the sea-rail volume: one row per year whose previous year has a value';
comment on column sea_rail_teu_growth.year is 'Calendar year';
comment on column sea_rail_teu_growth.value is 'Sea-rail volume of the year, TEU';
comment on column sea_rail_teu_growth.previous_value is 'Sea-rail volume of the previous year, TEU';
comment on column sea_rail_teu_growth.growth is 'value / previous_value - 1 (fraction)';
comment on column sea_rail_teu_growth.above_growth_target is 'True when growth is above settings.sea_rail_growth_target (national ask: more than 15 % a year)';
comment on column sea_rail_teu_growth.complete is 'True when both years are complete';
