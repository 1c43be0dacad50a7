-- Indicator bus_nev_share_new: new-energy share of new and renewed buses in the urban
-- built-up area, per registration year (plan target: see table targets).
create or replace view bus_nev_share_new as
select
    year,
    nev_share as value,
    nev_vehicles as numerator,
    vehicles as denominator,
    complete,
from fleet_nev_share_new
where use_type = 'bus'
order by year;

comment on view bus_nev_share_new is 'Indicator bus_nev_share_new: new-energy share of buses newly registered in the urban built-up area, one row per year with registrations';
comment on column bus_nev_share_new.year is 'Registration year';
comment on column bus_nev_share_new.value is 'New-energy share (fraction)';
comment on column bus_nev_share_new.numerator is 'New-energy buses registered in the year';
comment on column bus_nev_share_new.denominator is 'All buses registered in the year';
comment on column bus_nev_share_new.complete is 'True when the register reaches 31 December of the year';
