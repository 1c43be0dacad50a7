-- Intermediate: the green travel share with its design-based variance, for the whole survey year
-- and for each district and distance band of the year (domains).
--
-- Estimator (what R's survey::svyratio(~green, ~one, design) with confint() gives, the design
-- being svydesign(ids = ~cluster_id, strata = ~year, weights = ~weight): one independent sample per
-- survey year, persons as clusters, sampled with replacement):
--   R = sum(w * g) / sum(w) over the trips of the domain (g = 1 for a green trip, else 0);
--   Taylor linearisation: z_i = w_i * (g_i - R) / sum(w) for a trip in the domain, 0 outside it;
--   z_c = sum of z_i over the trips of cluster c; the clusters are those of the whole year (n);
--   var(R) = n / (n - 1) * sum over the n clusters of (z_c - mean(z_c))^2;
--   95% interval: R -/+ 1.959963984540054 * sqrt(var(R)) (the normal quantile qnorm(0.975)).
-- An interval needs at least two clusters in the domain (and so in the year): else it is null and
-- interval_note says why.
create or replace view int_green_travel_estimates as
with domain_trips as (
    select year, 'all' as breakdown, null::varchar as domain, null::integer as domain_order, cluster_id, weight, green,
    from int_travel_trips
    union all
    select year, 'district', district, null, cluster_id, weight, green,
    from int_travel_trips
    union all
    select year, 'distance_band', distance_band, distance_band_order, cluster_id, weight, green,
    from int_travel_trips
),

year_design as (
    select year, count(distinct cluster_id) as year_clusters,
    from int_travel_trips
    group by year
),

estimates as (
    select
        year,
        breakdown,
        domain,
        min(domain_order) as domain_order,
        sum(weight * green) as numerator,
        sum(weight) as denominator,
        sum(weight * green) / sum(weight) as value,
        count(*) as trips,
        count(distinct cluster_id) as persons,
    from domain_trips
    group by year, breakdown, domain
),

cluster_scores as (
    select
        domain_trips.year,
        domain_trips.breakdown,
        domain_trips.domain,
        domain_trips.cluster_id,
        sum(domain_trips.weight * (domain_trips.green - estimates.value)) / any_value(estimates.denominator) as z,
    from domain_trips
    join estimates
        on domain_trips.year = estimates.year
        and domain_trips.breakdown = estimates.breakdown
        and domain_trips.domain is not distinct from estimates.domain
    group by domain_trips.year, domain_trips.breakdown, domain_trips.domain, domain_trips.cluster_id
),

score_means as (
    select cluster_scores.year, breakdown, domain, sum(z) / any_value(year_clusters) as z_mean,
    from cluster_scores
    join year_design using (year)
    group by cluster_scores.year, breakdown, domain
),

variances as (
    -- the year's clusters without a trip in the domain have z_c = 0: each adds (0 - z_mean)^2
    select
        cluster_scores.year,
        cluster_scores.breakdown,
        cluster_scores.domain,
        any_value(year_design.year_clusters) as year_clusters,
        case when any_value(year_design.year_clusters) >= 2 then
            any_value(year_design.year_clusters) / (any_value(year_design.year_clusters) - 1.0) * (
                sum((cluster_scores.z - score_means.z_mean) ^ 2)
                + (any_value(year_design.year_clusters) - count(*)) * any_value(score_means.z_mean) ^ 2
            )
        end as variance,
    from cluster_scores
    join year_design using (year)
    join score_means
        on cluster_scores.year = score_means.year
        and cluster_scores.breakdown = score_means.breakdown
        and cluster_scores.domain is not distinct from score_means.domain
    group by cluster_scores.year, cluster_scores.breakdown, cluster_scores.domain
),

