-- Mode mix of bulk cargo collection and distribution: each mode's tonnes and its share of the
-- year's bulk-cargo tonnes (both flows).
create or replace view port_bulk_mode_mix as
select
    flows.year,
    flows.mode,
    any_value(flows.is_green) as green,
    sum(flows.tonnes) as tonnes,
    sum(flows.tonnes) / nullif(sum(sum(flows.tonnes)) over (partition by flows.year), 0) as share,
    any_value(years.complete) as complete,
from int_port_bulk_flows as flows
inner join int_port_bulk_years as years on flows.year = years.year
where flows.is_bulk
group by flows.year, flows.mode
order by flows.year, flows.mode;

comment on view port_bulk_mode_mix is 'Mode mix of port bulk cargo collection and distribution: one row per year and transport mode with bulk-cargo rows';
comment on column port_bulk_mode_mix.year is 'Calendar year';
comment on column port_bulk_mode_mix.mode is 'Transport mode (rail, waterway, belt_conveyor, pipeline, truck_nev, truck_diesel, truck_lng, truck_other)';
comment on column port_bulk_mode_mix.green is 'True when the mode counts as green (settings.green_freight_modes)';
comment on column port_bulk_mode_mix.tonnes is 'Bulk-cargo tonnes moved by the mode, both flows, t';
comment on column port_bulk_mode_mix.share is 'tonnes / all bulk-cargo tonnes of the year (fraction)';
comment on column port_bulk_mode_mix.complete is 'True when all twelve months of the year have bulk-cargo rows';
