"""What the sample register should show once built: the figures the README promises.

Each function works from the generator's own rows (with their intended outcome) by the rules of
``spec/indicators.md``, without the warehouse, so that the README can say in advance what the
demo's scorecard holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qdtransport.domains.fleet.samples.files import FleetRow
from qdtransport.domains.fleet.samples.generator import NEV_POWERTRAINS, FleetRecord


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
    """``bus_nev_share_new`` / ``taxi_nev_share_new`` by year.

    One row per year with registrations in the built-up area, in year order; years without any
    are left out.
    """
    counts: dict[int, list[int]] = {}
    for record in records:
        if record.use_type == use_type and record.urban_built_up:
            tally = counts.setdefault(record.registration_date.year, [0, 0])
            tally[0] += 1
            tally[1] += record.powertrain in NEV_POWERTRAINS
    return [ShareRow(use_type, year, n, nev) for year, (n, nev) in sorted(counts.items())]


def active_share(records: list[FleetRecord], use_type: str, powertrain: str, day: dt.date) -> float:
    """Share of ``powertrain`` among the vehicles of ``use_type`` on the register on ``day``.

    Registered and not yet deregistered on ``day``, in the whole city (built-up or not).
    """
    active = [
        r for r in records
        if r.use_type == use_type and r.registration_date <= day
        and (r.deregistration_date is None or r.deregistration_date > day)
    ]
    return sum(r.powertrain == powertrain for r in active) / len(active)
