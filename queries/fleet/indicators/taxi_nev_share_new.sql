-- Indicator taxi_nev_share_new: new-energy share of new and renewed cruising taxis in the urban
-- built-up area, per registration year (plan target: see table targets).
create or replace view taxi_nev_share_new as
select
    year,
    nev_share as value,
    nev_vehicles as numerator,
    vehicles as denominator,
    complete,
from fleet_nev_share_new
where use_type = 'cruising_taxi'
order by year;

comment on view taxi_nev_share_new is 'Indicator taxi_nev_share_new: new-energy share of cruising taxis newly registered in the urban built-up area, one row per year with registrations';
comment on column taxi_nev_share_new.year is 'Registration year';
comment on column taxi_nev_share_new.value is 'New-energy share (fraction)';
comment on column taxi_nev_share_new.numerator is 'New-energy cruising taxis registered in the year';
comment on column taxi_nev_share_new.denominator is 'All cruising taxis registered in the year';
comment on column taxi_nev_share_new.complete is 'True when the register reaches 31 December of the year';
