"""The fleet section of the report: new-energy shares of new buses and taxis, the year-end fleet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from qdtransport.domains.fleet.charts import nev_share_chart, stock_nev_share_chart
from qdtransport.report.tables import heading_html

INDICATOR_USE_TYPES: tuple[tuple[str, str], ...] = (
    ("bus", "bus_nev_share_new"),
    ("cruising_taxi", "taxi_nev_share_new"),
)
"""The fleet indicators and the use type each one counts."""


def section(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int,
    lang: str = "zh",
    settings: Mapping[str, Any],
    targets: Mapping[str, Mapping[str, Any]],
) -> list[Any]:
    """Heading, one share-by-year chart per fleet indicator and the stock chart of ``year``.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The report year (the year-end of the stock chart).
    lang
        ``"zh"`` or ``"en"``.
    settings
        The row of table ``settings`` (unused here).
    targets
        indicator_id -> row of table ``targets``.

    Returns
    -------
    list
        An HTML heading and altair charts, in display order.
    """
    items: list[Any] = [heading_html("fleet.section_fleet", lang=lang)]
    for use_type, indicator in INDICATOR_USE_TYPES:
        target = targets[indicator]
        shares = con.sql(f"select year, value, complete from {indicator} order by year").pl()
        items.append(
            nev_share_chart(
                shares,
                use_type=use_type,
                target_value=target["target_value"],
                target_year=target["target_year"],
                lang=lang,
            )
        )
    stock = con.sql("select * from fleet_stock_nev_share where year = ?", params=[year]).pl()
    items.append(stock_nev_share_chart(stock, year=year, lang=lang))
    return items
