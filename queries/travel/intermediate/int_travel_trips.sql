-- Intermediate: survey trips with what the estimators need: the green flag (from settings),
-- the variance cluster and the distance band. One row per loaded trip.
create or replace view int_travel_trips as
select
    year,
    trip_id,
    person_id,
    -- persons are the clusters of the variance; a trip without a person id is a cluster of its own
    case when person_id is null then 'trip:' || trip_id else 'person:' || person_id end as cluster_id,
    weight,
    main_mode,
    list_contains((select green_travel_modes from settings), main_mode) as is_green,
    case when list_contains((select green_travel_modes from settings), main_mode) then 1.0 else 0.0 end as green,
    district,
    distance_km,
    case
        when distance_km is null then null
        when distance_km < 1 then '0-1'
        when distance_km < 3 then '1-3'
        when distance_km < 5 then '3-5'
        when distance_km < 10 then '5-10'
        else '10+'
    end as distance_band,
    case
        when distance_km is null then null
        when distance_km < 1 then 1
        when distance_km < 3 then 2
        when distance_km < 5 then 3
        when distance_km < 10 then 4
        else 5
    end as distance_band_order,
from stg_travel_survey_trips;

comment on view int_travel_trips is 'Survey trips prepared for estimation: one row per loaded trip, with the green flag (settings.green_travel_modes), the variance cluster and the distance band';
comment on column int_travel_trips.year is 'Survey year';
comment on column int_travel_trips.trip_id is 'Trip id, unique within the survey year';
comment on column int_travel_trips.person_id is 'Person id; null when not recorded';
comment on column int_travel_trips.cluster_id is 'Variance cluster within the year: person:<person_id>, or trip:<trip_id> for a trip without a person id';
comment on column int_travel_trips.weight is 'Expansion factor (> 0)';
comment on column int_travel_trips.main_mode is 'Main mode of the trip';
comment on column int_travel_trips.is_green is 'True when main_mode is in settings.green_travel_modes (default walk, bicycle, e_bike, bus, metro)';
comment on column int_travel_trips.green is '1.0 for a green trip, else 0.0 (the numerator variable of the ratio estimator)';
comment on column int_travel_trips.district is 'District or county-level city; null when not recorded';
comment on column int_travel_trips.distance_km is 'Trip distance, km; null when not recorded';
comment on column int_travel_trips.distance_band is 'Distance band, km, lower edge inclusive: 0-1, 1-3, 3-5, 5-10, 10+; null without a distance';
comment on column int_travel_trips.distance_band_order is 'Sort order of distance_band (1 = 0-1 km … 5 = 10+ km)';
