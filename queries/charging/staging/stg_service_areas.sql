-- Staging: the expressway service-area register. One row per site (per side where sides are separate).
create or replace view stg_service_areas as
select
    service_area_id,
    name,
    route_ref,
    direction,
    kind,
    status,
    opened_date,
    car_parking_spaces,
    lon,
    lat,
    crs as source_crs,
from service_areas;

comment on view stg_service_areas is 'Service-area register (staging): one row per site; lon/lat in WGS84';
comment on column stg_service_areas.service_area_id is 'Register id of the site';
comment on column stg_service_areas.name is 'Site name, e.g. 胶州服务区';
comment on column stg_service_areas.route_ref is 'Expressway number, e.g. G20';
comment on column stg_service_areas.direction is 'both, or the carriageway it serves, e.g. 济南方向';
comment on column stg_service_areas.kind is 'service_area or parking_area (停车区)';
comment on column stg_service_areas.status is 'open, closed or under_construction (current status)';
comment on column stg_service_areas.opened_date is 'Date the site opened (null when unknown)';
comment on column stg_service_areas.car_parking_spaces is 'Small passenger-car parking spaces';
comment on column stg_service_areas.lon is 'Longitude, WGS84 degrees';
comment on column stg_service_areas.lat is 'Latitude, WGS84 degrees';
comment on column stg_service_areas.source_crs is 'Coordinate system the register gave (WGS84, GCJ02, BD09), converted at load';
