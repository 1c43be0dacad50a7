"""The charging section of the report: coverage by year, each site, the OpenStreetMap check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from qdtransport.domains.charging.charts import charger_coverage_chart, network_map
from qdtransport.domains.charging.tables import (
    corridor_verdicts_table,
    network_sites_table,
    site_charging_table,
)
from qdtransport.report.tables import (
    heading_html,
    html_table,
    note_html,
    read_relation,
    relation_exists,
)


def section(
    con: duckdb.DuckDBPyConnection,
    *,
    year: int,
    lang: str = "zh",
    settings: Mapping[str, Any],
    targets: Mapping[str, Mapping[str, Any]],
) -> list[Any]:
    """Coverage against the target, the sites on 31 December of ``year``, the network check.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The report year.
    lang
        ``"zh"`` or ``"en"``.
    settings
        The row of table ``settings`` (``charging_space_share_min``).
    targets
        indicator_id -> row of table ``targets``.

    Returns
    -------
    list
        HTML fragments and altair charts, in display order.
    """
    items: list[Any] = [heading_html("charging.section_charging", lang=lang)]
    if not (
        relation_exists(con, "sa_charger_coverage_by_kind")
        and relation_exists(con, "sa_site_charging")
    ):
        items.append(note_html("charging.note_charging_views_missing", lang=lang))
    else:
        target = targets["service_area_charger_coverage"]
        coverage = con.sql(
            "select year, kind, coverage from sa_charger_coverage_by_kind order by year, kind"
        ).pl()
        sites = con.sql(
            "select * from sa_site_charging where year = ? and in_service "
            "order by kind desc, service_area_id",
            params=[year],
        ).pl()
        share_min = settings["charging_space_share_min"]
        items += [
            charger_coverage_chart(
                coverage,
                target_value=target["target_value"],
                target_year=target["target_year"],
                lang=lang,
            ),
            heading_html("charging.section_sites", lang=lang, level=3, year=year),
            html_table(site_charging_table(sites, space_share_min=share_min, lang=lang), lang=lang),
            note_html("charging.note_space_rule", lang=lang, share=f"{share_min:.0%}"),
        ]
    return items + network_items(con, year=year, lang=lang)


def network_items(con: duckdb.DuckDBPyConnection, *, year: int, lang: str = "zh") -> list[Any]:
    """The OpenStreetMap check: map, sites and verdicts; the register's sites without an OSM file."""
    items: list[Any] = [heading_html("charging.section_network", lang=lang, level=3)]
    network_sites = read_relation(con, "sa_network_coverage")
    gaps = read_relation(con, "corridor_gaps")
    if network_sites is not None and not network_sites.is_empty():
        items += [
            network_map(network_sites, carriageways=gaps, lang=lang),
            html_table(network_sites_table(network_sites, lang=lang), lang=lang),
        ]
        if gaps is not None:
            items += [
                heading_html("charging.section_verdicts", lang=lang, level=3),
                html_table(corridor_verdicts_table(gaps, lang=lang), lang=lang),
                note_html("charging.note_verdicts", lang=lang),
            ]
        return items
    items.append(note_html("charging.note_no_network", lang=lang))
    if relation_exists(con, "sa_site_charging"):
        register_sites = con.sql(
            "select * from sa_site_charging where year = ? and in_service", params=[year]
        ).pl()
        items.append(network_map(register_sites, lang=lang))
    return items
