"""Charts of the charging domain: coverage by year and the map of sites and carriageway gaps."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import polars as pl
import shapely

from qdtransport.charts import as_polars, configure, no_data, share_by_year
from qdtransport.i18n import check_lang, text, text_or
from qdtransport.maps import (
    MapView,
    label_layers,
    line_feature,
    line_layer,
    map_chart,
    midpoint,
    place_labels,
    point_boxes,
    point_layer,
    scale_bar,
    scale_bar_box,
    scale_bar_layers,
)

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
        rows.filter(pl.col("coverage") > 0)["year"]
        if rows.height
        else pl.Series([], dtype=pl.Int64)
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

    A fixed Mercator view around everything drawn (:class:`qdtransport.maps.MapView`): no map
    tiles, no network. Each carriageway is drawn 2 px to the right of its direction of travel,
    so the two of an expressway stand side by side; routes and sites are labelled where the
    label overlaps nothing (the routes first), and a scale bar sits in the lower left corner.

    Parameters
    ----------
    sites
        One row per site: ``lon``, ``lat`` (WGS84 degrees), ``name`` and a coverage flag, either
        ``covered`` (``sa_site_charging``) or ``has_charger`` (``sa_network_coverage``).
    carriageways
        Optional rows of ``corridor_gaps`` with ``geometry_wkt`` (the carriageway as a lon/lat
        LineString or MultiLineString in WKT, parts in the direction of travel), ``route_ref``,
        ``direction`` and ``max_gap_km`` (km; null without two chargers). Without them, or
        without ``geometry_wkt``, only the sites are drawn.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        Lines coloured by ``max_gap_km`` (sequential scale; grey dashes where it is null) under
        circles coloured by coverage, labels and the scale bar. No sites and no lines gives an
        empty map with a "no data" note.
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
    lines = as_polars(carriageways) if carriageways is not None else pl.DataFrame()
    if "geometry_wkt" in lines.columns:
        lines = lines.filter(pl.col("geometry_wkt").is_not_null())
    else:
        lines = pl.DataFrame()
    lons, lats = site_rows["lon"].to_list(), site_rows["lat"].to_list()
    for wkt in lines["geometry_wkt"].to_list() if lines.height else []:
        bounds = shapely.from_wkt(wkt).bounds
        lons += [bounds[0], bounds[2]]
        lats += [bounds[1], bounds[3]]
    if not lons:
        empty = alt.layer(no_data(lang)).properties(
            title=text("charging.title_map", lang), width=MAP_WIDTH, height=MAP_HEIGHT
        )
        return configure(empty)
    view = MapView.around(lons, lats, width=MAP_WIDTH, height=MAP_HEIGHT)
    layers = _carriageway_layers(lines, view, lang) if lines.height else []
    layers.append(
        point_layer(
            site_rows,
            status="status",
            status_title=text("charging.site_status", lang),
            status_colors={covered: "#1a9850", not_covered: "#d73027"},
            tooltip=[
                alt.Tooltip("name:N", title=text("charging.col_name", lang)),
                alt.Tooltip("status:N", title=text("charging.site_status", lang)),
            ],
        )
    )
    site_points = zip(site_rows["lon"].to_list(), site_rows["lat"].to_list(), strict=True)
    taken = [scale_bar_box(view), *point_boxes(view, site_points, 5)]
    route_labels, taken = place_labels(view, _route_anchors(lines), font_px=11, taken=taken)
    site_labels, _ = place_labels(view, _site_anchors(site_rows), font_px=9, taken=taken)
    layers += label_layers(route_labels, font_px=11, bold=True)
    layers += label_layers(site_labels, font_px=9, color="#34495e")
    layers += scale_bar_layers(view, text("map_scale_km", lang, km=scale_bar(view)["km"]))
    subtitle = text("charging.map_note", lang) if lines.height else None
    chart = map_chart(view, layers, title=text("charging.title_map", lang), subtitle=subtitle)
    return configure(chart)


MAP_WIDTH, MAP_HEIGHT = 480, 420
"""Plot area of the network map, pixels."""

CARRIAGEWAY_OFFSET_PX = 2.0
"""How far each carriageway is drawn to the right of its direction of travel, px."""


def direction_word(value: str | None, lang: str = "zh") -> str:
    """Return a direction in words: ``SW`` -> 往西南 / southwest-bound, ``both`` -> 双向 / both.

    A compass point is a carriageway's direction of travel (OpenStreetMap check); other values
    (the register's own words, such as 青岛方向) are shown as given; ``–`` for none.
    """
    if value is None:
        return "–"
    if value == "both":
        return text("charging.both_directions", lang)
    return text_or(f"charging.direction_{value}", value, lang)


def osm_id_label(value: str | None, lang: str = "zh") -> str:
    """Return an OpenStreetMap id in words: ``w53`` or ``way/53`` -> OSM 路径 53 / OSM way 53.

    Nodes (``n``, ``node/``) and relations (``r``, ``relation/``) likewise; others as given.
    """
    if value is None:
        return "–"
    found = re.fullmatch(r"(?:([nwr])|(node|way|relation)/)(\d+)", value)
    if not found:
        return value
    kind = found[1] or found[2][0]
    return text(f"charging.osm_{kind}", lang, id=found[3])


def _carriageway_layers(lines: pl.DataFrame, view: MapView, lang: str) -> list[alt.Chart]:
    """Return carriageways moved to their right: grey dashes without a gap, else by gap."""
    _, clat = view.center
    offset_km = CARRIAGEWAY_OFFSET_PX * view.km_per_pixel(clat)
    features = []
    for row in lines.iter_rows(named=True):
        gap = row.get("max_gap_km")
        properties = {
            "route": row.get("route_ref"),
            "direction": direction_word(row.get("direction"), lang),
            "max_gap_km": None if gap is None else float(gap),
        }
        features.append(line_feature(row["geometry_wkt"], properties, offset_km=offset_km))
    tooltip = [
        alt.Tooltip("properties.route:N", title=text("charging.col_route", lang)),
        alt.Tooltip("properties.direction:N", title=text("charging.col_direction", lang)),
        alt.Tooltip(
            "properties.max_gap_km:Q", title=text("charging.col_max_gap_km", lang), format=".1f"
        ),
    ]
    with_gap = [f for f in features if f["properties"]["max_gap_km"] is not None]
    without_gap = [f for f in features if f["properties"]["max_gap_km"] is None]
    layers = []
    if without_gap:
        # fewer than two chargers: no gap to colour by; drawn grey and dashed
        layers.append(
            line_layer(
                without_gap, tooltip=tooltip, strokeWidth=2.5, stroke="#7f8c8d", strokeDash=[6, 3]
            )
        )
    if with_gap:
        layers.append(
            line_layer(with_gap, tooltip=tooltip, strokeWidth=2.5).encode(
                color=alt.Color(
                    "properties.max_gap_km:Q",
                    title=text("charging.max_gap_km", lang),
                    scale=alt.Scale(scheme="orangered", domainMin=0),
                    legend=alt.Legend(titleLimit=300),
                )
            )
        )
    return layers


def _route_anchors(lines: pl.DataFrame) -> list[tuple[float, float, str]]:
    """Return one label per route, halfway along its longest carriageway part."""
    if not lines.height or "route_ref" not in lines.columns:
        return []
    anchors = []
    for route, group in lines.group_by("route_ref", maintain_order=True):
        if route[0] is None:
            continue
        wkt = max(group["geometry_wkt"].to_list(), key=lambda w: shapely.from_wkt(w).length)
        lon, lat = midpoint(wkt)
        anchors.append((lon, lat, str(route[0])))
    return sorted(anchors, key=lambda a: a[2])


def _site_anchors(sites: pl.DataFrame) -> list[tuple[float, float, str]]:
    """Return one label per site name (both sides of a site share one), at the mean position."""
    named = sites.filter(pl.col("name").is_not_null())
    if not named.height:
        return []
    grouped = named.group_by("name").agg(pl.col("lon").mean(), pl.col("lat").mean()).sort("name")
    return [(r["lon"], r["lat"], r["name"]) for r in grouped.iter_rows(named=True)]
