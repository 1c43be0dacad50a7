-- Indicator sea_rail_teu: container sea-rail volume per year, the sum of its months in
-- sea_rail_teu_monthly (moves where a month has any, else the reported figure). A year is
-- complete when all twelve months have one or the other (plan target: see table targets).
create or replace view sea_rail_teu as
select
    year(month) as year,
    sum(teu) as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    count(*) = 12 as complete,
    count(*) filter (where source = 'moves') as months_counted,
    count(*) filter (where source = 'reported') as months_reported,
    12 - count(*) as months_missing,
from sea_rail_teu_monthly
group by year(month)
order by year;

comment on view sea_rail_teu is 'Indicator sea_rail_teu: container sea-rail volume, TEU, one row per year with at least one month';
comment on column sea_rail_teu.year is 'Calendar year';
comment on column sea_rail_teu.value is 'Sea-rail volume of the year, TEU (sum of sea_rail_teu_monthly.teu)';
comment on column sea_rail_teu.numerator is 'Null (a volume, not a share)';
comment on column sea_rail_teu.denominator is 'Null (a volume, not a share)';
comment on column sea_rail_teu.complete is 'True when all twelve months have moves or a reported figure';
comment on column sea_rail_teu.months_counted is 'Months counted from moves';
comment on column sea_rail_teu.months_reported is 'Months taken from the reported figures';
comment on column sea_rail_teu.months_missing is 'Months with neither (the year is incomplete when above 0)';
