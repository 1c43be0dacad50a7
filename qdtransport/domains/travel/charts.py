"""Charts of the travel domain.

The green travel share with its interval, the mode split, and the share by district or distance
band.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import polars as pl

from qdtransport.charts import WIDTH, as_polars, configure, no_data, percent, share_by_year
from qdtransport.i18n import check_lang, text, text_or

MODE_ORDER: tuple[str, ...] = (
    "walk",
    "bicycle",
    "e_bike",
    "bus",
    "metro",
    "taxi",
    "ride_hailing",
    "car",
    "motorcycle",
    "shuttle",
    "other",
)
"""Main modes (``travel_survey_trips.main_mode``) in the order charts list them."""

GREEN_COLOURS = ("#1e8449", "#27ae60", "#52be80", "#82e0aa", "#0e6655", "#48c9b0")
OTHER_COLOURS = ("#ca6f1e", "#e59866", "#a04000", "#7f8c8d", "#b3b6b7", "#5d6d7e")


def mode_label(mode: str, lang: str = "zh") -> str:
    """Display name of a main mode (``e_bike`` -> 电动自行车 / E-bike); an unknown code as it is."""
    return text_or(f"travel.{mode}", mode, lang)


def zoomed_domain(values: list[float | None], target_value: float) -> tuple[float, float]:
    """An axis range around ``values`` and the target, in steps of 5%, within 0-100%."""
    present = [v for v in values if v is not None] + [target_value]
    low = max(0.0, math.floor(min(present) * 20 - 1) / 20)
    high = min(1.0, math.ceil(max(present) * 20 + 1) / 20)
    return low, high


def green_share_chart(frame: Any, *, target_value: float, target_year: int, lang: str = "zh") -> alt.TopLevelMixin:
    """Green travel share per survey year with its 95% interval, against the plan target.

    Parameters
    ----------
    frame
        Rows of ``green_travel_share``: ``year`` (int), ``value``, ``ci_low``, ``ci_high``
        (fractions; the interval may be null).
    target_value, target_year
        The plan target (0.70, strictly above) and its year.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        Points and line of the share, vertical bars for the intervals, the target rules; the y
        axis spans the values, intervals and target (steps of 5%).
    """
    check_lang(lang)
    rows = as_polars(frame).select("year", "value", "ci_low", "ci_high")
    return share_by_year(
        rows,
        target_value=target_value,
        target_year=target_year,
        title=text("travel.title_share", lang),
        y_title=text("travel.green_share", lang),
        lang=lang,
        interval=("ci_low", "ci_high"),
        y_domain=zoomed_domain([*rows["ci_low"], *rows["ci_high"], *rows["value"]], target_value),
    )


def mode_split_chart(frame: Any, *, green_modes: tuple[str, ...], lang: str = "zh") -> alt.TopLevelMixin:
    """Mode split per survey year: one stacked bar per year, green modes first, in greens.

    Parameters
    ----------
    frame
        Rows of ``travel_mode_share``: ``year``, ``main_mode``, ``weighted_trips``, ``share``.
    green_modes
        The modes counted as green in the build (settings ``green_travel_modes``).
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.Chart
        Horizontal bars (x axis 0-100%); an empty frame gives a "no data" note.
    """
    check_lang(lang)
    rows = as_polars(frame)
    present = set(rows["main_mode"].to_list()) if not rows.is_empty() else set()
    modes = [m for m in MODE_ORDER if m in green_modes] + [m for m in MODE_ORDER if m not in green_modes]
    modes += sorted(present - set(modes))
    labels = [mode_label(m, lang) for m in modes]
    greens = iter(GREEN_COLOURS * 2)
    others = iter(OTHER_COLOURS * 2)
    colours = [next(greens) if m in green_modes else next(others) for m in modes]
    rows = rows.with_columns(
        mode=pl.col("main_mode").map_elements(lambda v: mode_label(v, lang), return_dtype=pl.String),
        order=pl.col("main_mode").map_elements(lambda v: modes.index(v), return_dtype=pl.Int64),
        year_label=pl.col("year").cast(pl.String),
    ).select("year_label", "mode", "order", "share", "weighted_trips")
    chart = (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            y=alt.Y("year_label:N", title=text("year", lang)),
            x=alt.X(
                "share:Q",
                title=text("travel.share", lang),
                stack="zero",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%"),
            ),
            color=alt.Color(
                "mode:N", title=text("travel.mode", lang), sort=labels, scale=alt.Scale(domain=labels, range=colours)
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("year_label:N", title=text("year", lang)),
                alt.Tooltip("mode:N", title=text("travel.mode", lang)),
                alt.Tooltip("share:Q", title=text("travel.share", lang), format=".1%"),
                alt.Tooltip("weighted_trips:Q", title=text("travel.weighted_trips", lang), format=",.0f"),
            ],
        )
    )
    if rows.is_empty():
        chart = alt.layer(chart, no_data(lang))
    return configure(chart.properties(title=text("travel.title_modes", lang), width=WIDTH))


def share_interval_chart(
    frame: Any,
    *,
    category: str,
    category_title: str,
    unknown_label: str,
    title: str,
    target_value: float,
    lang: str = "zh",
    sort: list[str] | None = None,
) -> alt.TopLevelMixin:
    """Green travel share per category (district, distance band) with its interval and the target.

    Parameters
    ----------
    frame
        Rows of ``green_travel_share_by_district`` or ``green_travel_share_by_distance`` of one
        year: the category column, ``value``, ``ci_low``, ``ci_high`` (fractions), ``trips``.
    category, category_title
        Category column and its axis title.
    unknown_label
        Shown for a null category (trips without a district or distance).
    title
        Chart title.
    target_value
        The plan target, a dashed vertical rule.
    lang
        ``"zh"`` or ``"en"``.
    sort
        Category order (default: by share, highest first).

    Returns
    -------
    altair.LayerChart
        One row per category: a point at the share, a bar across its interval; the x axis spans
        the values, intervals and target (steps of 5%).
    """
    check_lang(lang)
    rows = as_polars(frame).with_columns(pl.col(category).fill_null(unknown_label).alias("category"))
    rows = rows.select("category", "value", "ci_low", "ci_high", "trips").with_columns(
        text=pl.col("value").map_elements(percent, return_dtype=pl.String)
    )
    order = sort if sort is not None else rows.sort("value", descending=True)["category"].to_list()
    if unknown_label in rows["category"].to_list() and unknown_label not in order:
        order = [*order, unknown_label]
    y = alt.Y("category:N", title=category_title, sort=order)
    domain = zoomed_domain([*rows["ci_low"], *rows["ci_high"], *rows["value"]], target_value)
    x_scale = alt.Scale(domain=list(domain), zero=False)
    interval = (
        alt.Chart(rows)
        .mark_rule(strokeWidth=2, color="#5d6d7e")
        .encode(y=y, x=alt.X("ci_low:Q", scale=x_scale), x2="ci_high:Q")
    )
    point = (
        alt.Chart(rows)
        .mark_point(filled=True, size=60, color="#1e8449")
        .encode(
            y=y,
            x=alt.X(
                "value:Q",
                title=text("travel.green_share", lang),
                scale=x_scale,
                axis=alt.Axis(format=".0%"),
            ),
            tooltip=[
                alt.Tooltip("category:N", title=category_title),
                alt.Tooltip("value:Q", title=text("travel.green_share", lang), format=".1%"),
                alt.Tooltip("ci_low:Q", title=text("travel.interval", lang), format=".1%"),
                alt.Tooltip("ci_high:Q", title=text("travel.interval", lang), format=".1%"),
                alt.Tooltip("trips:Q", title=text("travel.trips", lang), format=","),
            ],
        )
    )
    target = (
        alt.Chart(pl.DataFrame({"target": [target_value]}))
        .mark_rule(color="#c0392b", strokeDash=[6, 4], strokeWidth=1.5)
        .encode(x=alt.X("target:Q", scale=x_scale))
    )
    layers = [target, interval, point] if not rows.is_empty() else [target, no_data(lang)]
    return configure(alt.layer(*layers).properties(title=title, width=WIDTH))
