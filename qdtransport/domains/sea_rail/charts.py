"""Charts of the sea-rail domain: TEU by year against 2.2 million, by month by source, by inland port."""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from qdtransport.charts import HEIGHT, WIDTH, as_polars, bars, configure, no_data, volume_by_year
from qdtransport.i18n import check_lang, text

SOURCE_ORDER: tuple[str, ...] = ("moves", "reported")
"""``sea_rail_teu_monthly.source`` values in legend order."""

SOURCE_COLOURS: tuple[str, ...] = ("#1f77b4", "#aec7e8")
"""Bar colours of counted and reported months."""


def annual_teu_chart(frame: Any, *, target_value: float, target_year: int, lang: str = "zh") -> alt.TopLevelMixin:
    """Sea-rail TEU by year against the plan target (y axis in TEU from zero, not a share).

    Parameters
    ----------
    frame
        Rows of ``sea_rail_teu``: ``year``, ``value`` (TEU) and ``complete`` (bool; incomplete
        years show as triangles).
    target_value, target_year
        The plan target (2,200,000 TEU in 2025), drawn as dashed and dotted rules.
    lang
        ``"zh"`` or ``"en"``.
    """
    return volume_by_year(
        frame,
        target_value=target_value,
        target_year=target_year,
        title=text("sea_rail.title_annual", lang),
        y_title=text("sea_rail.teu", lang),
        unit="TEU",
        lang=lang,
    )


def monthly_teu_chart(frame: Any, *, target_value: float, lang: str = "zh") -> alt.TopLevelMixin:
    """TEU by month as bars coloured by source (counted from moves or reported).

    The monthly pace of the yearly target is drawn as a dashed rule.

    Parameters
    ----------
    frame
        Rows of ``sea_rail_teu_monthly``: ``month`` (date), ``teu``, ``source``
        (``moves``/``reported``).
    target_value
        The yearly target, TEU; the rule is drawn at a twelfth of it.
    lang
        ``"zh"`` or ``"en"``.
    """
    check_lang(lang)
    rows = as_polars(frame)
    labels = {s: text(f"sea_rail.source_{s}", lang) for s in SOURCE_ORDER}
    shown = rows.select(
        "month",
        "teu",
        pl.col("source").replace_strict(labels, default=pl.col("source")).alias("source_label"),
    )
    years = rows["month"].dt.year() if rows.height else pl.Series([], dtype=pl.Int32)
    title = text(
        "sea_rail.title_monthly",
        lang,
        first=years.min() if rows.height else "",
        last=years.max() if rows.height else "",
    )
    pace = target_value / 12
    bars_layer = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title=text("sea_rail.month", lang),
                    axis=alt.Axis(format="%Y-%m", labelAngle=-45)),
            y=alt.Y("teu:Q", title=text("sea_rail.teu", lang), axis=alt.Axis(format=",.0f"),
                    scale=alt.Scale(domain=[0, max([pace, *shown["teu"].to_list()]) * 1.15])),
            color=alt.Color(
                "source_label:N",
                title=text("sea_rail.source", lang),
                scale=alt.Scale(domain=[labels[s] for s in SOURCE_ORDER], range=list(SOURCE_COLOURS)),
            ),
            tooltip=[alt.Tooltip("yearmonth(month):T", format="%Y-%m"), "source_label:N",
                     alt.Tooltip("teu:Q", format=",.0f")],
        )
    )  # fmt: skip
    target = pl.DataFrame(
        {
            "pace": [pace],
            "text": [
                text(
                    "sea_rail.target_pace",
                    lang,
                    amount=f"{pace:,.0f}",
                    target=f"{target_value:,.0f}",
                )
            ],
        }
    )
    rule = alt.Chart(target).mark_rule(color="#c0392b", strokeDash=[6, 4]).encode(y="pace:Q")
    label = alt.Chart(target).mark_text(color="#c0392b", align="left", dy=-7, x=4).encode(y="pace:Q", text="text:N")
    layers: list[Any] = [bars_layer, rule, label]
    if shown.is_empty():
        layers.append(no_data(lang))
    return configure(alt.layer(*layers).properties(title=title, width=WIDTH + 120, height=HEIGHT))


def inland_node_chart(frame: Any, *, year: int, months: int, lang: str = "zh") -> alt.TopLevelMixin:
    """TEU counted from moves by inland port in ``year``, split by direction (horizontal bars).

    Parameters
    ----------
    frame
        Rows with ``inland_node`` (null shows as "not given"), ``direction``
        (``rail_to_ship``/``ship_to_rail``) and ``teu``.
    year
        The year shown (in the title).
    months
        How many months of the year are counted from moves (in the title).
    lang
        ``"zh"`` or ``"en"``.
    """
    check_lang(lang)
    rows = as_polars(frame)
    directions = {d: text(f"sea_rail.{d}", lang) for d in ("rail_to_ship", "ship_to_rail")}
    shown = rows.select(
        pl.col("inland_node").fill_null(text("sea_rail.inland_node_unknown", lang)),
        pl.col("direction").replace_strict(directions, default=pl.col("direction")),
        pl.col("teu").round(0).cast(pl.Int64),
    )
    return bars(
        shown,
        category="inland_node",
        amount="teu",
        color="direction",
        category_title=text("sea_rail.inland_node", lang),
        amount_title=text("sea_rail.teu", lang),
        color_title=text("sea_rail.direction", lang),
        title=text("sea_rail.title_inland", lang, year=year, months=months),
        lang=lang,
    )
