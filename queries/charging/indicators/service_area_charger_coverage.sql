-- Indicator service_area_charger_coverage: share of expressway service areas (kind service_area,
-- in service on 31 December) with at least one charging station in service.
create or replace view service_area_charger_coverage as
select
    year,
    coverage as value,
    covered_sites as numerator,
    sites as denominator,
    coalesce(
        (select extract_date from stg_charging_extract where table_name = 'charging_stations'),
        (select extract_date from stg_charging_extract where table_name = 'service_areas')
    ) >= make_date(year, 12, 31) as complete,
from sa_charger_coverage_by_kind
where kind = 'service_area'
    -- the series starts in the year the charging-station register's first station with a
    -- connector went into service, whether or not it belongs to a site (no site covered is 0)
    and year >= (
        select min(year(commissioned_date))
        from int_charging_stations
        where connectors >= 1
    )
order by year;

comment on view service_area_charger_coverage is 'Indicator service_area_charger_coverage: one row per year from the first charging station in service to the build year, covered service areas / service areas in service on 31 December (parking areas excluded; see sa_charger_coverage_by_kind)';
comment on column service_area_charger_coverage.year is 'Year (state on 31 December)';
comment on column service_area_charger_coverage.value is 'Coverage (fraction)';
comment on column service_area_charger_coverage.numerator is 'Service areas with a charging station in service';
comment on column service_area_charger_coverage.denominator is 'Service areas in service';
comment on column service_area_charger_coverage.complete is 'True when the charging-station register reaches 31 December of the year';
