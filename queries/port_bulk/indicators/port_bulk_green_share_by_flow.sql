-- Green transport share of bulk cargo per flow (collected to the port, distributed from it) and
-- year.
create or replace view port_bulk_green_share_by_flow as
select
    flows.year,
    flows.flow,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) as green_tonnes,
    sum(flows.tonnes) as tonnes,
    coalesce(sum(flows.tonnes) filter (where flows.is_green), 0) / nullif(sum(flows.tonnes), 0) as share,
    any_value(years.complete) as complete,
from int_port_bulk_flows as flows
inner join int_port_bulk_years as years on flows.year = years.year
where flows.is_bulk
group by flows.year, flows.flow
order by flows.year, flows.flow;

comment on view port_bulk_green_share_by_flow is 'Green transport share of port bulk cargo by flow: one row per year and flow with bulk-cargo rows';
comment on column port_bulk_green_share_by_flow.year is 'Calendar year';
comment on column port_bulk_green_share_by_flow.flow is 'to_port (集港) or from_port (疏港)';
comment on column port_bulk_green_share_by_flow.green_tonnes is 'Bulk-cargo tonnes of the flow moved by green modes, t';
comment on column port_bulk_green_share_by_flow.tonnes is 'All bulk-cargo tonnes of the flow, t';
comment on column port_bulk_green_share_by_flow.share is 'green_tonnes / tonnes (fraction); null when tonnes is 0';
comment on column port_bulk_green_share_by_flow.complete is 'True when all twelve months of the year have bulk-cargo rows';
