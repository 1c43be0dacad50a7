-- Charging stations with the service-area site each belongs to.
-- A station belongs to the site named by its service_area_id. A station without one belongs to the
-- nearest register site within settings.site_match_radius_m (WGS84) that agrees with the station's
-- name: when the name contains a register site name (e.g. 胶州服务区(青岛方向)充电站) the site must be
-- that one, and when the name states a direction (…方向) the site must serve it (or both).
create or replace view int_charging_stations as
with stations as (
    select
        *,
        exists (
            select 1 from stg_service_areas as sites where contains(stg_charging_stations.name, sites.name)
        ) as names_a_site,
        contains(name, '方向') as names_a_direction,
    from stg_charging_stations
),

candidates as (
    select
        stations.station_id,
        sites.service_area_id,
        haversine_m(stations.lon, stations.lat, sites.lon, sites.lat) as distance_m,
    from stations
    join stg_service_areas as sites
        on haversine_m(stations.lon, stations.lat, sites.lon, sites.lat) <= (select site_match_radius_m from settings)
    where stations.given_service_area_id is null
        and (not stations.names_a_site or contains(stations.name, sites.name))
        and (not stations.names_a_direction or sites.direction = 'both' or contains(stations.name, sites.direction))
),

nearest as (
    select station_id, arg_min(service_area_id, distance_m) as service_area_id, min(distance_m) as distance_m,
    from candidates
    group by station_id
)

select
    stations.station_id,
    stations.name,
    stations.operator,
    stations.lon,
    stations.lat,
    stations.source_crs,
    stations.dc_connectors,
    stations.ac_connectors,
    stations.connectors,
    stations.max_power_kw,
    stations.charging_spaces,
    stations.commissioned_date,
    stations.decommissioned_date,
    coalesce(
        case when stations.given_service_area_id in (select service_area_id from stg_service_areas) then stations.given_service_area_id end,
        nearest.service_area_id
    ) as site_id,
    case
        when stations.given_service_area_id in (select service_area_id from stg_service_areas) then 'service_area_id'
        when stations.given_service_area_id is not null then 'unknown_service_area_id'
        when nearest.service_area_id is not null then 'distance'
    end as site_match,
    case when stations.given_service_area_id is null then nearest.distance_m end as site_distance_m,
    stations.given_service_area_id,
from stations
left join nearest using (station_id);

comment on view int_charging_stations is 'Charging stations with their site: one row per station with the register site it belongs to (by service_area_id, else the nearest site within settings.site_match_radius_m that agrees with the station name); lon/lat in WGS84';
comment on column int_charging_stations.station_id is 'Operator station id';
comment on column int_charging_stations.name is 'Station name';
comment on column int_charging_stations.operator is 'Charging operator';
comment on column int_charging_stations.lon is 'Longitude, WGS84 degrees';
comment on column int_charging_stations.lat is 'Latitude, WGS84 degrees';
comment on column int_charging_stations.source_crs is 'Coordinate system the operator list gave, converted at load';
comment on column int_charging_stations.dc_connectors is 'DC (fast) connectors';
comment on column int_charging_stations.ac_connectors is 'AC connectors';
comment on column int_charging_stations.connectors is 'dc_connectors + ac_connectors';
comment on column int_charging_stations.max_power_kw is 'Highest single-connector power, kW';
comment on column int_charging_stations.charging_spaces is 'Parking spaces with a charger';
comment on column int_charging_stations.commissioned_date is 'Date the station went into service';
comment on column int_charging_stations.decommissioned_date is 'Date it went out of service (null while in service)';
comment on column int_charging_stations.site_id is 'service_area_id of the register site the station belongs to (null: none)';
comment on column int_charging_stations.site_match is 'How site_id was found: service_area_id, distance, or unknown_service_area_id (the given id is not in the register)';
comment on column int_charging_stations.site_distance_m is 'Distance to the matched site, m (distance matches only)';
comment on column int_charging_stations.given_service_area_id is 'service_area_id as the operator list gave it';
