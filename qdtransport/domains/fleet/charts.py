"""Charts of the fleet domain: new-energy shares by year and the year-end fleet by district."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from qdtransport.charts import WIDTH, as_polars, configure, no_data, share_by_year
from qdtransport.i18n import check_lang, text, text_or

USE_TYPE_ORDER: tuple[str, ...] = ("bus", "cruising_taxi", "ride_hailing", "other")
"""Use types (``fleet_register.use_type``) in the order charts list them."""


def use_type_label(use_type: str, lang: str = "zh") -> str:
    """Display name of a use type (``bus`` -> 公交车 / Buses); an unknown code as it is."""
    return text_or(f"fleet.{use_type}", use_type, lang)


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
    check_lang(lang)
    return share_by_year(
        frame,
        target_value=target_value,
        target_year=target_year,
        title=text("fleet.title_nev_share", lang, use_type=use_type_label(use_type, lang)),
        y_title=text("fleet.nev_share", lang),
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
    check_lang(lang)
    rows = as_polars(frame).filter(pl.col("year") == year)
    rows = rows.with_columns(
        district=pl.col("district").fill_null(text("fleet.district_unknown", lang)),
        use_type_label=pl.col("use_type").map_elements(
            lambda v: use_type_label(v, lang), return_dtype=pl.String
        ),
        text=pl.format(
            "{}% ({}/{})",
            (pl.col("nev_share") * 100).round(0).cast(pl.Int64),
            pl.col("nev_vehicles"),
            pl.col("vehicles"),
        ),
    ).select("district", "use_type_label", "nev_vehicles", "vehicles", "nev_share", "text")
    order = [use_type_label(u, lang) for u in USE_TYPE_ORDER]
    base = alt.Chart(rows).encode(
        y=alt.Y("district:N", title=text("fleet.district", lang), sort="ascending"),
        yOffset=alt.YOffset("use_type_label:N", sort=order),
        x=alt.X(
            "nev_share:Q",
            title=text("fleet.nev_share", lang),
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".0%"),
        ),
    )
    values = base.mark_text(align="left", dx=3, fontSize=10).encode(text="text:N")
    bars = base.mark_bar().encode(
        color=alt.Color("use_type_label:N", title=text("fleet.use_type", lang), sort=order),
        tooltip=[
            alt.Tooltip("district:N", title=text("fleet.district", lang)),
            alt.Tooltip("use_type_label:N", title=text("fleet.use_type", lang)),
            alt.Tooltip("nev_vehicles:Q", title=text("fleet.nev_vehicles", lang)),
            alt.Tooltip("vehicles:Q", title=text("fleet.vehicles", lang)),
            alt.Tooltip("nev_share:Q", title=text("fleet.nev_share", lang), format=".1%"),
        ],
    )
    layers = [bars, values] if not rows.is_empty() else [bars, no_data(lang)]
    return configure(
        alt.layer(*layers).properties(title=text("fleet.title_stock", lang, year=year), width=WIDTH)
    )
