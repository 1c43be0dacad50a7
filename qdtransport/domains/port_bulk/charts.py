"""Charts of the port bulk domain: green share by cargo against the target, mode mix by year."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from qdtransport.charts import as_polars, bars, share_by_year
from qdtransport.i18n import check_lang, text, text_or

CARGO_ORDER: tuple[str, ...] = ("coal", "iron_ore", "coke", "bauxite", "other_ore")
"""Bulk cargo classes in the order charts and tables list them (others follow by name)."""

ALL = "cargo_all"
"""Series key of the overall share (every bulk cargo together)."""


def code_label(code: str, lang: str = "zh") -> str:
    """Display name of a cargo, flow or mode code (``coal`` -> 煤炭 / Coal); unknown codes as they are."""
    return text_or(f"port_bulk.{code}", code, lang)


def green_share_chart(
    overall: Any,
    by_cargo: Any,
    *,
    target_value: float,
    target_year: int,
    lang: str = "zh",
) -> alt.TopLevelMixin:
    """Green transport share of bulk cargo by year: all bulk cargo and each cargo, against the target.

    Parameters
    ----------
    overall
        Rows of ``port_bulk_green_share``: ``year``, ``value`` (fraction), ``complete``.
    by_cargo
        Rows of ``port_bulk_green_share_by_cargo``: ``year``, ``cargo``, ``share`` (fraction),
        ``complete``.
    target_value, target_year
        The plan target (0.80) and its year, drawn as dashed and dotted rules.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.LayerChart
        One line per series (all bulk cargo first, then coal, iron ore, …), y axis 0-100%;
        incomplete years as triangles. No rows gives the rules and a "no data" note.
    """
    check_lang(lang)
    frame = pl.concat(
        [
            as_polars(overall)
            .select("year", pl.col("value").cast(pl.Float64), "complete")
            .with_columns(cargo=pl.lit(ALL)),
            as_polars(by_cargo).select(
                "year",
                pl.col("share").cast(pl.Float64).alias("value"),
                "complete",
                "cargo",
            ),
        ],
        how="vertical_relaxed",
    )
    codes = [ALL, *CARGO_ORDER, *sorted(set(frame["cargo"].to_list()) - {ALL, *CARGO_ORDER})]
    return share_by_year(
        frame,
        target_value=target_value,
        target_year=target_year,
        title=text("port_bulk.title_share", lang),
        y_title=text("port_bulk.green_share", lang),
        lang=lang,
        series_column="cargo",
        series_title=text("port_bulk.cargo", lang),
        series_labels={code: code_label(code, lang) for code in codes},
        series_order=tuple(codes),
    )


def mode_mix_chart(mix: Any, *, lang: str = "zh") -> alt.TopLevelMixin:
    """Bulk cargo tonnes by mode and year (both flows), as stacked bars in 10,000 t.

    Parameters
    ----------
    mix
        Rows of ``port_bulk_mode_mix``: ``year``, ``mode``, ``tonnes``.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    altair.Chart
        One bar per year, its segments the modes. No rows gives an empty chart with a "no data"
        note.
    """
    check_lang(lang)
    frame = as_polars(mix).select(
        pl.col("year").cast(pl.String),
        pl.col("mode")
        .map_elements(lambda m: code_label(m, lang), return_dtype=pl.String)
        .alias("mode_label"),
        (pl.col("tonnes") / 10_000).round(0).cast(pl.Int64).alias("wan_tonnes"),
    )
    return bars(
        frame,
        category="year",
        amount="wan_tonnes",
        color="mode_label",
        category_title=text("year", lang),
        amount_title=text("port_bulk.tonnes", lang),
        color_title=text("port_bulk.mode", lang),
        title=text("port_bulk.title_mode_mix", lang),
        lang=lang,
    )
