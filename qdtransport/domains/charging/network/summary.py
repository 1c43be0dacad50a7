"""A short plain-text summary of a :class:`NetworkCoverage` for the command line."""

from __future__ import annotations

from collections import Counter
from typing import Literal

import polars as pl

from qdtransport.domains.charging.network.coverage import NetworkCoverage

Rule = Literal["cn", "afir", "nevi"]

RULE_TITLES = {
    "cn": "CN (Qingdao plan): a charger at every expressway service area",
    "afir": "EU AFIR: a qualifying pool at least every 60 km in each direction",
    "nevi": "US NEVI: a qualifying DC fast-charging site at least every 50 miles",
}

WORST_SHOWN = 5


def format_summary(coverage: NetworkCoverage, *, rule: Rule = "cn") -> str:
    """Summarise site coverage, carriageway verdicts and reconciliation findings as text.

    Parameters
    ----------
    coverage
        From :func:`qdtransport.domains.charging.network.coverage.compute_network_coverage`.
    rule
        Which spacing rule the carriageway lines report: ``"cn"``, ``"afir"`` or ``"nevi"``.

    Returns
    -------
    str
        A few lines of text (no trailing newline): sites on the network and how many have a
        charger; carriageways meeting, failing and undetermined under the rule; the carriageways
        with the longest gaps; reconciliation findings by kind. Empty tables give zero counts.

    Raises
    ------
    ValueError
        For an unknown rule.
    """
    if rule not in RULE_TITLES:
        raise ValueError(f"unknown rule {rule!r}; expected one of {', '.join(RULE_TITLES)}")
    sites = coverage.sa_network_coverage
    gaps = coverage.corridor_gaps
    prefix = "" if rule == "cn" else f"{rule}_"
    lines = [f"Network coverage - rule {RULE_TITLES[rule]}"]

    services = sites.filter(pl.col("kind") == "services")
    covered = services.filter("has_charger").height
    share = f" ({covered / services.height:.1%})" if services.height else ""
    lines.append(
        f"Service-area sites on the motorway network: {sites.height} "
        f"({services.height} service areas, {sites.height - services.height} rest areas); "
        f"service areas with a charger: {covered} of {services.height}{share}"
    )
    if rule != "cn":
        qualifying = sites.filter(pl.col(f"{rule}_ok")).height
        lines.append(f"Sites qualifying for {rule.upper()}: {qualifying} of {sites.height}")

    verdicts = Counter(gaps[f"{rule}_compliant"].to_list())
    lines.append(
        f"Carriageways: {gaps.height}; meeting the rule {verdicts.get(True, 0)}, "
        f"failing {verdicts.get(False, 0)}, undetermined {verdicts.get(None, 0)}"
    )
    worst = (
        gaps.with_columns(
            pl.max_horizontal(f"{prefix}max_gap_km", f"{prefix}lead_km", f"{prefix}tail_km").alias(
                "longest"
            )
        )
        .sort("longest", descending=True, nulls_last=True)
        .head(WORST_SHOWN)
    )
    if worst.height:
        lines.append("Longest stretches without a charging opportunity:")
    for row in worst.iter_rows(named=True):
        verdict = {True: "meets", False: "FAILS", None: "undetermined"}[row[f"{rule}_compliant"]]
        gap = row[f"{prefix}max_gap_km"]
        tail = row[f"{prefix}tail_km"]
        lines.append(
            f"  {row['route_ref']} {row['direction']:<2} {row['name'] or '':<10} "
            f"max gap {_km(gap)}, lead {_km(row[f'{prefix}lead_km'])}, tail {_km(tail)}  {verdict}"
        )
    findings = Counter(coverage.reconciliation["kind"].to_list())
    if findings:
        listed = ", ".join(f"{kind} {count}" for kind, count in sorted(findings.items()))
        lines.append(f"Reconciliation: {sum(findings.values())} findings ({listed})")
    else:
        lines.append("Reconciliation: no findings")
    return "\n".join(lines)


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} km"
