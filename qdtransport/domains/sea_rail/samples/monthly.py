"""Reported monthly sea-rail volumes 2018-2025, shaped by the published annual figures.

Each year's months add up exactly to :data:`ANNUAL_TEU`; the months follow a seasonal profile
(the Spring Festival dip in February) with a little noise. December 2025 is the figure the port's
statistics would give for the sample's December moves (every real move, 45-ft boxes as 2 TEU), so
the build has one month with both sources to reconcile.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

ANNUAL_TEU: dict[int, int] = {
    2018: 1_154_000,
    2019: 1_392_000,
    2020: 1_670_000,
    2021: 1_820_000,
    2022: 1_906_000,
    2023: 2_200_000,
    2024: 2_546_000,
    2025: 2_700_000,
}
"""Sea-rail TEU per year of the sample (published figures; 2019, 2022 and 2025 chosen, see README)."""

SEASON = (0.082, 0.064, 0.083, 0.084, 0.086, 0.085, 0.086, 0.088, 0.087, 0.082, 0.086, 0.087)
"""Share of a year's volume per month before noise (February: Spring Festival)."""

REPORT_SOURCE = "港口生产统计月报（合成示例）"
"""The 来源 (source) column of every reported month."""

HEADER = ("月份", "海铁联运量", "来源", "备注")


def monthly_figures(rng: np.random.Generator, december_2025: int) -> dict[str, int]:
    """``YYYY-MM`` -> reported TEU, 2018-01 to 2025-12.

    Parameters
    ----------
    rng
        numpy generator for the monthly noise (±3 %).
    december_2025
        The reported December 2025 figure; January-November 2025 share the rest of the year.
    """
    figures: dict[str, int] = {}
    season = np.array(SEASON)
    for year, total in ANNUAL_TEU.items():
        weights = season * (1 + rng.normal(0, 0.03, 12))
        fixed = {12: december_2025} if year == 2025 else {}
        free = [m for m in range(1, 13) if m not in fixed]
        remaining = total - sum(fixed.values())
        share = weights[[m - 1 for m in free]] / weights[[m - 1 for m in free]].sum()
        values = np.round(share * remaining).astype(int)
        values[-1] += remaining - values.sum()  # the last free month takes the rounding
        for month, value in [*zip(free, values.tolist(), strict=True), *fixed.items()]:
            figures[f"{year}-{month:02d}"] = value
    return dict(sorted(figures.items()))


def write_monthly(path: Path, figures: dict[str, int], note: str) -> Path:
    """``sea_rail_monthly.csv``: UTF-8 with BOM, CRLF, Chinese headers, one row per month."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows((month, teu, REPORT_SOURCE, note) for month, teu in figures.items())
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path
