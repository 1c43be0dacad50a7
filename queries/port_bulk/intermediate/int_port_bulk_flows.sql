-- Port bulk flows classified by the settings: which rows are bulk cargo (settings.bulk_cargoes)
-- and which modes are green (settings.green_freight_modes). One row per staged row, all cargoes.
create or replace view int_port_bulk_flows as
select
    year(month) as year,
    month,
    terminal,
    cargo,
    flow,
    mode,
    tonnes,
    list_contains((select bulk_cargoes from settings), cargo) as is_bulk,
    list_contains((select green_freight_modes from settings), mode) as is_green,
    source_file,
    source_row,
from stg_port_bulk_flows;

comment on view int_port_bulk_flows is 'Port bulk cargo flows with the bulk-cargo and green-mode flags from settings: one row per loaded port_bulk_flows row';
comment on column int_port_bulk_flows.year is 'Calendar year of month';
comment on column int_port_bulk_flows.month is 'First day of the month the tonnes moved in';
comment on column int_port_bulk_flows.terminal is 'Port area or terminal; null when the export does not say';
comment on column int_port_bulk_flows.cargo is 'Cargo class (coal, iron_ore, coke, bauxite, other_ore, grain, crude_oil, oil_products, other)';
comment on column int_port_bulk_flows.flow is 'to_port (集港) or from_port (疏港)';
comment on column int_port_bulk_flows.mode is 'Transport mode (rail, waterway, belt_conveyor, pipeline, truck_nev, truck_diesel, truck_lng, truck_other)';
comment on column int_port_bulk_flows.tonnes is 'Tonnes moved (t)';
comment on column int_port_bulk_flows.is_bulk is 'True when cargo is one of settings.bulk_cargoes (default coal, iron_ore, coke, bauxite, other_ore)';
comment on column int_port_bulk_flows.is_green is 'True when mode is one of settings.green_freight_modes (default rail, waterway, belt_conveyor, truck_nev; pipeline only when added)';
comment on column int_port_bulk_flows.source_file is 'Input file of the row, relative to the data directory';
comment on column int_port_bulk_flows.source_row is 'Line (CSV) or sheet row (Excel) of the row in that file';
