-- Scorecard: every indicator value next to its plan target. One row per indicator and year with
-- a value; an indicator without data has no row.
create or replace view scorecard as
with indicator_values as (
    select 'bus_nev_share_new' as indicator_id, year, value, numerator, denominator, complete
    from bus_nev_share_new
    union all
    select 'taxi_nev_share_new', year, value, numerator, denominator, complete
    from taxi_nev_share_new
    union all
    select 'service_area_charger_coverage', year, value, numerator, denominator, complete
    from service_area_charger_coverage
)

select
    indicator_values.indicator_id,
    indicator_values.year,
    indicator_values.value,
    indicator_values.numerator,
    indicator_values.denominator,
    targets.target_value,
    targets.comparator,
    targets.unit,
    case targets.comparator
        when '>=' then indicator_values.value >= targets.target_value
        when '>' then indicator_values.value > targets.target_value
    end as met,
    indicator_values.complete,
    targets.target_year,
    targets.name_zh,
    targets.name_en,
from indicator_values
join targets using (indicator_id)
order by indicator_values.indicator_id, indicator_values.year;

comment on view scorecard is 'Scorecard: one row per indicator and year with a value, beside the plan target (shares as fractions, volumes in TEU)';
comment on column scorecard.indicator_id is 'Indicator id (see table targets)';
comment on column scorecard.year is 'Year the value describes';
comment on column scorecard.value is 'Indicator value: a fraction for shares, TEU for volumes';
comment on column scorecard.numerator is 'Numerator of a share (null for volumes)';
comment on column scorecard.denominator is 'Denominator of a share (null for volumes)';
comment on column scorecard.target_value is 'Plan target value';
comment on column scorecard.comparator is '>= or > (strictly above)';
comment on column scorecard.unit is 'share or TEU';
comment on column scorecard.met is 'True when value compared with target_value by comparator holds';
comment on column scorecard.complete is 'True when the inputs cover the whole year';
comment on column scorecard.target_year is 'Year the plan target applies to';
comment on column scorecard.name_zh is 'Indicator name (Chinese)';
comment on column scorecard.name_en is 'Indicator name (English)';