srs_variances as (
    -- variance of R under simple random sampling of as many trips without replacement (survey's
    -- deff = TRUE convention): sum(w (g - R)^2) / sum(w) / (n_trips - 1) * (sum(w) - n_trips) / sum(w)
    select
        domain_trips.year,
        domain_trips.breakdown,
        domain_trips.domain,
        case when count(*) >= 2 and any_value(estimates.denominator) > count(*) then
            sum(domain_trips.weight * (domain_trips.green - estimates.value) ^ 2) / any_value(estimates.denominator)
            / (count(*) - 1)
            * (any_value(estimates.denominator) - count(*)) / any_value(estimates.denominator)
        end as srs_variance,
    from domain_trips
    join estimates
        on domain_trips.year = estimates.year
        and domain_trips.breakdown = estimates.breakdown
        and domain_trips.domain is not distinct from estimates.domain
    group by domain_trips.year, domain_trips.breakdown, domain_trips.domain
),

intervals as (
    select
        estimates.*,
        variances.year_clusters,
        case when estimates.persons >= 2 then variances.variance end as variance,
        srs_variances.srs_variance,
    from estimates
    join variances
        on estimates.year = variances.year
        and estimates.breakdown = variances.breakdown
        and estimates.domain is not distinct from variances.domain
    join srs_variances
        on estimates.year = srs_variances.year
        and estimates.breakdown = srs_variances.breakdown
        and estimates.domain is not distinct from srs_variances.domain
)

select
    year,
    breakdown,
    domain,
    domain_order,
    value,
    numerator,
    denominator,
    trips,
    persons,
    year_clusters,
    variance,
    sqrt(variance) as se,
    value - 1.959963984540054 * sqrt(variance) as ci_low,
    value + 1.959963984540054 * sqrt(variance) as ci_high,
    case when srs_variance > 0 then variance / srs_variance end as design_effect,
    case when persons < 2 then 'fewer_than_two_clusters' end as interval_note,
from intervals
order by year, breakdown, domain_order nulls last, domain nulls last;

comment on view int_green_travel_estimates is 'Green travel share with its design-based 95% interval: one row per survey year and domain (breakdown all: the whole year; district; distance_band). Ratio estimator sum(w g)/sum(w), Taylor linearisation with persons as clusters (a trip without person id its own cluster), with-replacement variance n/(n-1) sum (z_c - mean z)^2 over the year''s n clusters, normal quantile; as R survey::svyratio + confint on svydesign(ids = ~cluster, strata = ~year, weights = ~weight)';
comment on column int_green_travel_estimates.year is 'Survey year';
comment on column int_green_travel_estimates.breakdown is 'all (the whole survey year), district or distance_band';
comment on column int_green_travel_estimates.domain is 'The district or distance band (null for breakdown all, and for trips without a district or distance)';
comment on column int_green_travel_estimates.domain_order is 'Sort order of a distance band (1 = 0-1 km … 5 = 10+ km); null otherwise';
comment on column int_green_travel_estimates.value is 'Green travel share R = numerator / denominator (fraction)';
comment on column int_green_travel_estimates.numerator is 'Weighted green trips: sum of weight over trips with a green main mode';
comment on column int_green_travel_estimates.denominator is 'Weighted trips: sum of weight over all trips of the domain';
comment on column int_green_travel_estimates.trips is 'Surveyed trips in the domain (unweighted count)';
comment on column int_green_travel_estimates.persons is 'Clusters with a trip in the domain: persons, plus each trip without a person id';
comment on column int_green_travel_estimates.year_clusters is 'Clusters in the whole survey year (n of the variance formula)';
comment on column int_green_travel_estimates.variance is 'Design-based (linearisation) variance of value; null with fewer than two clusters';
comment on column int_green_travel_estimates.se is 'Standard error of value: sqrt(variance)';
comment on column int_green_travel_estimates.ci_low is 'Lower end of the 95% interval: value - 1.959964 se (not clipped at 0)';
comment on column int_green_travel_estimates.ci_high is 'Upper end of the 95% interval: value + 1.959964 se (not clipped at 1)';
comment on column int_green_travel_estimates.design_effect is 'Design effect (R survey deff convention): variance / the variance of R under simple random sampling of the same number of trips without replacement, sum(w (g - R)^2) / sum(w) / (trips - 1) * (sum(w) - trips) / sum(w); null when that is 0 or undefined (fewer than two trips, weights summing to no more than trips)';
comment on column int_green_travel_estimates.interval_note is 'Why the interval is null: fewer_than_two_clusters; null when there is an interval';
