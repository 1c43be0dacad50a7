"""Charts of the charging domain: coverage by year and the map of sites and carriageway gaps."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from qdtransport.charts import (
    as_polars,
    line_features,
    line_layer,
    map_chart,
    point_layer,
    share_by_year,
)
from qdtransport.i18n import check_lang, text, text_or

KIND_ORDER: tuple[str, ...] = ("service_area", "parking_area")
"""Kinds of site (``service_areas.kind``) in the order charts list them."""


def kind_label(kind: str, lang: str = "zh") -> str:
    """Display name of a kind of site (``service_area`` -> 服务区); an unknown code as it is."""
    return text_or(f"charging.{kind}", kind, lang)


def charger_coverage_chart(
    frame: Any,
    *,
    target_value: float,
    target_year: int,
    lang: str = "zh",
) -> alt.TopLevelMixin:
    """Share of expressway sites with charging by year and kind of site, against the plan target.

    Parameters
    ----------
    frame
        Rows of ``sa_charger_coverage_by_kind``: ``year`` (int), ``kind`` (``service_area`` or
        ``parking_area``), ``coverage`` (fraction 0..1). The target applies to service areas;
        parking areas are drawn beside them.
    target_value, target_year
        Plan target (fraction) and the year it applies to.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        One line per kind of site, from the year before any site had a charger (earlier years,
        all at 0%, are left out of the chart; the views keep them); an empty frame gives the
        rules and a "no data" note.
    """
    check_lang(lang)
    rows = as_polars(frame)
    covered_years = (
        rows.filter(pl.col("coverage") > 0)["year"] if rows.height else pl.Series([], dtype=pl.Int64)
    )
    if covered_years.len():
        rows = rows.filter(pl.col("year") >= covered_years.min() - 1)
    kinds = set(rows["kind"].to_list()) if rows.height else set()
    return share_by_year(
        rows,
        value_column="coverage",
        series_column="kind",
        series_title=text("charging.kind", lang),
        series_labels={kind: kind_label(kind, lang) for kind in kinds | set(KIND_ORDER)},
        series_order=KIND_ORDER,
        target_value=target_value,
        target_year=target_year,
        title=text("charging.title_coverage", lang),
        y_title=text("charging.coverage", lang),
        lang=lang,
    )


def network_map(
    sites: Any,
    *,
    carriageways: Any | None = None,
    lang: str = "zh",
) -> alt.TopLevelMixin:
    """Map of expressway sites coloured by charger coverage, over carriageways coloured by gap.

    Plain longitude/latitude on an equirectangular projection: no map tiles, no network.

    Parameters
    ----------
    sites
        One row per site: ``lon``, ``lat`` (WGS84 degrees), ``name`` and a coverage flag, either
        ``covered`` (``sa_site_charging``) or ``has_charger`` (``sa_network_coverage``).
    carriageways
        Optional rows of ``corridor_gaps`` with ``geometry_wkt`` (the carriageway as a lon/lat
        LineString or MultiLineString in WKT), ``route_ref``, ``direction`` and ``max_gap_km``
        (km; null without two chargers). Without them, or without ``geometry_wkt``, only the
        sites are drawn.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        Lines coloured by ``max_gap_km`` (sequential scale; grey dashes where it is null) under
        circles coloured by coverage. No sites and no lines gives an empty map with a "no data"
        note.
    """
    check_lang(lang)
    covered, not_covered = text("charging.covered", lang), text("charging.not_covered", lang)
    site_rows = as_polars(sites)
    flag = "covered" if "covered" in site_rows.columns else "has_charger"
    site_rows = site_rows.select(
        pl.col("lon").cast(pl.Float64),
        pl.col("lat").cast(pl.Float64),
        pl.col("name").cast(pl.String),
        status=pl.when(pl.col(flag)).then(pl.lit(covered)).otherwise(pl.lit(not_covered)),
    ).filter(pl.col("lon").is_not_null() & pl.col("lat").is_not_null())
    layers: list[alt.Chart] = []
    lines = as_polars(carriageways) if carriageways is not None else pl.DataFrame()
    if "geometry_wkt" in lines.columns:
        features = line_features(lines, ("route_ref", "direction", "max_gap_km"))
        for feature in features:
            gap = feature["properties"]["max_gap_km"]
            feature["properties"]["max_gap_km"] = None if gap is None else float(gap)
        with_gap = [f for f in features if f["properties"]["max_gap_km"] is not None]
        without_gap = [f for f in features if f["properties"]["max_gap_km"] is None]
        tooltip = [
            alt.Tooltip("properties.route_ref:N"),
            alt.Tooltip("properties.direction:N"),
            alt.Tooltip("properties.max_gap_km:Q", format=".1f"),
        ]
        if without_gap:
            # fewer than two chargers: no gap to colour by; drawn grey and dashed
            layers.append(
                line_layer(
                    without_gap,
                    tooltip=tooltip,
                    strokeWidth=3,
                    stroke="#7f8c8d",
                    strokeDash=[6, 3],
                )
            )
        if with_gap:
            layers.append(
                line_layer(with_gap, tooltip=tooltip, strokeWidth=3).encode(
                    color=alt.Color(
                        "properties.max_gap_km:Q",
                        title=text("charging.max_gap_km", lang),
                        scale=alt.Scale(scheme="orangered", domainMin=0),
                        legend=alt.Legend(titleLimit=300),
                    )
                )
            )
    layers.append(
        point_layer(
            site_rows,
            status="status",
            status_title=text("charging.site_status", lang),
            status_colors={covered: "#1a9850", not_covered: "#d73027"},
            tooltip=["name:N", "status:N"],
        )
    )
    return map_chart(
        layers,
        points=site_rows,
        title=text("charging.title_map", lang),
        subtitle=text("charging.map_note", lang),
        lang=lang,
    )
