-- Staging: reported monthly sea-rail volumes, with the month as a date (first day of the month).
create or replace view stg_sea_rail_monthly as
select
    cast(strptime(month || '-01', '%Y-%m-%d') as date) as month,
    teu,
    source as report_source,
    source_file,
    source_row,
from sea_rail_monthly;

comment on view stg_sea_rail_monthly is 'Reported sea-rail volumes (staging): one row per month';
comment on column stg_sea_rail_monthly.month is 'Month (date of its first day)';
comment on column stg_sea_rail_monthly.teu is 'Reported sea-rail volume of the month, TEU';
comment on column stg_sea_rail_monthly.report_source is 'Publication or system the figure comes from (input column source)';
comment on column stg_sea_rail_monthly.source_file is 'Input file of the row';
comment on column stg_sea_rail_monthly.source_row is 'Line or sheet row of the row in that file';
