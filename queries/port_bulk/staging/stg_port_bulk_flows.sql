-- Staging: port bulk cargo collected to and distributed from the port, typed (month text to a
-- date). One row per loaded input row; nothing is filtered or derived here.
create or replace view stg_port_bulk_flows as
select
    strptime(month || '-01', '%Y-%m-%d')::date as month,
    terminal,
    cargo,
    flow,
    mode,
    tonnes,
    source_file,
    source_row,
from port_bulk_flows;

comment on view stg_port_bulk_flows is 'Port bulk cargo collection and distribution (staging): one row per loaded port_bulk_flows row, month typed as a date';
comment on column stg_port_bulk_flows.month is 'First day of the month the tonnes moved in';
comment on column stg_port_bulk_flows.terminal is 'Port area or terminal, e.g. 前湾, 董家口; null when the export does not say';
comment on column stg_port_bulk_flows.cargo is 'Cargo class: coal, iron_ore, coke, bauxite, other_ore, grain, crude_oil, oil_products or other';
comment on column stg_port_bulk_flows.flow is 'to_port (集港, collected to the port) or from_port (疏港, distributed from it)';
comment on column stg_port_bulk_flows.mode is 'Transport mode: rail, waterway, belt_conveyor, pipeline, truck_nev, truck_diesel, truck_lng or truck_other';
comment on column stg_port_bulk_flows.tonnes is 'Tonnes moved (t)';
comment on column stg_port_bulk_flows.source_file is 'Input file of the row, relative to the data directory';
comment on column stg_port_bulk_flows.source_row is 'Line (CSV) or sheet row (Excel) of the row in that file';
