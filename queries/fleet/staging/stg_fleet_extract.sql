-- Staging: how far the vehicle register reaches in time (its extract date).
create or replace view stg_fleet_extract as
select
    greatest(
        max(greatest(registration_date, deregistration_date)),
        (select as_of from build_info)
    ) as extract_date,
    min(registration_date) as first_registration_date,
    count(*) as registrations,
from fleet_register;

comment on view stg_fleet_extract is 'Vehicle register extent (one row): a year counts as complete once extract_date reaches its 31 December';
comment on column stg_fleet_extract.extract_date is 'Date the register describes: its latest registration or deregistration date, or dataset.toml as_of when later';
comment on column stg_fleet_extract.first_registration_date is 'Earliest registration date in the register';
comment on column stg_fleet_extract.registrations is 'Loaded registrations';
