"""Columns of the network check's tables: sites on the network, carriageway gaps, findings."""

from __future__ import annotations

import polars as pl

RULES = ("cn", "afir", "nevi")
"""Spacing rules reported per carriageway."""


SA_NETWORK_COVERAGE_SCHEMA: dict[str, pl.DataType] = {
    "site_id": pl.String(),
    "name": pl.String(),
    "kind": pl.String(),
    "route_ref": pl.String(),
    "direction": pl.String(),
    "has_charger": pl.Boolean(),
    "chargers": pl.Int64(),
    "osm_chargers": pl.Int64(),
    "register_stations": pl.Int64(),
    "nearest_charger_km": pl.Float64(),
    "register_site_id": pl.String(),
    "lon": pl.Float64(),
    "lat": pl.Float64(),
    "offset_km": pl.Float64(),
    "pool_kw": pl.Float64(),
    "max_point_kw": pl.Float64(),
    "fast_points": pl.Int64(),
    "afir_ok": pl.Boolean(),
    "nevi_ok": pl.Boolean(),
}

_RULE_COLUMNS = {
    "sites": pl.Int64(),
    "max_gap_km": pl.Float64(),
    "lead_km": pl.Float64(),
    "tail_km": pl.Float64(),
    "compliant_share": pl.Float64(),
}
CORRIDOR_GAPS_SCHEMA: dict[str, pl.DataType] = {
    "route_ref": pl.String(),
    "direction": pl.String(),
    "name": pl.String(),
    "length_km": pl.Float64(),
    "extent_km": pl.Float64(),
    "pieces": pl.Int64(),
    "breaks_km": pl.Float64(),
    "sites": pl.Int64(),
    "service_areas": pl.Int64(),
    "service_areas_with_charger": pl.Int64(),
    "charging_sites": pl.Int64(),
    "max_gap_km": pl.Float64(),
    "lead_km": pl.Float64(),
    "tail_km": pl.Float64(),
    "compliant_share": pl.Float64(),
    "meets_afir": pl.Boolean(),
    "meets_nevi": pl.Boolean(),
    "cn_compliant": pl.Boolean(),
    **{f"afir_{name}": dtype for name, dtype in _RULE_COLUMNS.items()},
    "afir_compliant": pl.Boolean(),
    **{f"nevi_{name}": dtype for name, dtype in _RULE_COLUMNS.items()},
    "nevi_compliant": pl.Boolean(),
    "geometry_wkt": pl.String(),
}

RECONCILIATION_SCHEMA: dict[str, pl.DataType] = {
    "kind": pl.String(),
    "object_id": pl.String(),
    "name": pl.String(),
    "lon": pl.Float64(),
    "lat": pl.Float64(),
    "detail": pl.String(),
}
