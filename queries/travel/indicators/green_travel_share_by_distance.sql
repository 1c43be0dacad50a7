-- Green travel share by distance band and survey year, with its 95% interval (domain estimation on the
-- year's design; see int_green_travel_estimates).
create or replace view green_travel_share_by_distance as
select
    year,
    domain as distance_band,
    domain_order as distance_band_order,
    value,
    numerator,
    denominator,
    ci_low,
    ci_high,
    trips,
    persons,
    se,
    design_effect,
    interval_note,
from int_green_travel_estimates
where breakdown = 'distance_band'
order by year, domain_order nulls last;

comment on view green_travel_share_by_distance is 'Green travel share by survey year and distance band: one row each, with the 95% interval for the domain (clusters of the whole year count in the variance, as R survey::svyby(~green, ~distance_band, design, svyratio, denominator = ~one) gives)';
comment on column green_travel_share_by_distance.year is 'Survey year';
comment on column green_travel_share_by_distance.distance_band is 'Distance band, km, lower edge inclusive: 0-1, 1-3, 3-5, 5-10, 10+; null for trips without a distance';
comment on column green_travel_share_by_distance.distance_band_order is 'Sort order: 1 = 0-1 km … 5 = 10+ km';
comment on column green_travel_share_by_distance.value is 'Green travel share of the domain (fraction)';
comment on column green_travel_share_by_distance.numerator is 'Weighted green trips of the domain';
comment on column green_travel_share_by_distance.denominator is 'Weighted trips of the domain';
comment on column green_travel_share_by_distance.ci_low is 'Lower end of the 95% interval; null with fewer than two clusters in the domain';
comment on column green_travel_share_by_distance.ci_high is 'Upper end of the 95% interval; null with fewer than two clusters in the domain';
comment on column green_travel_share_by_distance.trips is 'Surveyed trips of the domain (unweighted)';
comment on column green_travel_share_by_distance.persons is 'Clusters with a trip in the domain (persons, plus each trip without a person id)';
comment on column green_travel_share_by_distance.se is 'Standard error of value';
comment on column green_travel_share_by_distance.design_effect is 'Design effect of the domain estimate (variance / simple-random-sampling variance, R survey deff convention)';
comment on column green_travel_share_by_distance.interval_note is 'Why there is no interval: fewer_than_two_clusters; null when there is one';
