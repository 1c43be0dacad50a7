-- Macro: great-circle distance in metres between two WGS84 positions (mean Earth radius 6371008.8 m).
create or replace macro haversine_m(lon1, lat1, lon2, lat2) as
    2 * 6371008.8 * asin(sqrt(
        pow(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
    ));

comment on macro haversine_m is 'Great-circle distance in metres between (lon1, lat1) and (lon2, lat2), WGS84 degrees, spherical Earth of radius 6371008.8 m';
