-- Indicator base: new-energy share of vehicles newly registered (new and renewed) in the urban
-- built-up area, by use type and year. A year with no registrations has no row.
create or replace view fleet_nev_share_new as
with new_in_built_up_area as (
    select use_type, registration_year as year, is_nev
    from stg_fleet_register
    where urban_built_up
)

select
    use_type,
    year,
    count(*) filter (where is_nev) as nev_vehicles,
    count(*) as vehicles,
    count(*) filter (where is_nev) / count(*) as nev_share,
    (select extract_date from stg_fleet_extract) >= make_date(year, 12, 31) as complete,
from new_in_built_up_area
group by use_type, year
order by use_type, year;

comment on view fleet_nev_share_new is 'New-energy share of newly registered (new and renewed) vehicles in the urban built-up area: one row per use type and registration year';
comment on column fleet_nev_share_new.use_type is 'bus, cruising_taxi, ride_hailing or other';
comment on column fleet_nev_share_new.year is 'Registration year';
comment on column fleet_nev_share_new.nev_vehicles is 'New-energy vehicles registered in the year (count)';
comment on column fleet_nev_share_new.vehicles is 'All vehicles registered in the year (count)';
comment on column fleet_nev_share_new.nev_share is 'nev_vehicles / vehicles (fraction)';
comment on column fleet_nev_share_new.complete is 'True when the register reaches 31 December of the year';
