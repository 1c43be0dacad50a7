-- Green transport share of bulk cargo per month (both flows), for seasonal patterns and for
-- spotting missing months.
create or replace view port_bulk_green_share_monthly as
select
    month,
    year,
    coalesce(sum(tonnes) filter (where is_green), 0) as green_tonnes,
    sum(tonnes) as tonnes,
    coalesce(sum(tonnes) filter (where is_green), 0) / nullif(sum(tonnes), 0) as share,
from int_port_bulk_flows
where is_bulk
group by month, year
order by month;

comment on view port_bulk_green_share_monthly is 'Green transport share of port bulk cargo by month: one row per month with bulk-cargo rows';
comment on column port_bulk_green_share_monthly.month is 'First day of the month';
comment on column port_bulk_green_share_monthly.year is 'Calendar year of month';
comment on column port_bulk_green_share_monthly.green_tonnes is 'Bulk-cargo tonnes moved by green modes in the month, t';
comment on column port_bulk_green_share_monthly.tonnes is 'All bulk-cargo tonnes of the month, t';
comment on column port_bulk_green_share_monthly.share is 'green_tonnes / tonnes (fraction); null when tonnes is 0';
