-- Staging: the vehicle register, typed and flagged. One row per loaded registration.
create or replace view stg_fleet_register as
select
    vin,
    plate,
    use_type,
    powertrain,
    list_contains((select nev_powertrains from settings), powertrain) as is_nev,
    registration_date,
    year(registration_date) as registration_year,
    deregistration_date,
    urban_built_up,
    district,
    operator,
    source_file,
    source_row,
from fleet_register;

comment on view stg_fleet_register is 'Vehicle register (staging): one row per loaded registration, with the new-energy flag from settings.nev_powertrains';
comment on column stg_fleet_register.vin is 'Vehicle identification number (17 characters, check digit verified)';
comment on column stg_fleet_register.plate is 'Number plate, upper case, separators removed';
comment on column stg_fleet_register.use_type is 'bus, cruising_taxi, ride_hailing or other';
comment on column stg_fleet_register.powertrain is 'BEV, PHEV, EREV, FCEV, HEV, PETROL, DIESEL, CNG, LNG, LPG, METHANOL or OTHER';
comment on column stg_fleet_register.is_nev is 'True for new-energy powertrains (settings.nev_powertrains; default BEV, PHEV, EREV, FCEV)';
comment on column stg_fleet_register.registration_date is 'First registration for this use in the city';
comment on column stg_fleet_register.registration_year is 'Calendar year of registration_date';
comment on column stg_fleet_register.deregistration_date is 'Scrapped or transferred out; null while active';
comment on column stg_fleet_register.urban_built_up is 'Operates in the urban built-up area (城市建成区)';
comment on column stg_fleet_register.district is 'District or county-level city';
comment on column stg_fleet_register.operator is 'Operating company';
comment on column stg_fleet_register.source_file is 'Input file of the row';
comment on column stg_fleet_register.source_row is 'Line or sheet row of the row in that file';
