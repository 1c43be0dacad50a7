-- Months the vehicle register covers: every month from the first registration to the month of
-- the register's extract date. target_status names the months a year not complete lacks from
-- this view.
create or replace view int_fleet_months as
select
    unnest(generate_series(
        date_trunc('month', first_registration_date), extract_date, interval 1 month
    ))::date as month,
from stg_fleet_extract
where first_registration_date is not null and extract_date is not null;

comment on view int_fleet_months is 'Months the vehicle register covers: one row per month from the first registration to the extract date';
comment on column int_fleet_months.month is 'First day of a month the register reaches (the month of the extract date included)';
