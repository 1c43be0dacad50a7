-- Staging: the charging-station lists, renamed and typed. One row per station.
-- Which service-area site a station belongs to is worked out in int_charging_stations.
create or replace view stg_charging_stations as
select
    station_id,
    name,
    operator,
    lon,
    lat,
    crs as source_crs,
    service_area_id as given_service_area_id,
    dc_connectors,
    ac_connectors,
    dc_connectors + ac_connectors as connectors,
    max_power_kw,
    charging_spaces,
    commissioned_date,
    decommissioned_date,
from charging_stations;

comment on view stg_charging_stations is 'Charging stations (staging): one row per station as the operator lists give it; lon/lat in WGS84. The site each belongs to is in int_charging_stations';
comment on column stg_charging_stations.station_id is 'Operator station id';
comment on column stg_charging_stations.name is 'Station name';
comment on column stg_charging_stations.operator is 'Charging operator';
comment on column stg_charging_stations.lon is 'Longitude, WGS84 degrees';
comment on column stg_charging_stations.lat is 'Latitude, WGS84 degrees';
comment on column stg_charging_stations.source_crs is 'Coordinate system the operator list gave, converted at load';
comment on column stg_charging_stations.given_service_area_id is 'service_area_id as the operator list gave it (null: not given)';
comment on column stg_charging_stations.dc_connectors is 'DC (fast) connectors';
comment on column stg_charging_stations.ac_connectors is 'AC connectors';
comment on column stg_charging_stations.connectors is 'dc_connectors + ac_connectors';
comment on column stg_charging_stations.max_power_kw is 'Highest single-connector power, kW';
comment on column stg_charging_stations.charging_spaces is 'Parking spaces with a charger';
comment on column stg_charging_stations.commissioned_date is 'Date the station went into service';
comment on column stg_charging_stations.decommissioned_date is 'Date it went out of service (null while in service)';
