-- Staging: the date each charging register describes (its extract date), per table.
create or replace view stg_charging_extract as
with latest_dates as (
    select 'service_areas' as table_name, max(opened_date) as latest_date from service_areas
    union all
    select 'charging_stations', max(greatest(commissioned_date, decommissioned_date)) from charging_stations
)

select
    table_name,
    latest_date,
    greatest(latest_date, (select as_of from build_info)) as extract_date,
from latest_dates;

comment on view stg_charging_extract is 'Extract date of the service-area and charging-station registers (one row per table): the later of its latest recorded date and the as_of date of dataset.toml; a year counts as complete once the extract date reaches its 31 December';
comment on column stg_charging_extract.table_name is 'service_areas or charging_stations';
comment on column stg_charging_extract.latest_date is 'Latest date recorded in the table (null when it is empty)';
comment on column stg_charging_extract.extract_date is 'Date the register describes: latest_date, or build_info.as_of when later';
