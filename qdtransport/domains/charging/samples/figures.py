"""What the sample sites and stations should show once built: the figures the README promises.

Each function works from the generator's own lists (sites, stations) by the rules of
``spec/indicators.md``, without the warehouse, so that the README can say in advance what the
demo's scorecard holds.
"""

from __future__ import annotations

import datetime as dt

from qdtransport.domains.charging.samples.sites import SampleSite, register_sites
from qdtransport.domains.charging.samples.stations import STATIONS, SampleStation


def stations_of(site: SampleSite) -> list[SampleStation]:
    """Register stations standing at ``site``.

    By id or by position: the layout keeps every station within 300 m of its own site only.
    """
    return [s for s in STATIONS if s.in_register and s.site is site]


def counted_sites(year: int) -> list[SampleSite]:
    """Sites counted by ``service_area_charger_coverage`` at the end of ``year``.

    Open service areas (not parking areas) opened on or before 31 December.
    """
    end = dt.date(year, 12, 31)
    return [
        s for s in register_sites()
        if s.kind == "service_area" and s.status == "open" and (s.opened is None or s.opened <= end)
    ]


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
    """Charging spaces of each counted site at the end of ``year``, and their share of car spaces.

    For each counted site: the charging spaces of the stations then in service and their share of
    the site's car parking spaces (the national 10 % companion rule).
    """
    end = dt.date(year, 12, 31)
    rows = []
    for site in counted_sites(year):
        spaces = sum(s.charging_spaces for s in stations_of(site) if s.active_on(end))
        rows.append((site, spaces, spaces / site.car_parking_spaces))
    return rows
