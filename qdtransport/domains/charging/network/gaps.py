"""Gaps between charging opportunities along one carriageway, and the verdict of a spacing rule.

The carriageway is a line from 0 to ``extent_km`` (the part inside the study area). Charging
opportunities sit at positions on it. The sections are:

- the *lead*, from the start of the carriageway to the first opportunity,
- the *gaps*, between consecutive opportunities (``max_gap_km`` is the longest),
- the *tail*, from the last opportunity to the end.

The lead and tail are the visible parts of gaps that continue outside the study area, so they are
not counted in ``max_gap_km``; they are judged on what is visible. A carriageway *meets* a rule
with limit L when it has at least one opportunity and no gap, lead or tail is longer than L; a
lead or tail longer than L fails it (the gap is at least that long whatever lies outside).

A carriageway without any opportunity has ``max_gap_km`` and ``tail_km`` null and ``lead_km``
equal to its whole extent (all of it lies before the first charger, which is somewhere outside).
It fails the rule when that extent is longer than L; when it is shorter, nothing visible decides
the verdict and ``meets`` is null.

``compliant_share`` is the share of the extent lying in sections no longer than L: compliant gaps,
and a lead or tail no longer than L. It is 1 exactly when ``meets`` is true; without any
opportunity it is 0 (extent longer than L) or null.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class GapStats:
    """Spacing of charging opportunities along one carriageway under one rule.

    Attributes
    ----------
    opportunities
        Number of charging opportunities (sites) on the carriageway.
    max_gap_km
        Longest distance between consecutive opportunities, km; null with fewer than two.
    lead_km
        Start of the carriageway to the first opportunity, km (the whole extent without one).
    tail_km
        Last opportunity to the end, km; null without opportunities.
    compliant_share
        Share of the extent in sections no longer than the limit (0..1); see the module docstring.
    meets
        Verdict of the rule; null when nothing visible decides it.
    """

    opportunities: int
    max_gap_km: float | None
    lead_km: float
    tail_km: float | None
    compliant_share: float | None
    meets: bool | None


def gap_stats(positions_km: Sequence[float], extent_km: float, limit_km: float) -> GapStats:
    """Lead, gaps, tail and verdict for opportunities at ``positions_km`` on ``[0, extent_km]``.

    Parameters
    ----------
    positions_km
        Positions of the charging opportunities along the carriageway, km, in any order; positions
        outside ``[0, extent_km]`` are clamped to it.
    extent_km
        Length of the carriageway line inside the study area, km.
    limit_km
        Longest allowed distance between opportunities, km (e.g. 60 for AFIR).

    Returns
    -------
    GapStats
        See :class:`GapStats`.
    """
    extent = max(float(extent_km), 0.0)
    positions = sorted(min(max(float(p), 0.0), extent) for p in positions_km)
    if not positions:
        if extent > limit_km:
            return GapStats(0, None, extent, None, 0.0, False)
        return GapStats(0, None, extent, None, None, None)
    lead = positions[0]
    tail = extent - positions[-1]
    gaps = [b - a for a, b in pairwise(positions)]
    sections = [lead, *gaps, tail]
    compliant = sum(s for s in sections if s <= limit_km)
    share = compliant / extent if extent > 0 else 1.0
    return GapStats(
        opportunities=len(positions),
        max_gap_km=max(gaps) if gaps else None,
        lead_km=lead,
        tail_km=tail,
        compliant_share=share,
        meets=all(s <= limit_km for s in sections),
    )
