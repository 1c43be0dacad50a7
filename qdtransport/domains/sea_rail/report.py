"""The sea-rail section of the report.

TEU by year against 2.2 million, by month by source, by inland port; the months counted and
reported side by side; growth against the national ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from qdtransport.domains.sea_rail.charts import (
    annual_teu_chart,
    inland_node_chart,
    monthly_teu_chart,
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
    relation_exists,
)

MONTHS_SHOWN = 3
"""Years of months the monthly chart shows: the report year and the two before it."""


def section(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int,
    lang: str = "zh",
    settings: Mapping[str, Any],
    targets: Mapping[str, Mapping[str, Any]],
) -> list[Any]:
    """The section's items: heading, charts, reconciliation, growth, duplicate-move note.

    The yearly and monthly charts, the inland-port breakdown of ``year``, the reconciliation of
    months with both sources, growth by year and the note on moves exported more than once.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The report year.
    lang
        ``"zh"`` or ``"en"``.
    settings
        The row of table ``settings`` (unused: the views apply it).
    targets
        indicator_id -> row of table ``targets``.

    Returns
    -------
    list
        HTML fragments and altair charts, in display order.
    """
    items: list[Any] = [heading_html("sea_rail.section_sea_rail", lang=lang)]
    if not relation_exists(con, "sea_rail_teu_monthly"):
        return [*items, note_html("sea_rail.note_views_missing", lang=lang)]
    target = targets["sea_rail_teu"]
    yearly = con.sql("select year, value, complete from sea_rail_teu order by year").pl()
    if yearly.is_empty():
        return [*items, note_html("sea_rail.note_no_data", lang=lang)]
    items.append(
        annual_teu_chart(
            yearly,
            target_value=target["target_value"],
            target_year=target["target_year"],
            lang=lang,
        )
    )
    monthly = con.sql(
        "select month, teu, source from sea_rail_teu_monthly where year(month) between ? and ? order by month",
        params=[year - MONTHS_SHOWN + 1, year],
    ).pl()
    items.append(monthly_teu_chart(monthly, target_value=target["target_value"], lang=lang))
    counted = con.execute(
        "select count(*) from sea_rail_teu_monthly where year(month) = ? and source = 'moves'",
        [year],
    ).fetchall()[0][0]
    if counted:
        nodes = con.sql(
            """
            select inland_node, direction, sum(teu) as teu
            from int_sea_rail_moves
            where year = ?
            group by inland_node, direction
            order by inland_node, direction
            """,
            params=[year],
        ).pl()
        items.append(inland_node_chart(nodes, year=year, months=counted, lang=lang))
    else:
        items.append(note_html("sea_rail.note_no_moves", lang=lang, year=year))
    items += _reconciliation(con, lang)
    items += _growth(con, year, lang)
    [(duplicates, conflicting)] = con.execute(
        "select count(*), count(*) filter (where conflicting) from sea_rail_duplicate_moves"
    ).fetchall()
    if duplicates:
        items.append(note_html("sea_rail.note_duplicates", lang=lang, moves=duplicates, conflicting=conflicting))
    return items


def _reconciliation(con: duckdb.DuckDBPyConnection, lang: str) -> list[Any]:
    rows = con.sql("select * from sea_rail_teu_reconciliation order by month").pl()
    if rows.is_empty():
        return []
    table = cell_table(
        rows,
        [
            (text("sea_rail.month", lang), lambda r: r["month"].strftime("%Y-%m")),
            (text("sea_rail.boxes", lang), lambda r: format_number(r["boxes"])),
            (text("sea_rail.moves_teu", lang), lambda r: format_number(r["moves_teu"], 2)),
            (text("sea_rail.reported_teu", lang), lambda r: format_number(r["reported_teu"], 2)),
            (text("sea_rail.difference", lang), lambda r: format_number(r["difference_teu"], 2)),
            (
                text("sea_rail.relative_difference", lang),
                lambda r: format_share(r["relative_difference"]),
            ),
        ],
    )
    return [
        heading_html("sea_rail.section_reconciliation", lang=lang, level=3),
        html_table(table, lang=lang),
    ]


def _growth(con: duckdb.DuckDBPyConnection, year: int, lang: str) -> list[Any]:
    rows = con.sql(
        "select * from sea_rail_teu_growth where year between ? and ? order by year",
        params=[year - 4, year],
    ).pl()
    if rows.is_empty():
        return []
    table = cell_table(
        rows,
        [
            (text("year", lang), lambda r: str(r["year"])),
            (text("sea_rail.value", lang), lambda r: format_number(r["value"])),
            (text("sea_rail.growth", lang), lambda r: format_share(r["growth"])),
            (
                text("sea_rail.above_growth_target", lang),
                lambda r: format_check(r["above_growth_target"]),
            ),
            (text("sea_rail.complete", lang), lambda r: format_check(r["complete"])),
        ],
    )
    return [
        heading_html("sea_rail.section_growth", lang=lang, level=3),
        html_table(table, lang=lang),
    ]
