"""Chart primitives: values by year against a target, bars, offline rendering (maps: ``maps``).

Domain charts (``qdtransport/domains/<domain>/charts.py``) are built from these; every text a
chart shows comes from :func:`qdtransport.i18n.text` in the language asked for (``lang="zh"``,
the default, or ``"en"``). Charts are laid out with the font the package ships
(:mod:`qdtransport.chart_font`, registered on import), so they measure the same whatever fonts
the machine has; browsers draw them with the first of :data:`FONT_FAMILIES` they have.

Charts need no network to show: :func:`to_svg` renders a chart to an SVG document inside the
Python process (vl-convert). :func:`enable_renderer` makes Altair display every chart as
:func:`mimebundle` gives it: interactive in JupyterLab (tooltips), drawn by the Vega that
JupyterLab 4 bundles, and as that SVG everywhere else (the HTML report, VS Code, GitHub).
JupyterLab 4 draws Vega 5 and Vega-Lite 5 only, while Altair 6 writes Vega-Lite 6, so the chart
is compiled to Vega 5 here; Altair's own ``html`` renderer loads Vega from a CDN and its
``jupyter`` renderer needs the ``anywidget`` package.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

import altair as alt
import polars as pl
import vl_convert

from qdtransport.chart_font import CHART_FONT, register_chart_font
from qdtransport.i18n import check_lang, text

register_chart_font()

FONT_FAMILIES: tuple[str, ...] = (
    CHART_FONT,
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Micro Hei",
    "sans-serif",
)
"""Fonts tried in order: the bundled chart font, then the usual Simplified Chinese fonts of Linux,
macOS and Windows (for pages opened where the bundled font is not installed)."""

FONT_STACK: str = ", ".join(f'"{f}"' if " " in f else f for f in FONT_FAMILIES)
""":data:`FONT_FAMILIES` as a CSS ``font-family`` value."""

WIDTH, HEIGHT = 420, 240
"""Plot area of the charts by year, pixels."""


def as_polars(data: Any) -> pl.DataFrame:
    """A polars frame from a polars or pandas frame."""
    return data if isinstance(data, pl.DataFrame) else pl.from_pandas(data)


def configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The common look: the font list, no view border, titles on the left."""
    return (
        chart.configure(font=FONT_STACK).configure_view(stroke=None).configure_title(anchor="start")
    )


def percent(value: float) -> str:
    """``0.8`` -> ``80%``; one decimal where a whole percent would round (``0.825`` -> ``82.5%``)."""
    return f"{value:.0%}" if round(value * 100, 6) == round(value * 100) else f"{value:.1%}"


def year_ticks(first: int, last: int) -> list[int]:
    """Years for the axis: each one up to 12 of them, else every 2nd or 5th, ending on ``last``."""
    span = last - first
    step = 1 if span <= 12 else 2 if span <= 24 else 5
    return list(range(last, first - 1, -step))[::-1]


def no_data(lang: str) -> alt.Chart:
    """A "no data" note in the middle of the plot area."""
    return (
        alt.Chart(pl.DataFrame({"text": [text("no_data", lang)]}))
        .mark_text(fontSize=16, color="#7f8c8d")
        .encode(text="text:N", x=alt.value(WIDTH / 2), y=alt.value(HEIGHT / 2))
    )


def share_by_year(
    frame: Any,
    *,
    target_value: float,
    target_year: int,
    title: str,
    y_title: str,
    lang: str = "zh",
    value_column: str = "value",
    series_column: str | None = None,
    series_title: str | None = None,
    series_labels: Mapping[str, str] | None = None,
    series_order: tuple[str, ...] = (),
    interval: tuple[str, str] | None = None,
    y_domain: tuple[float, float] = (0.0, 1.0),
) -> alt.TopLevelMixin:
    """Shares by year as lines and points (y axis 0-100%), dashed rules at target and target year.

    Parameters
    ----------
    frame
        ``year`` (int), the value column (fraction 0..1), optionally ``complete`` (bool;
        incomplete years show as triangles) and the series column.
    target_value, target_year
        The plan target (fraction), drawn as a dashed horizontal rule labelled "Target 80%", and
        the year it applies to, a dotted vertical rule.
    title, y_title
        Chart and y-axis titles.
    lang
        ``"zh"`` or ``"en"``.
    value_column
        The column holding the share.
    series_column, series_title, series_labels, series_order
        One line per value of this column; legend title; value -> display text (values not in it
        show as they are); the values listed first in the legend.
    interval
        Optional ``(low column, high column)``: an interval (e.g. a 95% confidence interval,
        fractions) drawn as a vertical bar with end ticks at each year; null ends draw nothing.
    y_domain
        The y axis range (fractions); narrow it where intervals would be too short to see.

    Returns
    -------
    altair.LayerChart
        An empty frame gives the rules and a "no data" note.
    """
    return _by_year(
        as_polars(frame),
        value_column=value_column,
        target_value=target_value,
        target_year=target_year,
        title=title,
        y_title=y_title,
        lang=lang,
        y_scale=alt.Scale(domain=list(y_domain), zero=False),
        y_format=".0%",
        target_text=percent(target_value),
        series=(series_column, series_title, series_labels or {}, series_order),
        interval=interval,
    )


