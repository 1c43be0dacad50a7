-- Indicator port_bulk_green_share: share of bulk-cargo tonnes collected to and distributed from
-- the port by green modes, both flows together, per year (plan target: see table targets).
-- A year whose bulk-cargo rows hold no tonnes at all has no row (no share without a denominator).
create or replace view port_bulk_green_share as
select
    flows.year,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) / sum(flows.tonnes) as value,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) as numerator,
    sum(flows.tonnes) as denominator,
    any_value(years.complete) as complete,
from int_port_bulk_flows as flows
inner join int_port_bulk_years as years on flows.year = years.year
where flows.is_bulk
group by flows.year
having sum(flows.tonnes) > 0
order by flows.year;

comment on view port_bulk_green_share is 'Indicator port_bulk_green_share: green transport share of port bulk cargo (settings.bulk_cargoes, both flows), one row per year with bulk tonnes';
comment on column port_bulk_green_share.year is 'Calendar year';
comment on column port_bulk_green_share.value is 'Green share: numerator / denominator (fraction)';
comment on column port_bulk_green_share.numerator is 'Bulk-cargo tonnes moved by green modes (settings.green_freight_modes), t';
comment on column port_bulk_green_share.denominator is 'All bulk-cargo tonnes collected to and distributed from the port, t';
comment on column port_bulk_green_share.complete is 'True when all twelve months of the year have bulk-cargo rows';
