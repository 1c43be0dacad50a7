"""The port bulk section of the report: green share by cargo against the target, mode mix by year."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb
import polars as pl

from qdtransport.domains.port_bulk.charts import (
    ALL,
    CARGO_ORDER,
    code_label,
    green_share_chart,
    mode_mix_chart,
)
from qdtransport.i18n import text
from qdtransport.report import tables

INDICATOR = "port_bulk_green_share"
"""The plan indicator of the domain."""


def _wan(tonnes: float | None) -> str:
    """Tonnes as 10,000 t (万吨), one decimal."""
    return tables.format_number(None if tonnes is None else tonnes / 10_000, 1)


def cargo_table(
    overall: Mapping[str, Any] | None, by_cargo: pl.DataFrame, *, target_value: float, lang: str
) -> pl.DataFrame:
    """One year's green share, all bulk cargo first, then each cargo, with ✓/✗ against the target.

    Parameters
    ----------
    overall
        The year's row of ``port_bulk_green_share`` (``numerator``, ``denominator``, ``value``),
        or None.
    by_cargo
        The year's rows of ``port_bulk_green_share_by_cargo``.
    target_value
        The plan target (fraction).
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        String columns cargo, green tonnes and tonnes (10,000 t), share, reaches the target.
    """
    rows: list[tuple[str, float | None, float | None, float | None]] = []
    if overall is not None:
        rows.append((ALL, overall["numerator"], overall["denominator"], overall["value"]))
    rank = {cargo: index for index, cargo in enumerate(CARGO_ORDER)}
    ordered = sorted(
        by_cargo.iter_rows(named=True), key=lambda r: (rank.get(r["cargo"], 99), r["cargo"])
    )
    rows += [(r["cargo"], r["green_tonnes"], r["tonnes"], r["share"]) for r in ordered]
    target = tables.format_share(target_value).replace(".0%", "%")
    return tables.string_table(
        {
            text("port_bulk.cargo", lang): [code_label(r[0], lang) for r in rows],
            text("port_bulk.green_tonnes", lang): [_wan(r[1]) for r in rows],
            text("port_bulk.tonnes", lang): [_wan(r[2]) for r in rows],
            text("port_bulk.green_share", lang): [tables.format_share(r[3]) for r in rows],
            text("port_bulk.vs_target", lang, target=target): [
                tables.format_check(None if r[3] is None else r[3] >= target_value) for r in rows
            ],
        }
    )


def flow_table(rows: pl.DataFrame, *, lang: str) -> pl.DataFrame:
    """One year's bulk cargo by port area and flow: green tonnes, tonnes and share.

    ``rows`` has ``terminal``, ``flow``, ``green_tonnes``, ``tonnes``, ``share`` (a null
    terminal shows as "port area not given").
    """
    records = list(rows.iter_rows(named=True))
    return tables.string_table(
        {
            text("port_bulk.terminal", lang): [
                r["terminal"] or text("port_bulk.terminal_unknown", lang) for r in records
            ],
            text("port_bulk.flow", lang): [code_label(r["flow"], lang) for r in records],
            text("port_bulk.green_tonnes", lang): [_wan(r["green_tonnes"]) for r in records],
            text("port_bulk.tonnes", lang): [_wan(r["tonnes"]) for r in records],
            text("port_bulk.green_share", lang): [tables.format_share(r["share"]) for r in records],
        }
    )


def method_note(settings: Mapping[str, Any], *, lang: str) -> str:
    """The definition the build used: bulk cargoes and green modes, from table ``settings``."""
    separator = "、" if lang == "zh" else ", "
    cargoes = separator.join(code_label(c, lang) for c in settings["bulk_cargoes"])
    modes = separator.join(code_label(m, lang) for m in settings["green_freight_modes"])
    return tables.note_html("port_bulk.note_method", lang=lang, cargoes=cargoes, modes=modes)


def section(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int,
    lang: str = "zh",
    settings: Mapping[str, Any],
    targets: Mapping[str, Mapping[str, Any]],
) -> list[Any]:
    """The port bulk section: definition, green share by cargo, mode mix, port areas and flows.

    Heading, the definition used, green share by cargo against the target (chart and the report
    year's table), mode mix by year, and the report year by port area and flow.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The report year (the tables' year).
    lang
        ``"zh"`` or ``"en"``.
    settings
        The row of table ``settings`` (``bulk_cargoes``, ``green_freight_modes``).
    targets
        indicator_id -> row of table ``targets``.

    Returns
    -------
    list
        HTML fragments and altair charts, in display order.
    """
    target = targets[INDICATOR]
    items: list[Any] = [tables.heading_html("port_bulk.section", lang=lang)]
    if con.execute("select count(*) from port_bulk_flows").fetchall() == [(0,)]:
        return [*items, tables.note_html("port_bulk.no_rows", lang=lang)]
    items.append(method_note(settings, lang=lang))
    overall = con.sql(f"select * from {INDICATOR} order by year").pl()
    by_cargo = con.sql("select * from port_bulk_green_share_by_cargo order by year, cargo").pl()
    items.append(
        green_share_chart(
            overall,
            by_cargo,
            target_value=target["target_value"],
            target_year=target["target_year"],
            lang=lang,
        )
    )
    this_year = overall.filter(pl.col("year") == year)
    items.append(tables.heading_html("port_bulk.heading_by_cargo", lang=lang, level=3, year=year))
    items.append(
        tables.html_table(
            cargo_table(
                this_year.row(0, named=True) if this_year.height else None,
                by_cargo.filter(pl.col("year") == year),
                target_value=target["target_value"],
                lang=lang,
            ),
            lang=lang,
        )
    )
    months = con.execute(
        "select months_present from int_port_bulk_years where year = ? and not complete", [year]
    ).fetchall()
    if months:
        items.append(
            tables.note_html("port_bulk.note_incomplete", lang=lang, year=year, months=months[0][0])
        )
    mix = con.sql("select year, mode, tonnes from port_bulk_mode_mix order by year, mode").pl()
    items.append(mode_mix_chart(mix, lang=lang))
    by_flow = con.sql(
        """
        select
            terminal,
            flow,
            coalesce(sum(tonnes) filter (where is_green), 0) as green_tonnes,
            sum(tonnes) as tonnes,
            coalesce(sum(tonnes) filter (where is_green), 0) / nullif(sum(tonnes), 0) as share,
        from int_port_bulk_flows
        where is_bulk and year = ?
        group by terminal, flow
        order by terminal nulls last, flow desc
        """,
        params=[year],
    ).pl()
    items.append(tables.heading_html("port_bulk.heading_by_flow", lang=lang, level=3, year=year))
    items.append(tables.html_table(flow_table(by_flow, lang=lang), lang=lang))
    return items
