-- Green transport share of bulk cargo per port area or terminal and year.
create or replace view port_bulk_green_share_by_terminal as
select
    flows.year,
    flows.terminal,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) as green_tonnes,
    sum(flows.tonnes) as tonnes,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) / nullif(sum(flows.tonnes), 0) as share,
    any_value(years.complete) as complete,
from int_port_bulk_flows as flows
inner join int_port_bulk_years as years on flows.year = years.year
where flows.is_bulk
group by flows.year, flows.terminal
order by flows.year, flows.terminal nulls last;

comment on view port_bulk_green_share_by_terminal is 'Green transport share of port bulk cargo by port area or terminal: one row per year and terminal with bulk-cargo rows (rows without a terminal together)';
comment on column port_bulk_green_share_by_terminal.year is 'Calendar year';
comment on column port_bulk_green_share_by_terminal.terminal is 'Port area or terminal, e.g. 前湾, 董家口; null for rows that do not say';
comment on column port_bulk_green_share_by_terminal.green_tonnes is 'Bulk-cargo tonnes at the terminal moved by green modes, t';
comment on column port_bulk_green_share_by_terminal.tonnes is 'All bulk-cargo tonnes at the terminal, t';
comment on column port_bulk_green_share_by_terminal.share is 'green_tonnes / tonnes (fraction); null when tonnes is 0';
comment on column port_bulk_green_share_by_terminal.complete is 'True when all twelve months of the year have bulk-cargo rows';
