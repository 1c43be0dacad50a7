-- Green travel share by district and survey year, with its 95% interval (domain estimation on the
-- year's design; see int_green_travel_estimates).
create or replace view green_travel_share_by_district as
select
    year,
    domain as district,
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
where breakdown = 'district'
order by year, domain nulls last;

comment on view green_travel_share_by_district is 'Green travel share by survey year and district: one row each, with the 95% interval for the domain (clusters of the whole year count in the variance, as R survey::svyby(~green, ~district, design, svyratio, denominator = ~one) gives)';
comment on column green_travel_share_by_district.year is 'Survey year';
comment on column green_travel_share_by_district.district is 'District or county-level city; null for trips without one';
comment on column green_travel_share_by_district.value is 'Green travel share of the domain (fraction)';
comment on column green_travel_share_by_district.numerator is 'Weighted green trips of the domain';
comment on column green_travel_share_by_district.denominator is 'Weighted trips of the domain';
comment on column green_travel_share_by_district.ci_low is 'Lower end of the 95% interval; null with fewer than two clusters in the domain';
comment on column green_travel_share_by_district.ci_high is 'Upper end of the 95% interval; null with fewer than two clusters in the domain';
comment on column green_travel_share_by_district.trips is 'Surveyed trips of the domain (unweighted)';
comment on column green_travel_share_by_district.persons is 'Clusters with a trip in the domain (persons, plus each trip without a person id)';
comment on column green_travel_share_by_district.se is 'Standard error of value';
comment on column green_travel_share_by_district.design_effect is 'Design effect of the domain estimate (variance / simple-random-sampling variance, R survey deff convention)';
comment on column green_travel_share_by_district.interval_note is 'Why there is no interval: fewer_than_two_clusters; null when there is one';
