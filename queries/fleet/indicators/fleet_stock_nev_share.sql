-- Supporting view: the fleet in service on 31 December of each year, by use type and district.
create or replace view fleet_stock_nev_share as
with years as (
    select unnest(range(
        year((select first_registration_date from stg_fleet_extract)),
        year((select extract_date from stg_fleet_extract)) + 1
    )) as year
),

in_service as (
    select
        years.year,
        vehicles.use_type,
        vehicles.district,
        vehicles.is_nev,
    from years
    join stg_fleet_register as vehicles
        on vehicles.registration_date <= make_date(years.year, 12, 31)
        and (vehicles.deregistration_date is null or vehicles.deregistration_date > make_date(years.year, 12, 31))
)

select
    year,
    use_type,
    district,
    count(*) filter (where is_nev) as nev_vehicles,
    count(*) as vehicles,
    count(*) filter (where is_nev) / count(*) as nev_share,
    (select extract_date from stg_fleet_extract) >= make_date(year, 12, 31) as complete,
from in_service
group by year, use_type, district
order by year, use_type, district;

comment on view fleet_stock_nev_share is 'Year-end fleet stock: one row per year, use type and district with the vehicles in service on 31 December (registered on or before, not deregistered by then)';
comment on column fleet_stock_nev_share.year is 'Year (stock on 31 December)';
comment on column fleet_stock_nev_share.use_type is 'bus, cruising_taxi, ride_hailing or other';
comment on column fleet_stock_nev_share.district is 'District or county-level city (null where the register has none)';
comment on column fleet_stock_nev_share.nev_vehicles is 'New-energy vehicles in service (count)';
comment on column fleet_stock_nev_share.vehicles is 'All vehicles in service (count)';
comment on column fleet_stock_nev_share.nev_share is 'nev_vehicles / vehicles (fraction)';
comment on column fleet_stock_nev_share.complete is 'True when the register reaches 31 December of the year';
