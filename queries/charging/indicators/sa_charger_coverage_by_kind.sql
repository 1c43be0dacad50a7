-- Charger coverage of sites in service on 31 December, by kind (service areas and parking areas).
create or replace view sa_charger_coverage_by_kind as
select
    year,
    kind,
    count(*) as sites,
    count(*) filter (where covered) as covered_sites,
    count(*) filter (where covered) / count(*) as coverage,
    count(*) filter (where meets_space_rule) as sites_meeting_space_rule,
    count(*) filter (where meets_space_rule is not null) as sites_with_space_data,
from sa_site_charging
where in_service
group by year, kind
order by year, kind;

comment on view sa_charger_coverage_by_kind is 'Charger coverage on 31 December by kind of site: one row per year and kind (service_area, parking_area); only sites in service';
comment on column sa_charger_coverage_by_kind.year is 'Year (state on 31 December)';
comment on column sa_charger_coverage_by_kind.kind is 'service_area or parking_area';
comment on column sa_charger_coverage_by_kind.sites is 'Sites in service';
comment on column sa_charger_coverage_by_kind.covered_sites is 'Sites with at least one charging station in service';
comment on column sa_charger_coverage_by_kind.coverage is 'covered_sites / sites (fraction)';
comment on column sa_charger_coverage_by_kind.sites_meeting_space_rule is 'Sites whose charging spaces reach settings.charging_space_share_min of car parking spaces';
comment on column sa_charger_coverage_by_kind.sites_with_space_data is 'Sites where both charging spaces and car parking spaces are known';
