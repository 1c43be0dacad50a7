-- Staging: the resident travel survey, renamed and typed. One row per loaded trip.
create or replace view stg_travel_survey_trips as
select
    survey_year::integer as year,
    trip_id,
    nullif(trim(person_id), '') as person_id,
    weight::double as weight,
    main_mode,
    nullif(trim(district), '') as district,
    distance_km::double as distance_km,
    source_file,
    source_row,
from travel_survey_trips;

comment on view stg_travel_survey_trips is 'Resident travel survey (staging): one row per loaded trip (rows with a missing or non-positive weight, an unknown mode or a conflicting duplicate trip id are in rejects)';
comment on column stg_travel_survey_trips.year is 'Survey year';
comment on column stg_travel_survey_trips.trip_id is 'Trip id, unique within the survey year';
comment on column stg_travel_survey_trips.person_id is 'Person id; null when the survey did not record it';
comment on column stg_travel_survey_trips.weight is 'Expansion factor (> 0): trips in the population this trip stands for';
comment on column stg_travel_survey_trips.main_mode is 'Main mode: walk, bicycle, e_bike, bus, metro, taxi, ride_hailing, car, motorcycle, shuttle or other';
comment on column stg_travel_survey_trips.district is 'District or county-level city; null when not recorded';
comment on column stg_travel_survey_trips.distance_km is 'Trip distance, km; null when not recorded';
comment on column stg_travel_survey_trips.source_file is 'Input file of the row';
comment on column stg_travel_survey_trips.source_row is 'Line or sheet row of the row in that file';
