-- Which months of each year have bulk-cargo rows: a year is complete when all twelve do.
-- One row per year with at least one bulk-cargo row.
create or replace view int_port_bulk_years as
select
    year,
    count(distinct month) as months_present,
    count(distinct month) = 12 as complete,
from int_port_bulk_flows
where is_bulk
group by year;

comment on view int_port_bulk_years is 'Months with bulk-cargo rows per year: one row per year with any bulk-cargo row (cargo in settings.bulk_cargoes)';
comment on column int_port_bulk_years.year is 'Calendar year';
comment on column int_port_bulk_years.months_present is 'Months of the year with at least one bulk-cargo row (1-12)';
comment on column int_port_bulk_years.complete is 'True when all twelve months of the year have bulk-cargo rows';