def volume_by_year(
    frame: Any,
    *,
    target_value: float,
    target_year: int,
    title: str,
    y_title: str,
    unit: str,
    lang: str = "zh",
    value_column: str = "value",
    series_column: str | None = None,
    series_title: str | None = None,
    series_labels: Mapping[str, str] | None = None,
    series_order: tuple[str, ...] = (),
) -> alt.TopLevelMixin:
    """Volumes by year (e.g. TEU) as lines and points against the target; y axis from zero.

    Parameters are those of :func:`share_by_year`, with ``value_column`` holding amounts in
    ``unit`` (shown beside the target, e.g. "Target 2,200,000 TEU"); the y axis reaches past
    the target.
    """
    rows = as_polars(frame)
    values = rows[value_column].drop_nulls().to_list() if value_column in rows.columns else []
    top = max([target_value, *values]) * 1.1
    return _by_year(
        rows,
        value_column=value_column,
        target_value=target_value,
        target_year=target_year,
        title=title,
        y_title=y_title,
        lang=lang,
        y_scale=alt.Scale(domain=[0, top], nice=True),
        y_format=",.0f",
        target_text=f"{target_value:,.0f} {unit}",
        series=(series_column, series_title, series_labels or {}, series_order),
    )


def _by_year(
    frame: pl.DataFrame,
    *,
    value_column: str,
    target_value: float,
    target_year: int,
    title: str,
    y_title: str,
    lang: str,
    y_scale: alt.Scale,
    y_format: str,
    target_text: str,
    series: tuple[str | None, str | None, Mapping[str, str], tuple[str, ...]],
    interval: tuple[str, str] | None = None,
) -> alt.TopLevelMixin:
    check_lang(lang)
    series_column, series_title, series_labels, series_order = series
    frame = frame.filter(pl.col(value_column).is_not_null())
    years = [*frame["year"].to_list(), target_year]
    first, last = min(years), max(years)
    x = alt.X(
        "year:Q",
        title=text("year", lang),
        scale=alt.Scale(domain=[first, last], nice=False, zero=False, padding=16),
        axis=alt.Axis(format="d", values=year_ticks(first, last), labelFlush=False),
    )
    y = alt.Y(f"{value_column}:Q", title=y_title, scale=y_scale, axis=alt.Axis(format=y_format))
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
                lambda v: series_labels.get(v, v), return_dtype=pl.String
            )
        )
    if has_status:
        points = points.with_columns(
            status=pl.when(pl.col("complete"))
            .then(pl.lit(text("complete_year", lang)))
            .otherwise(pl.lit(text("incomplete_year", lang)))
        )
    base = alt.Chart(points).encode(x=x, y=y)
    series_encoding: dict[str, Any] = {}
    if series_column is not None:
        present = set(points[series_column].to_list())
        order = [
            series_labels.get(v, v)
            for v in (*series_order, *sorted(present - set(series_order)))
            if v in present
        ]
        series_encoding["color"] = alt.Color("series:N", title=series_title, sort=order)
    line = base.mark_line(strokeWidth=2).encode(**series_encoding)
    point_encoding = dict(series_encoding)
    if has_status:
        status_order = [text("complete_year", lang), text("incomplete_year", lang)]
        point_encoding["shape"] = alt.Shape(
            "status:N",
            title=text("year_status", lang),
            scale=alt.Scale(domain=status_order, range=["circle", "triangle-up"]),
        )
    # the tooltip of a point: its year, value and, where given, series and year status
    tooltip = [
        alt.Tooltip("year:Q", title=text("year", lang), format="d"),
        alt.Tooltip(
            f"{value_column}:Q", title=y_title, format=".1%" if y_format == ".0%" else y_format
        ),
    ]
    if series_column is not None:
        tooltip.append(alt.Tooltip("series:N", title=series_title))
    if has_status:
        tooltip.append(alt.Tooltip("status:N", title=text("year_status", lang)))
    point = base.mark_point(filled=True, size=70).encode(tooltip=tooltip, **point_encoding)
    layers = [*_target_layers(target_value, target_year, first, target_text, lang), line, point]
    if interval is not None:
        layers[-2:-2] = _interval_layers(frame, interval, x)
    if points.is_empty():
        layers.append(no_data(lang))
    chart = alt.layer(*layers).properties(title=title, width=WIDTH, height=HEIGHT)
    return configure(chart)


def _interval_layers(frame: pl.DataFrame, interval: tuple[str, str], x: alt.X) -> list[alt.Chart]:
    """A vertical bar from the low to the high column at each year, with short end ticks."""
    low, high = interval
    rows = frame.filter(pl.col(low).is_not_null() & pl.col(high).is_not_null()).select(
        "year", pl.col(low).alias("low"), pl.col(high).alias("high")
    )
    bar = (
        alt.Chart(rows)
        .mark_rule(color="#5d6d7e", strokeWidth=1.5)
        .encode(x=x, y="low:Q", y2="high:Q")
    )
    ends = [
        alt.Chart(rows)
        .mark_tick(color="#5d6d7e", orient="horizontal", size=10, thickness=1.5)
        .encode(x=x, y=f"{end}:Q")
        for end in ("low", "high")
    ]
    return [bar, *ends]


