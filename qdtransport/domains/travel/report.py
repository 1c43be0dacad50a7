"""The travel section of the report.

The green travel share per survey year with its interval against the 70% line, the mode split,
and the share by district with intervals.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb
import polars as pl

from qdtransport.domains.travel.charts import (
    green_share_chart,
    mode_label,
    mode_split_chart,
    share_interval_chart,
)
from qdtransport.i18n import text
from qdtransport.report.tables import (
    cell_table,
    format_check,
    format_number,
    format_share,
    heading_html,
    html_table,
    note_html,
)


def share_table(shares: pl.DataFrame, *, target_value: float, lang: str = "zh") -> pl.DataFrame:
    """Display table of ``green_travel_share`` rows: share, interval, sample, design effect, verdict."""

    def interval(row: dict[str, Any]) -> str:
        if row["ci_low"] is None:
            return text("travel.no_interval", lang)
        return f"{format_share(row['ci_low'])} – {format_share(row['ci_high'])}"

    return cell_table(
        shares,
        [
            (text("year", lang), lambda r: str(r["year"])),
            (text("travel.green_share", lang), lambda r: format_share(r["value"])),
            (text("travel.interval", lang), interval),
            (text("travel.trips", lang), lambda r: format_number(r["trips"])),
            (text("travel.persons", lang), lambda r: format_number(r["persons"])),
            (text("travel.design_effect", lang), lambda r: format_number(r["design_effect"], 2)),
            (text("travel.met", lang), lambda r: format_check(r["value"] > target_value)),
        ],
    )


def survey_year_for(shares: pl.DataFrame, year: int) -> int:
    """The latest survey year up to ``year``; the first survey year when all are later."""
    years = shares["year"].to_list()
    earlier = [y for y in years if y <= year]
    return max(earlier) if earlier else min(years)


def section(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int,
    lang: str = "zh",
    settings: Mapping[str, Any],
    targets: Mapping[str, Mapping[str, Any]],
) -> list[Any]:
    """Heading, method note, share chart and table, mode split, districts of the survey year.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The report year: the district chart shows the latest survey up to it.
    lang
        ``"zh"`` or ``"en"``.
    settings
        The row of table ``settings`` (``green_travel_modes`` is named in the note).
    targets
        indicator_id -> row of table ``targets``.

    Returns
    -------
    list
        HTML fragments and altair charts, in display order.
    """
    target = targets["green_travel_share"]
    items: list[Any] = [heading_html("travel.section_travel", lang=lang)]
    shares = con.sql("select * from green_travel_share order by year").pl()
    if shares.is_empty():
        return [*items, note_html("travel.note_no_survey", lang=lang)]
    modes = "、".join if lang == "zh" else ", ".join
    items += [
        note_html("travel.note_method", lang=lang),
        note_html(
            "travel.note_green_modes",
            lang=lang,
            modes=modes(mode_label(m, lang) for m in settings["green_travel_modes"]),
        ),
        green_share_chart(shares, target_value=target["target_value"], target_year=target["target_year"], lang=lang),
        html_table(share_table(shares, target_value=target["target_value"], lang=lang), lang=lang),
    ]
    for row in shares.filter(pl.col("ci_low").is_null()).iter_rows(named=True):
        items.append(note_html("travel.note_no_interval", lang=lang, year=row["year"]))
    split = con.sql("select * from travel_mode_share order by year").pl()
    items.append(mode_split_chart(split, green_modes=tuple(settings["green_travel_modes"]), lang=lang))
    survey = survey_year_for(shares, year)
    districts = con.sql("select * from green_travel_share_by_district where year = ?", params=[survey]).pl()
    items += [
        note_html("travel.note_district_year", lang=lang, year=survey),
        share_interval_chart(
            districts,
            category="district",
            category_title=text("travel.district", lang),
            unknown_label=text("travel.district_unknown", lang),
            title=text("travel.title_districts", lang, year=survey),
            target_value=target["target_value"],
            lang=lang,
        ),
    ]
    return items
