-- Per-site charging at the end of each year: one row per register site and year.
-- A station counts on 31 December of year Y when it has at least one connector, was commissioned
-- on or before that day and was not decommissioned by then.
create or replace view sa_site_charging as
with last_year as (
    -- up to the build year: a register whose last event is older still describes the years
    -- since (flagged not complete in the indicator unless dataset.toml as_of covers them)
    select greatest(year(max(extract_date)), (select year(built_at) from build_info)) as last_year
    from stg_charging_extract
),

bounds as (
    -- from the first site opening or station commissioning, or only the last year without dates
    select
        coalesce(
            least(
                (select min(year(opened_date)) from stg_service_areas),
                (select min(year(commissioned_date)) from stg_charging_stations)
            ),
            last_year
        ) as first_year,
        last_year,
    from last_year
),

years as (
    select unnest(range(first_year, last_year + 1)) as year from bounds
),

active_stations as (
    select
        years.year,
        stations.site_id,
        count(*) as stations,
        sum(stations.dc_connectors) as dc_connectors,
        sum(stations.ac_connectors) as ac_connectors,
        sum(stations.charging_spaces) as charging_spaces,
        max(stations.max_power_kw) as max_power_kw,
    from years
    join int_charging_stations as stations
        on stations.commissioned_date <= make_date(years.year, 12, 31)
        and (stations.decommissioned_date is null or stations.decommissioned_date > make_date(years.year, 12, 31))
        and stations.connectors >= 1
        and stations.site_id is not null
    group by years.year, stations.site_id
)

select
    sites.service_area_id,
    sites.name,
    sites.route_ref,
    sites.direction,
    sites.kind,
    sites.status,
    sites.lon,
    sites.lat,
    years.year,
    sites.status = 'open' and (sites.opened_date is null or sites.opened_date <= make_date(years.year, 12, 31)) as in_service,
    coalesce(active.stations, 0) as stations,
    coalesce(active.dc_connectors, 0) as dc_connectors,
    coalesce(active.ac_connectors, 0) as ac_connectors,
    active.max_power_kw,
    active.charging_spaces,
    sites.car_parking_spaces,
    coalesce(active.stations, 0) > 0 as covered,
    active.charging_spaces / nullif(sites.car_parking_spaces, 0) as charging_space_share,
    active.charging_spaces / nullif(sites.car_parking_spaces, 0) >= (select charging_space_share_min from settings) as meets_space_rule,
from stg_service_areas as sites
cross join years
left join active_stations as active
    on active.site_id = sites.service_area_id and active.year = years.year
order by sites.service_area_id, years.year;

comment on view sa_site_charging is 'Charging at each register site on 31 December of each year: one row per site and year (years from the first site opening or station commissioning to the build year, or the register extract date when later)';
comment on column sa_site_charging.service_area_id is 'Register id of the site';
comment on column sa_site_charging.name is 'Site name';
comment on column sa_site_charging.route_ref is 'Expressway number';
comment on column sa_site_charging.direction is 'both, or the carriageway served';
comment on column sa_site_charging.kind is 'service_area or parking_area';
comment on column sa_site_charging.status is 'Current status: open, closed or under_construction';
comment on column sa_site_charging.lon is 'Longitude, WGS84 degrees';
comment on column sa_site_charging.lat is 'Latitude, WGS84 degrees';
comment on column sa_site_charging.year is 'Year (state on 31 December)';
comment on column sa_site_charging.in_service is 'Site counts in the year: status open and opened on or before 31 December (or no opening date)';
comment on column sa_site_charging.stations is 'Charging stations of the site in service on 31 December with at least one connector';
comment on column sa_site_charging.dc_connectors is 'DC connectors of those stations';
comment on column sa_site_charging.ac_connectors is 'AC connectors of those stations';
comment on column sa_site_charging.max_power_kw is 'Highest single-connector power among those stations, kW';
comment on column sa_site_charging.charging_spaces is 'Parking spaces with a charger (null where no station reports it)';
comment on column sa_site_charging.car_parking_spaces is 'Small passenger-car parking spaces of the site';
comment on column sa_site_charging.covered is 'At least one station in service on 31 December';
comment on column sa_site_charging.charging_space_share is 'charging_spaces / car_parking_spaces (fraction; null when either is unknown)';
comment on column sa_site_charging.meets_space_rule is 'charging_space_share at least settings.charging_space_share_min (2022 national action plan: 10%); null when unknown';
