"""Tables of the charging domain for people: sites at a year-end, the network check's findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from qdtransport.domains.charging.charts import direction_word, kind_label, osm_id_label
from qdtransport.i18n import text
from qdtransport.report.tables import (
    MISSING,
    as_rows,
    cell_table,
    format_check,
    format_number,
    format_share,
)


def site_charging_table(rows: Any, *, space_share_min: float, lang: str = "zh") -> pl.DataFrame:
    """Charging at each register site at one year-end, with the charging-space rule.

    Parameters
    ----------
    rows
        Rows of view ``sa_site_charging`` for one year (``service_area_id``, ``name``,
        ``route_ref``, ``direction``, ``kind``, ``covered``, ``stations``, ``dc_connectors``,
        ``ac_connectors``, ``max_power_kw``, ``charging_spaces``, ``car_parking_spaces``,
        ``charging_space_share``, ``meets_space_rule``).
    space_share_min
        The rule's least share (``settings.charging_space_share_min``), for the header.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per site: id, name, route, direction, kind, has charging (✓/✗), stations,
        DC and AC connectors, max kW, charging spaces, car spaces, charging-space share (%) and
        the rule (✓/✗, ``–`` where spaces are unknown). No rows gives an empty frame.
    """
    rows = as_rows(rows)
    share = f"{space_share_min:.0%}"
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("charging.col_site_id", lang), lambda r: str(r["service_area_id"])),
        (text("charging.col_name", lang), lambda r: str(r["name"])),
        (text("charging.col_route", lang), lambda r: str(r["route_ref"])),
        (text("charging.col_direction", lang), lambda r: direction_word(r["direction"], lang)),
        (text("charging.col_kind", lang), lambda r: kind_label(r["kind"], lang)),
        (text("charging.col_covered", lang), lambda r: format_check(r["covered"])),
        (text("charging.col_stations", lang), lambda r: format_number(r["stations"])),
        (text("charging.col_dc", lang), lambda r: format_number(r["dc_connectors"])),
        (text("charging.col_ac", lang), lambda r: format_number(r["ac_connectors"])),
        (text("charging.col_max_kw", lang), lambda r: format_number(r.get("max_power_kw"))),
        (text("charging.col_charging_spaces", lang), lambda r: format_number(r["charging_spaces"])),
        (text("charging.col_car_spaces", lang), lambda r: format_number(r["car_parking_spaces"])),
        (text("charging.col_space_share", lang), lambda r: format_share(r["charging_space_share"])),
        (
            text("charging.col_space_rule", lang, share=share),
            lambda r: format_check(r["meets_space_rule"]),
        ),
    ]
    return cell_table(rows, spec)


def network_sites_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """Service-area sites found on the OpenStreetMap motorway network.

    Parameters
    ----------
    rows
        Rows of table ``sa_network_coverage``: ``site_id``, ``name``, ``route_ref``,
        ``direction`` (compass point or ``both``), ``has_charger``, ``chargers``,
        ``nearest_charger_km``, ``register_site_id``; ``kind`` when present.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per site: id, name, route, direction, kind (when given), has charging
        (✓/✗), chargers, nearest charger (km, one decimal), register id (``–`` when unmatched).
    """
    rows = as_rows(rows)
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("charging.col_site_id", lang), lambda r: osm_id_label(r["site_id"], lang)),
        (text("charging.col_name", lang), lambda r: r["name"] or MISSING),
        (text("charging.col_route", lang), lambda r: r["route_ref"] or MISSING),
        (text("charging.col_direction", lang), lambda r: direction_word(r["direction"], lang)),
    ]
    if "kind" in rows.columns:
        spec.append(
            (
                text("charging.col_kind", lang),
                lambda r: kind_label(r["kind"], lang) if r["kind"] else MISSING,
            )
        )
    spec += [
        (text("charging.col_covered", lang), lambda r: format_check(r["has_charger"])),
        (text("charging.col_chargers", lang), lambda r: format_number(r["chargers"])),
        (
            text("charging.col_nearest_km", lang),
            lambda r: format_number(r["nearest_charger_km"], 1),
        ),
        (text("charging.col_register_site", lang), lambda r: r["register_site_id"] or MISSING),
    ]
    return cell_table(rows, spec)


def corridor_verdicts_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The Chinese, EU AFIR and US NEVI verdicts side by side, one row per carriageway.

    Parameters
    ----------
    rows
        Rows of table ``corridor_gaps``: ``route_ref``, ``direction``, ``length_km``,
        ``max_gap_km``, ``lead_km``, ``tail_km``; the spacing verdicts ``meets_afir`` and
        ``meets_nevi`` (``max_gap_km`` against 60 km and 50 miles); the whole-rule verdicts
        ``cn_compliant``, ``afir_compliant``, ``nevi_compliant`` (a column the database lacks
        shows as ``–``).
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        String rows: route, direction, length, longest gap, lead and tail (km, one decimal),
        then ✓/✗ for the Chinese rule, AFIR spacing, AFIR as a whole, NEVI spacing, NEVI as a
        whole (``–`` where nothing visible decides it or the column is absent).
    """
    rows = as_rows(rows)

    def verdict(column: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: format_check(r[column]) if column in r else MISSING

    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("charging.col_route", lang), lambda r: str(r["route_ref"])),
        (text("charging.col_direction", lang), lambda r: direction_word(r["direction"], lang)),
        (text("charging.col_length_km", lang), lambda r: format_number(r["length_km"], 1)),
        (text("charging.col_max_gap_km", lang), lambda r: format_number(r["max_gap_km"], 1)),
        (text("charging.col_lead_km", lang), lambda r: format_number(r["lead_km"], 1)),
        (text("charging.col_tail_km", lang), lambda r: format_number(r["tail_km"], 1)),
        (text("charging.col_cn_compliant", lang), verdict("cn_compliant")),
        (text("charging.col_meets_afir", lang), verdict("meets_afir")),
        (text("charging.col_afir_compliant", lang), verdict("afir_compliant")),
        (text("charging.col_meets_nevi", lang), verdict("meets_nevi")),
        (text("charging.col_nevi_compliant", lang), verdict("nevi_compliant")),
    ]
    return cell_table(rows, spec)
