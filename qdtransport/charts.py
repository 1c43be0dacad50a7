"""Altair charts of the indicators, with Chinese or English labels, rendered offline as SVG.

Every chart function takes a polars (or pandas) frame as the warehouse views return it and gives
back an Altair chart. Titles and axis labels come from :data:`LABELS` in the language asked for
(``lang="zh"``, the default, or ``"en"``). Charts are laid out with the font the package ships
(:mod:`qdtransport.chart_font`, registered on import), so they measure the same whatever fonts
the machine has; browsers draw them with the first of :data:`FONT_FAMILIES` they have.

Charts need no network to show: :func:`to_svg` renders a chart to an SVG document inside the
Python process (vl-convert), and :func:`enable_svg_renderer` makes Altair display every chart that
way in JupyterLab and in the report. (JupyterLab 4's built-in Vega extension renders Vega-Lite 5
only, while Altair 6 writes Vega-Lite 6; Altair's ``html`` renderer loads Vega from a CDN; its
``jupyter`` renderer needs the ``anywidget`` package.)
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

import altair as alt
import polars as pl
import vl_convert

from qdtransport.chart_font import CHART_FONT, register_chart_font

register_chart_font()

LANGS: tuple[str, ...] = ("zh", "en")
"""Label languages."""

FONT_FAMILIES: tuple[str, ...] = (
    CHART_FONT, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "SimHei", "WenQuanYi Micro Hei", "sans-serif",
)  # fmt: skip
"""Fonts tried in order: the bundled chart font, then the usual Simplified Chinese fonts of Linux,
macOS and Windows (for pages opened where the bundled font is not installed)."""

FONT_STACK: str = ", ".join(f'"{f}"' if " " in f else f for f in FONT_FAMILIES)
""":data:`FONT_FAMILIES` as a CSS ``font-family`` value."""

USE_TYPE_ORDER: tuple[str, ...] = ("bus", "cruising_taxi", "ride_hailing", "other")
"""Use types (``fleet_register.use_type``) in the order charts list them."""

LABELS: dict[str, tuple[str, str]] = {
    # use types (fleet_register.use_type)
    "bus": ("公交车", "Buses"),
    "cruising_taxi": ("巡游出租车", "Cruising taxis"),
    "ride_hailing": ("网约车", "Ride-hailing cars"),
    "other": ("其他", "Other"),
    # site kinds (service_areas.kind)
    "service_area": ("服务区", "Service areas"),
    "parking_area": ("停车区", "Parking areas"),
    # axes and legends
    "year": ("年份", "Year"),
    "nev_share": ("新能源占比", "New-energy share"),
    "coverage": ("充电设施覆盖率", "Share of sites with charging"),
    "kind": ("类型", "Kind"),
    "use_type": ("车辆类型", "Vehicle type"),
    "district": ("区市", "District"),
    "district_unknown": ("未填区市", "District not given"),
    "vehicles": ("车辆数", "Vehicles"),
    "nev_vehicles": ("新能源车辆数", "New-energy vehicles"),
    "rows_rejected": ("拒收行数", "Rows rejected"),
    "source_file": ("文件", "File"),
    "reason_code": ("原因", "Reason"),
    "year_status": ("年度数据", "Year"),
    "complete_year": ("全年", "Full year"),
    "incomplete_year": ("年度未完", "Year not complete"),
    "target": ("目标", "Target"),
    "target_year": ("目标年", "Target year"),
    "covered": ("有充电设施", "With charging"),
    "not_covered": ("无充电设施", "Without charging"),
    "site_status": ("充电设施", "Charging"),
    "max_gap_km": ("最长充电间隔（公里）", "Longest gap between chargers (km)"),
    "no_data": ("无数据", "No data"),
    "map_note": ("灰色虚线：该方向充电设施不足两处，无间隔可计", "Grey dashes: fewer than two chargers along the carriageway, no gap to measure"),
    # chart titles
    "title_nev_share": ("{use_type}：城市建成区新增、更新车辆新能源占比", "{use_type}: new-energy share of new and renewed vehicles, urban built-up area"),
    "title_stock": ("{year}年末在册车辆新能源占比（按区市）", "New-energy share of the fleet in service on 31 December {year}, by district"),
    "title_rejects": ("拒收行：按文件和原因", "Rejected rows by file and reason"),
    "title_coverage": ("高速公路服务区充电设施覆盖率", "Expressway sites with charging"),
    "title_map": ("高速公路充电设施：服务区与最长充电间隔", "Expressway charging: sites and longest gaps between chargers"),
}  # fmt: skip
"""Every text the charts show: key -> (Chinese, English). The report's headings and column
headers are in :data:`qdtransport.report.REPORT_TEXT`."""


def check_lang(lang: str) -> None:
    """Raise ValueError unless ``lang`` is one of :data:`LANGS`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")


