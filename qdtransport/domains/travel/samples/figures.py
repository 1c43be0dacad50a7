"""What the build should find in the sample surveys, computed from the rows it will load.

The estimator is written here a second time, in numpy, from the formulas (not from the SQL):
R = sum(w g) / sum(w); z_i = w_i (g_i - R) / sum(w) summed per cluster (person; a trip without a
person id is its own cluster); var = n / (n - 1) sum (z_c - mean z)^2; 95 % interval
R -/+ 1.959964 sqrt(var). A test checks that the build's views agree with the README.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qdtransport.domains.travel.samples.files import TravelRow
from qdtransport.domains.travel.samples.generator import GREEN_MODES

Z_975 = 1.959963984540054
"""Normal quantile of 0.975."""


@dataclass(frozen=True)
class ShareFigure:
    """The green travel share of one survey year (or domain), as the build computes it.

    Attributes
    ----------
    year
        Survey year.
    value, ci_low, ci_high
        Share and its 95 % interval (fractions).
    trips, persons
        Loaded trips; clusters (persons, plus each trip without a person id).
    design_effect
        Design variance / variance under simple random sampling of as many trips (without
        replacement, R survey's convention).
    """

    year: int
    value: float
    ci_low: float
    ci_high: float
    trips: int
    persons: int
    design_effect: float


def loaded(rows: list[TravelRow]) -> list[TravelRow]:
    """The rows the build loads (rejected rows and the copies of exact duplicates left out)."""
    return [row for row in rows if row.loaded]


def green_share(rows: list[TravelRow], year: int, green_modes: tuple[str, ...] = GREEN_MODES) -> ShareFigure:
    """Share, interval, design effect of a survey year's loaded ``rows``."""
    w = np.array([row.values["weight"] for row in rows], dtype=float)
    g = np.array([row.values["main_mode"] in green_modes for row in rows], dtype=float)
    clusters = [
        f"person:{row.values['person_id']}" if row.values["person_id"] else f"trip:{row.values['trip_id']}"
        for row in rows
    ]
    labels, index = np.unique(clusters, return_inverse=True)
    total = w.sum()
    ratio = (w * g).sum() / total
    z = np.bincount(index, weights=w * (g - ratio) / total)
    n = labels.size
    variance = n / (n - 1) * ((z - z.mean()) ** 2).sum()
    trips = len(rows)
    srs = (w * (g - ratio) ** 2).sum() / total / (trips - 1) * (total - trips) / total
    half = Z_975 * np.sqrt(variance)
    return ShareFigure(
        year,
        float(ratio),
        float(ratio - half),
        float(ratio + half),
        trips,
        n,
        float(variance / srs),
    )


def mode_shares(rows: list[TravelRow]) -> dict[str, float]:
    """Weighted share of each main mode (largest first)."""
    totals: dict[str, float] = {}
    for row in rows:
        mode = str(row.values["main_mode"])
        weight = row.values["weight"]
        assert isinstance(weight, float)
        totals[mode] = totals.get(mode, 0.0) + weight
    whole = sum(totals.values())
    return dict(sorted(((m, t / whole) for m, t in totals.items()), key=lambda item: (-item[1], item[0])))
