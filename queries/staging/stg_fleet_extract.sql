-- Staging: how far the vehicle register reaches in time (its extract date).
create or replace view stg_fleet_extract as
select
    max(greatest(registration_date, coalesce(deregistration_date, registration_date))) as extract_date,
    min(registration_date) as first_registration_date,
    count(*) as registrations,
from fleet_register;

comment on view stg_fleet_extract is 'Vehicle register extent (one row): the latest date it records stands for the extract date; a year counts as complete once the register reaches its 31 December';
comment on column stg_fleet_extract.extract_date is 'Latest registration or deregistration date in the register';
comment on column stg_fleet_extract.first_registration_date is 'Earliest registration date in the register';
comment on column stg_fleet_extract.registrations is 'Loaded registrations';