def _target_layers(
    target_value: float, target_year: int, first_year: int, target_text: str, lang: str
) -> list[alt.Chart]:
    """Dashed rule and label at the target value, dotted rule and label at the target year."""
    target = pl.DataFrame(
        {
            "target": [target_value],
            "year": [first_year],
            "text": [f"{text('target', lang)} {target_text}"],
        }
    )
    target_rule = (
        alt.Chart(target)
        .mark_rule(color="#c0392b", strokeDash=[6, 4], strokeWidth=1.5)
        .encode(y=alt.Y("target:Q"))
    )
    target_label = (
        alt.Chart(target)
        .mark_text(color="#c0392b", align="left", dy=-7)
        .encode(x=alt.X("year:Q"), y=alt.Y("target:Q"), text="text:N")
    )
    year_mark = pl.DataFrame(
        {"target_year": [target_year], "text": [f"{text('target_year', lang)} {target_year}"]}
    )
    year_rule = (
        alt.Chart(year_mark)
        .mark_rule(color="#7f8c8d", strokeDash=[2, 3])
        .encode(x=alt.X("target_year:Q"))
    )
    year_label = (
        alt.Chart(year_mark)
        .mark_text(color="#7f8c8d", align="right", baseline="bottom", dx=-4)
        .encode(x=alt.X("target_year:Q"), y=alt.value(HEIGHT - 4), text="text:N")
    )
    return [target_rule, year_rule, target_label, year_label]


def bars(
    frame: Any,
    *,
    category: str,
    amount: str,
    color: str,
    category_title: str,
    amount_title: str,
    color_title: str,
    title: str,
    lang: str = "zh",
) -> alt.TopLevelMixin:
    """Horizontal stacked bars: one bar per ``category``, its length ``amount``, coloured by ``color``.

    Parameters
    ----------
    frame
        One row per category and colour with a whole-number ``amount`` column.
    category, amount, color
        Column names.
    category_title, amount_title, color_title, title
        Axis, legend and chart titles.
    lang
        ``"zh"`` or ``"en"`` (for the "no data" note of an empty frame).
    """
    rows = as_polars(frame)
    chart: alt.TopLevelMixin = (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", title=category_title),
            x=alt.X(f"{amount}:Q", title=amount_title, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{color}:N", title=color_title),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip(f"{color}:N", title=color_title),
                alt.Tooltip(f"{amount}:Q", title=amount_title, format=","),
            ],
        )
    )
    if rows.is_empty():
        chart = alt.layer(chart, no_data(lang))
    return configure(chart.properties(title=title, width=WIDTH))


# --- rendering --------------------------------------------------------------------------------

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
    """Display Altair charts as SVG rendered in the kernel only (not interactive)."""
    alt.renderers.register("qdtransport_svg", _svg_renderer)
    alt.renderers.enable("qdtransport_svg")


VEGA_MIMETYPE = "application/vnd.vega.v5+json"
"""Mime type of a Vega 5 spec, which JupyterLab 4 draws with the Vega it bundles."""


def _vega5_compiler() -> str | None:
    """Return vl-convert's newest Vega-Lite 5, which compiles to the Vega 5 JupyterLab draws."""
    fives = [v for v in vl_convert.get_vegalite_versions() if v.startswith("5.")]
    return max(fives, key=lambda v: tuple(int(p) for p in v.split("."))) if fives else None


def _title_of(spec: Mapping[str, Any]) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return f"<chart: {title}>" if isinstance(title, str) and title else "<chart>"


def mimebundle(spec: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return a chart for display: interactive in JupyterLab, SVG elsewhere, all offline.

    Parameters
    ----------
    spec
        A Vega-Lite spec (a chart's ``to_dict()``).

    Returns
    -------
    tuple of dict
        The mime bundle and its metadata. ``application/vnd.vega.v5+json`` holds the chart
        compiled to Vega 5: JupyterLab 4 draws it with its own Vega (no network, no extension,
        also in a notebook opened untrusted), with tooltips and without the export menu.
        ``image/svg+xml`` holds :func:`spec_to_svg`, which nbconvert (the HTML report), VS Code
        and GitHub show; ``text/plain`` names the chart.
    """
    data: dict[str, Any] = {"image/svg+xml": spec_to_svg(spec), "text/plain": _title_of(spec)}
    metadata: dict[str, Any] = {}
    compiler = _vega5_compiler()
    if compiler is not None:
        data[VEGA_MIMETYPE] = vl_convert.vegalite_to_vega(dict(spec), vl_version=compiler)
        metadata[VEGA_MIMETYPE] = {"embed_options": {"actions": False, "renderer": "svg"}}
    return data, metadata


def _renderer(spec: dict[str, Any], **options: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return mimebundle(spec)


def enable_renderer() -> None:
    """Display Altair charts with :func:`mimebundle`: interactive in JupyterLab, SVG elsewhere."""
    alt.renderers.register("qdtransport", _renderer)
    alt.renderers.enable("qdtransport")
