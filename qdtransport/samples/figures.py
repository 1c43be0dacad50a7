"""What the sample data should show once built: the figures the README promises.

Each function works from the generator's own lists (rows with their intended outcome, sites,
stations) by the rules of ``spec/indicators.md``, without the warehouse, so that the README can
say in advance what the demo's scorecard holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qdtransport.samples.charging import STATIONS, SampleStation
from qdtransport.samples.fleet import NEV_POWERTRAINS, FleetRecord
from qdtransport.samples.fleet_files import FleetRow
from qdtransport.samples.sites import SampleSite, register_sites


def loaded_records(files: dict[str, list[FleetRow]]) -> list[FleetRecord]:
    """The registrations the build keeps: rejected rows and collapsed duplicates left out."""
    return [
        row.record for rows in files.values() for row in rows if row.outcome in ("load", "warn")
    ]


@dataclass(frozen=True)
class ShareRow:
    """New-energy share of one year's built-up-area registrations of one use.

    Attributes
    ----------
    use_type
        ``bus`` or ``cruising_taxi``.
    year
        Registration year.
    registered, nev
        Vehicles registered in the built-up area that year; of them new-energy.
    """

    use_type: str
    year: int
    registered: int
    nev: int

    @property
    def share(self) -> float:
        """``nev / registered`` (a fraction)."""
        return self.nev / self.registered


def nev_shares(records: list[FleetRecord], use_type: str) -> list[ShareRow]:
    """``bus_nev_share_new`` / ``taxi_nev_share_new`` by year: one row per year with registrations
    in the built-up area, in year order; years without any are left out."""
    counts: dict[int, list[int]] = {}
    for record in records:
        if record.use_type == use_type and record.urban_built_up:
            tally = counts.setdefault(record.registration_date.year, [0, 0])
            tally[0] += 1
            tally[1] += record.powertrain in NEV_POWERTRAINS
    return [ShareRow(use_type, year, n, nev) for year, (n, nev) in sorted(counts.items())]


def active_share(records: list[FleetRecord], use_type: str, powertrain: str, day: dt.date) -> float:
    """Share of ``powertrain`` among the vehicles of ``use_type`` registered and not yet
    deregistered on ``day`` (the whole city, built-up or not)."""
    active = [
        r for r in records
        if r.use_type == use_type and r.registration_date <= day
        and (r.deregistration_date is None or r.deregistration_date > day)
    ]  # fmt: skip
    return sum(r.powertrain == powertrain for r in active) / len(active)


def stations_of(site: SampleSite) -> list[SampleStation]:
    """Register stations standing at ``site`` (by id or by position; the layout keeps every
    station within 300 m of its own site only)."""
    return [s for s in STATIONS if s.in_register and s.site is site]


def counted_sites(year: int) -> list[SampleSite]:
    """Sites counted by ``service_area_charger_coverage`` at the end of ``year``: open service
    areas (not parking areas) opened on or before 31 December."""
    end = dt.date(year, 12, 31)
    return [
        s for s in register_sites()
        if s.kind == "service_area" and s.status == "open" and (s.opened is None or s.opened <= end)
    ]  # fmt: skip


def is_covered(site: SampleSite, year: int) -> bool:
    """At least one station with a connector at the site in service on 31 December of ``year``."""
    end = dt.date(year, 12, 31)
    return any(
        s.dc_connectors + s.ac_connectors >= 1 and s.active_on(end) for s in stations_of(site)
    )


def coverage_by_year(first: int, last: int) -> list[tuple[int, int, int]]:
    """``(year, covered sites, counted sites)`` for each year from ``first`` to ``last``."""
    rows = []
    for year in range(first, last + 1):
        sites = counted_sites(year)
        rows.append((year, sum(is_covered(s, year) for s in sites), len(sites)))
    return rows


def charging_space_shares(year: int) -> list[tuple[SampleSite, int, float]]:
    """For each counted site at the end of ``year``: charging spaces of the stations then in service
    and their share of the site's car parking spaces (the national 10 % companion rule)."""
    end = dt.date(year, 12, 31)
    rows = []
    for site in counted_sites(year):
        spaces = sum(s.charging_spaces for s in stations_of(site) if s.active_on(end))
        rows.append((site, spaces, spaces / site.car_parking_spaces))
    return rows
