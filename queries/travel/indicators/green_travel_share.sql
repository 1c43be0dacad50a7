-- Indicator green_travel_share: weighted trips by green main modes over all weighted trips, per
-- survey year, with the design-based 95% interval (see int_green_travel_estimates).
create or replace view green_travel_share as
select
    year,
    value,
    numerator,
    denominator,
    true as complete,
    ci_low,
    ci_high,
    trips,
    persons,
    se,
    design_effect,
    interval_note,
from int_green_travel_estimates
where breakdown = 'all'
order by year;

comment on view green_travel_share is 'Indicator green_travel_share: one row per survey year; share of weighted trips whose main mode is green (settings.green_travel_modes), with a 95% interval as R survey::svyratio(~green, ~one, svydesign(ids = ~person_id, weights = ~weight)) + confint() gives for that year''s survey (a trip without person id is its own cluster)';
comment on column green_travel_share.year is 'Survey year';
comment on column green_travel_share.value is 'Green travel share (fraction): numerator / denominator';
comment on column green_travel_share.numerator is 'Weighted green trips (sum of expansion factors)';
comment on column green_travel_share.denominator is 'Weighted trips (sum of expansion factors)';
comment on column green_travel_share.complete is 'Always true: a survey is the complete sample of its year';
comment on column green_travel_share.ci_low is 'Lower end of the 95% interval (value - 1.959964 se); null with fewer than two clusters';
comment on column green_travel_share.ci_high is 'Upper end of the 95% interval (value + 1.959964 se); null with fewer than two clusters';
comment on column green_travel_share.trips is 'Surveyed trips (unweighted sample size)';
comment on column green_travel_share.persons is 'Clusters in the variance: persons, plus each trip without a person id';
comment on column green_travel_share.se is 'Standard error of value (Taylor linearisation, persons as clusters, with replacement)';
comment on column green_travel_share.design_effect is 'Design effect (R survey deff convention for svyratio): se^2 / v_srs, where v_srs = sum(w (g - R)^2) / sum(w) / (trips - 1) * (sum(w) - trips) / sum(w) is the variance of R under simple random sampling of as many trips without replacement; null when v_srs is 0 or undefined';
comment on column green_travel_share.interval_note is 'Why there is no interval: fewer_than_two_clusters; null when there is one';
