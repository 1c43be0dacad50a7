-- Months the charging registers cover: every month from the first station commissioning (or
-- site opening) to the month of the registers' extract date. target_status names the months a
-- year not complete lacks from this view.
create or replace view int_charging_months as
with extent as (
    select
        least(
            (select min(commissioned_date) from stg_charging_stations),
            (select min(opened_date) from stg_service_areas)
        ) as first_date,
        coalesce(
            (select extract_date from stg_charging_extract where table_name = 'charging_stations'),
            (select extract_date from stg_charging_extract where table_name = 'service_areas')
        ) as extract_date,
)

select unnest(generate_series(date_trunc('month', first_date), extract_date, interval 1 month))::date as month
from extent
where first_date is not null and extract_date is not null;

comment on view int_charging_months is 'Months the charging registers cover: one row per month from the first commissioning or opening to the extract date';
comment on column int_charging_months.month is 'First day of a month the registers reach (the month of the extract date included)';
