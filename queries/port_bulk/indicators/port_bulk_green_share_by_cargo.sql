-- Green transport share per bulk cargo class and year (the ministry reports coal and iron ore
-- separately). Only cargo classes in settings.bulk_cargoes.
create or replace view port_bulk_green_share_by_cargo as
select
    flows.year,
    flows.cargo,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) as green_tonnes,
    sum(flows.tonnes) as tonnes,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) / nullif(sum(flows.tonnes), 0) as share,
    any_value(years.complete) as complete,
from int_port_bulk_flows as flows
inner join int_port_bulk_years as years on flows.year = years.year
where flows.is_bulk
group by flows.year, flows.cargo
order by flows.year, flows.cargo;

comment on view port_bulk_green_share_by_cargo is 'Green transport share of port bulk cargo by cargo class: one row per year and cargo class in settings.bulk_cargoes with rows';
comment on column port_bulk_green_share_by_cargo.year is 'Calendar year';
comment on column port_bulk_green_share_by_cargo.cargo is 'Cargo class, e.g. coal, iron_ore';
comment on column port_bulk_green_share_by_cargo.green_tonnes is 'Tonnes of the cargo moved by green modes (settings.green_freight_modes), t';
comment on column port_bulk_green_share_by_cargo.tonnes is 'All tonnes of the cargo collected to and distributed from the port, t';
comment on column port_bulk_green_share_by_cargo.share is 'green_tonnes / tonnes (fraction); null when tonnes is 0';
comment on column port_bulk_green_share_by_cargo.complete is 'True when all twelve months of the year have bulk-cargo rows';