def label(key: str, *, lang: str = "zh", **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Parameters
    ----------
    key
        A key of :data:`LABELS`. An unknown key is returned as it is (e.g. a use type or reason
        code the table does not name).
    lang
        ``"zh"`` or ``"en"``.

    Raises
    ------
    ValueError
        When ``lang`` is not one of :data:`LANGS`.
    """
    check_lang(lang)
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[LANGS.index(lang)]
    return text.format(**values) if values else text


def _frame(data: Any) -> pl.DataFrame:
    return data if isinstance(data, pl.DataFrame) else pl.from_pandas(data)


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT_STACK).configure_view(stroke=None).configure_title(anchor="start")
    )


def _percent(value: float) -> str:
    return f"{value:.0%}" if round(value * 100, 6) == round(value * 100) else f"{value:.1%}"


def _share_by_year(
    frame: pl.DataFrame,
    *,
    value_column: str,
    series_column: str | None,
    series_order: tuple[str, ...] = (),
    target_value: float,
    target_year: int,
    title: str,
    y_title: str,
    lang: str,
) -> alt.TopLevelMixin:
    """Shares by year as lines and points, dashed rules at the target and at the target year."""
    frame = frame.filter(pl.col(value_column).is_not_null())
    years = frame["year"].to_list() + [target_year]
    first, last = min(years), max(years)
    x_scale = alt.Scale(domain=[first, last], nice=False, zero=False, padding=16)
    x = alt.X(
        "year:Q",
        title=label("year", lang=lang),
        scale=x_scale,
        axis=alt.Axis(format="d", values=_year_ticks(first, last), labelFlush=False),
    )
    y = alt.Y(
        f"{value_column}:Q",
        title=y_title,
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format=".0%"),
    )
    columns = ["year", value_column]
    if series_column is not None:
        columns.append(series_column)
    has_status = "complete" in frame.columns
    if has_status:
        columns.append("complete")
    points = frame.select(columns)
    if series_column is not None:
        points = points.with_columns(
            series=pl.col(series_column).map_elements(
                lambda v: label(v, lang=lang), return_dtype=pl.String
            )
        )
    if has_status:
        points = points.with_columns(
            status=pl.when(pl.col("complete"))
            .then(pl.lit(label("complete_year", lang=lang)))
            .otherwise(pl.lit(label("incomplete_year", lang=lang)))
        )
    base = alt.Chart(points).encode(x=x, y=y)
    series_encoding: dict[str, Any] = {}
    if series_column is not None:
        present = set(points[series_column].to_list())
        order = [
            label(v, lang=lang)
            for v in (*series_order, *sorted(present - set(series_order)))
            if v in present
        ]
        series_encoding["color"] = alt.Color(
            "series:N", title=label(series_column, lang=lang), sort=order
        )
    line = base.mark_line(strokeWidth=2).encode(**series_encoding)
    point_encoding = dict(series_encoding)
    if has_status:
        status_order = [label("complete_year", lang=lang), label("incomplete_year", lang=lang)]
        point_encoding["shape"] = alt.Shape(
            "status:N",
            title=label("year_status", lang=lang),
            scale=alt.Scale(domain=status_order, range=["circle", "triangle-up"]),
        )
    point = base.mark_point(filled=True, size=70).encode(**point_encoding)
    target = pl.DataFrame(
        {
            "target": [target_value],
            "year": [first],
            "text": [f"{label('target', lang=lang)} {_percent(target_value)}"],
        }
    )
    target_rule = (
        alt.Chart(target)
        .mark_rule(color="#c0392b", strokeDash=[6, 4], strokeWidth=1.5)
        .encode(y=alt.Y("target:Q"))
    )
    target_text = (
        alt.Chart(target)
        .mark_text(color="#c0392b", align="left", dy=-7)
        .encode(x=alt.X("year:Q"), y=alt.Y("target:Q"), text="text:N")
    )
    year_mark = pl.DataFrame(
        {"target_year": [target_year], "text": [f"{label('target_year', lang=lang)} {target_year}"]}
    )
    year_rule = (
        alt.Chart(year_mark)
        .mark_rule(color="#7f8c8d", strokeDash=[2, 3])
        .encode(x=alt.X("target_year:Q"))
    )
    year_text = (
        alt.Chart(year_mark)
        .mark_text(color="#7f8c8d", align="right", baseline="bottom", dx=-4)
        .encode(x=alt.X("target_year:Q"), y=alt.value(_HEIGHT - 4), text="text:N")
    )
    layers = [target_rule, year_rule, target_text, year_text, line, point]
    if points.is_empty():
        layers.append(_no_data(lang))
    chart = alt.layer(*layers).properties(title=title, width=_WIDTH, height=_HEIGHT)
    return _configure(chart)


def _year_ticks(first: int, last: int) -> list[int]:
    """Years for the axis: each one up to 12 of them, else every 2nd or 5th, ending on ``last``."""
    span = last - first
    step = 1 if span <= 12 else 2 if span <= 24 else 5
    return list(range(last, first - 1, -step))[::-1]


_WIDTH, _HEIGHT = 420, 240
"""Plot area of the charts by year, pixels."""


def _no_data(lang: str) -> alt.Chart:
    return (
        alt.Chart(pl.DataFrame({"text": [label("no_data", lang=lang)]}))
        .mark_text(fontSize=16, color="#7f8c8d")
        .encode(text="text:N", x=alt.value(_WIDTH / 2), y=alt.value(_HEIGHT / 2))
    )


def nev_share_chart(
    frame: Any,
    *,
    use_type: str,
    target_value: float,
    target_year: int,
    lang: str = "zh",
) -> alt.TopLevelMixin:
    """New-energy share of new and renewed vehicles by registration year, against the plan target.

    Parameters
    ----------
    frame
        Rows of ``bus_nev_share_new`` or ``taxi_nev_share_new``: ``year`` (int), ``value``
        (fraction 0..1) and optionally ``complete`` (bool; incomplete years show as triangles).
    use_type
        ``bus`` or ``cruising_taxi`` (names the chart).
    target_value
        Plan target as a fraction, drawn as a dashed horizontal rule.
    target_year
        Year the target applies to, drawn as a dotted vertical rule.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        Line and points of ``value`` by ``year`` (y axis 0-100%). An empty frame gives the rules
        and a "no data" note.
    """
    return _share_by_year(
        _frame(frame),
        value_column="value",
        series_column=None,
        target_value=target_value,
        target_year=target_year,
        title=label("title_nev_share", lang=lang, use_type=label(use_type, lang=lang)),
        y_title=label("nev_share", lang=lang),
        lang=lang,
    )


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
    rows = _frame(frame)
    covered_years = rows.filter(pl.col("coverage") > 0)["year"] if rows.height else pl.Series([], dtype=pl.Int64)
    if covered_years.len():
        rows = rows.filter(pl.col("year") >= covered_years.min() - 1)
    return _share_by_year(
        rows,
        value_column="coverage",
        series_column="kind",
        series_order=("service_area", "parking_area"),
        target_value=target_value,
        target_year=target_year,
        title=label("title_coverage", lang=lang),
        y_title=label("coverage", lang=lang),
        lang=lang,
    )


def stock_nev_share_chart(frame: Any, *, year: int, lang: str = "zh") -> alt.TopLevelMixin:
    """New-energy share of the fleet in service on 31 December of ``year``, by district and use.

    Parameters
    ----------
    frame
        Rows of ``fleet_stock_nev_share``: ``year``, ``use_type``, ``district`` (null shows as
        "district not given"), ``nev_vehicles``, ``vehicles``, ``nev_share`` (fraction). Rows of
        other years are left out.
    year
        The year-end to show.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        Horizontal bars: one row per district, one bar per use type (x axis 0-100%), labelled
        "share (NEV/all)". No rows for the year gives an empty chart with a "no data" note.
    """
    rows = _frame(frame).filter(pl.col("year") == year)
    rows = rows.with_columns(
        district=pl.col("district").fill_null(label("district_unknown", lang=lang)),
        use_type_label=pl.col("use_type").map_elements(
            lambda v: label(v, lang=lang), return_dtype=pl.String
        ),
        text=pl.format(
            "{}% ({}/{})",
            (pl.col("nev_share") * 100).round(0).cast(pl.Int64),
            pl.col("nev_vehicles"),
            pl.col("vehicles"),
        ),
    ).select("district", "use_type_label", "nev_vehicles", "vehicles", "nev_share", "text")
    base = alt.Chart(rows).encode(
        y=alt.Y("district:N", title=label("district", lang=lang), sort="ascending"),
        yOffset=alt.YOffset("use_type_label:N", sort=[label(u, lang=lang) for u in USE_TYPE_ORDER]),
        x=alt.X(
            "nev_share:Q",
            title=label("nev_share", lang=lang),
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".0%"),
        ),
    )
    values = base.mark_text(align="left", dx=3, fontSize=10).encode(text="text:N")
    order = [label(u, lang=lang) for u in USE_TYPE_ORDER]
    bars = base.mark_bar().encode(
        color=alt.Color("use_type_label:N", title=label("use_type", lang=lang), sort=order),
        tooltip=[
            alt.Tooltip("district:N", title=label("district", lang=lang)),
            alt.Tooltip("use_type_label:N", title=label("use_type", lang=lang)),
            alt.Tooltip("nev_vehicles:Q", title=label("nev_vehicles", lang=lang)),
            alt.Tooltip("vehicles:Q", title=label("vehicles", lang=lang)),
            alt.Tooltip("nev_share:Q", title=label("nev_share", lang=lang), format=".1%"),
        ],
    )
    layers = [bars, values] if not rows.is_empty() else [bars, _no_data(lang)]
    return _configure(
        alt.layer(*layers).properties(
            title=label("title_stock", lang=lang, year=year), width=_WIDTH
        )
    )


def rejects_chart(rejects: Any, *, lang: str = "zh") -> alt.TopLevelMixin:
    """Rejected input rows counted by file and reason.

    Parameters
    ----------
    rejects
        Rows of table ``rejects`` (at least ``source_file`` and ``reason_code``), one per
        rejected input row.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.Chart
        Horizontal stacked bars: one bar per file, its length the number of rejected rows,
        coloured by reason code. No rejects gives an empty chart with a "no data" note.
    """
    counts = (
        _frame(rejects)
        .group_by("source_file", "reason_code")
        .agg(rows=pl.len())
        .sort("source_file", "reason_code")
    )
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("source_file:N", title=label("source_file", lang=lang)),
            x=alt.X(
                "rows:Q",
                title=label("rows_rejected", lang=lang),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("reason_code:N", title=label("reason_code", lang=lang)),
            tooltip=["source_file:N", "reason_code:N", "rows:Q"],
        )
    )
    chart: alt.TopLevelMixin = bars
    if counts.is_empty():
        chart = alt.layer(bars, _no_data(lang))
    return _configure(chart.properties(title=label("title_rejects", lang=lang), width=_WIDTH))


def _line_features(carriageways: pl.DataFrame) -> list[dict[str, Any]]:
    """GeoJSON line features from ``geometry_wkt`` (lon/lat WKT), with the gap as a property."""
    import shapely

    features = []
    for row in carriageways.iter_rows(named=True):
        if row.get("geometry_wkt") is None:
            continue
        geometry = shapely.geometry.mapping(shapely.from_wkt(row["geometry_wkt"]))
        gap = row.get("max_gap_km")
        properties = {
            "route_ref": row.get("route_ref"),
            "direction": row.get("direction"),
            "max_gap_km": None if gap is None else float(gap),
        }
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(json.dumps(geometry)),  # tuples -> JSON lists
                "properties": properties,
            }
        )
    return features


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
    site_rows = _frame(sites)
    flag = "covered" if "covered" in site_rows.columns else "has_charger"
    site_rows = site_rows.select(
        pl.col("lon").cast(pl.Float64),
        pl.col("lat").cast(pl.Float64),
        pl.col("name").cast(pl.String),
        status=pl.when(pl.col(flag))
        .then(pl.lit(label("covered", lang=lang)))
        .otherwise(pl.lit(label("not_covered", lang=lang))),
    ).filter(pl.col("lon").is_not_null() & pl.col("lat").is_not_null())
    layers: list[alt.Chart] = []
    lines = _frame(carriageways) if carriageways is not None else pl.DataFrame()
    if "geometry_wkt" in lines.columns:
        features = _line_features(lines)
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
                alt.Chart(alt.Data(values=without_gap))
                .mark_geoshape(filled=False, strokeWidth=3, stroke="#7f8c8d", strokeDash=[6, 3])
                .encode(tooltip=tooltip)
            )
        if with_gap:
            layers.append(
                alt.Chart(alt.Data(values=with_gap))
                .mark_geoshape(filled=False, strokeWidth=3)
                .encode(
                    color=alt.Color(
                        "properties.max_gap_km:Q",
                        title=label("max_gap_km", lang=lang),
                        scale=alt.Scale(scheme="orangered", domainMin=0),
                        legend=alt.Legend(titleLimit=300),
                    ),
                    tooltip=tooltip,
                )
            )
    frame_layer = _map_frame(site_rows, layers)
    status_order = [label("covered", lang=lang), label("not_covered", lang=lang)]
    layers.append(
        alt.Chart(site_rows)
        .mark_circle(size=60, opacity=0.9, stroke="white", strokeWidth=0.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color(
                "status:N",
                title=label("site_status", lang=lang),
                scale=alt.Scale(domain=status_order, range=["#1a9850", "#d73027"]),
            ),
            tooltip=["name:N", "status:N"],
        )
    )
    if frame_layer is None:
        layers.append(_no_data(lang))
    else:
        layers.insert(0, frame_layer)
    chart = (
        alt.layer(*layers)
        .project(type="equirectangular")
        .properties(
            title=alt.Title(label("title_map", lang=lang), subtitle=label("map_note", lang=lang)),
            width=480,
            height=420,
        )
    )
    return _configure(chart)


def _map_frame(sites: pl.DataFrame, line_layers: list[alt.Chart]) -> alt.Chart | None:
    """A light rectangle 8% wider than everything drawn, so no site sits on the map's edge."""
    lons, lats = sites["lon"].to_list(), sites["lat"].to_list()
    for layer in line_layers:
        for feature in layer.data.values:
            for lon, lat in _coordinates(feature["geometry"]["coordinates"]):
                lons.append(lon)
                lats.append(lat)
    if not lons:
        return None
    pad = 0.08 * max(max(lons) - min(lons), max(lats) - min(lats), 0.05)
    west, east, south, north = min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad
    # d3-geo takes a clockwise ring as the inside of a polygon
    ring = [[west, south], [west, north], [east, north], [east, south], [west, south]]
    box = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {},
    }
    return alt.Chart(alt.Data(values=[box])).mark_geoshape(fill="#f4f6f7", stroke="#d5dbdb")


