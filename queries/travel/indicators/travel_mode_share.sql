-- Mode split: weighted trips by main mode and survey year, and each mode's share of the year.
create or replace view travel_mode_share as
select
    year,
    main_mode,
    sum(weight) as weighted_trips,
    sum(weight) / sum(sum(weight)) over (partition by year) as share,
    bool_and(is_green) as green,
    count(*) as trips,
from int_travel_trips
group by year, main_mode
order by year, weighted_trips desc, main_mode;

comment on view travel_mode_share is 'Mode split of the resident travel survey: one row per survey year and main mode';
comment on column travel_mode_share.year is 'Survey year';
comment on column travel_mode_share.main_mode is 'Main mode: walk, bicycle, e_bike, bus, metro, taxi, ride_hailing, car, motorcycle, shuttle or other';
comment on column travel_mode_share.weighted_trips is 'Weighted trips by the mode (sum of expansion factors)';
comment on column travel_mode_share.share is 'Share of the year''s weighted trips (fraction)';
comment on column travel_mode_share.green is 'True when the mode counts as green travel (settings.green_travel_modes)';
comment on column travel_mode_share.trips is 'Surveyed trips by the mode (unweighted)';