def _coordinates(nested: Any) -> list[tuple[float, float]]:
    """The (lon, lat) pairs of a GeoJSON coordinates array of any depth."""
    if nested and isinstance(nested[0], (int, float)):
        return [(float(nested[0]), float(nested[1]))]
    return [pair for part in nested for pair in _coordinates(part)]


_svg_ids = itertools.count(1)


def _unique_ids(svg: str, prefix: str) -> str:
    """Prefix every ``id`` of an SVG document and the references to it (``url(#…)``, ``href="#…"``).

    Vega names clip paths ``clip1``, ``clip2``… and legend gradients ``gradient_0``… afresh in
    every chart; with several charts inline in one HTML page, a reference would otherwise find
    the first chart's element.
    """
    ids = set(re.findall(r'\sid="([^"]+)"', svg))
    if not ids:
        return svg
    pattern = re.compile(
        r'(\sid="|url\(#|href="#)('
        + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
        + r')(?=["\)])'
    )
    return pattern.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)


def _vl_version() -> str:
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def spec_to_svg(spec: Mapping[str, Any]) -> str:
    """Render a Vega-Lite spec (a chart's ``to_dict()``) to an SVG document, offline.

    Element ids are made unique across calls, so several SVGs can sit inline in one page.
    """
    svg = vl_convert.vegalite_to_svg(dict(spec), vl_version=_vl_version())
    return _unique_ids(svg, f"qd{next(_svg_ids)}-")


def to_svg(chart: alt.TopLevelMixin) -> str:
    """Render an Altair chart to an SVG document, offline (vl-convert); see :func:`spec_to_svg`."""
    return spec_to_svg(chart.to_dict())


def _svg_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    return {"image/svg+xml": spec_to_svg(spec)}


def enable_svg_renderer() -> None:
    """Display Altair charts as SVG rendered in the kernel: no network, no JupyterLab extension."""
    alt.renderers.register("qdtransport_svg", _svg_renderer)
    alt.renderers.enable("qdtransport_svg")
