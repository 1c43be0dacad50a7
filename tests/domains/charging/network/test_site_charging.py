"""What a site offers from OSM and register chargers, and the AFIR and NEVI thresholds."""

from __future__ import annotations

import polars as pl

from qdtransport.domains.charging.network.site_charging import site_charging
from qdtransport.settings import Settings

OSM_SCHEMA = {
    "site_id": pl.String(),
    "max_power_kw": pl.Float64(),
    "total_power_kw": pl.Float64(),
    "point_outputs_kw": pl.List(pl.Float64()),
}
REGISTER_SCHEMA = {
    "site_id": pl.String(),
    "dc_connectors": pl.Int64(),
    "max_power_kw": pl.Float64(),
}


def charging(osm: list[dict], register: list[dict], sites: list[str]) -> dict[str, dict]:
    frame = site_charging(
        sites,
        pl.DataFrame(osm, schema=OSM_SCHEMA),
        pl.DataFrame(register, schema=REGISTER_SCHEMA),
        Settings(),
    )
    return {row["site_id"]: row for row in frame.iter_rows(named=True)}


def test_osm_pool_qualifies_for_afir_and_nevi() -> None:
    # 4 points at 160 kW: pool 640 >= 400 with a point >= 150; 4 points >= 150 kW
    rows = charging(
        [
            {
                "site_id": "a",
                "max_power_kw": 160.0,
                "total_power_kw": 640.0,
                "point_outputs_kw": [160.0] * 4,
            }
        ],
        [],
        ["a", "b"],
    )
    assert rows["a"]["afir_ok"] and rows["a"]["nevi_ok"] and rows["a"]["has_charger"]
    assert (rows["a"]["pool_kw"], rows["a"]["max_point_kw"], rows["a"]["fast_points"]) == (
        640.0,
        160.0,
        4,
    )
    assert rows["b"]["chargers"] == 0 and not rows["b"]["has_charger"]
    assert rows["b"]["pool_kw"] is None and not rows["b"]["afir_ok"] and not rows["b"]["nevi_ok"]


def test_a_charger_without_power_counts_only_for_the_chinese_rule() -> None:
    rows = charging(
        [{"site_id": "a", "max_power_kw": None, "total_power_kw": None, "point_outputs_kw": None}],
        [],
        ["a"],
    )
    assert rows["a"]["has_charger"] and not rows["a"]["afir_ok"] and not rows["a"]["nevi_ok"]
    assert rows["a"]["fast_points"] == 0


def test_thresholds_are_inclusive() -> None:
    # AFIR: pool exactly 400 with a point exactly 150; NEVI: 3 fast points is one short
    rows = charging(
        [
            {
                "site_id": "a",
                "max_power_kw": 150.0,
                "total_power_kw": 400.0,
                "point_outputs_kw": [150.0, 150.0, 100.0],
            }
        ],
        [],
        ["a"],
    )
    assert rows["a"]["afir_ok"] and not rows["a"]["nevi_ok"]


def test_register_dc_connectors_at_station_power() -> None:
    # 2 stations: 3 DC at 180 kW (540 kW, 3 fast points) and 2 DC at 60 kW (120 kW)
    rows = charging(
        [],
        [
            {"site_id": "a", "dc_connectors": 3, "max_power_kw": 180.0},
            {"site_id": "a", "dc_connectors": 2, "max_power_kw": 60.0},
        ],
        ["a"],
    )
    assert rows["a"]["register_stations"] == 2 and rows["a"]["chargers"] == 2
    assert rows["a"]["pool_kw"] == 660.0 and rows["a"]["max_point_kw"] == 180.0
    assert rows["a"]["fast_points"] == 3
    assert rows["a"]["afir_ok"] and not rows["a"]["nevi_ok"]


def test_the_larger_source_counts_not_the_sum() -> None:
    # the same station in OSM (2 points of 120 kW) and the register (4 DC at 120 kW)
    rows = charging(
        [
            {
                "site_id": "a",
                "max_power_kw": 120.0,
                "total_power_kw": 240.0,
                "point_outputs_kw": [120.0, 120.0],
            }
        ],
        [{"site_id": "a", "dc_connectors": 4, "max_power_kw": 120.0}],
        ["a"],
    )
    assert rows["a"]["chargers"] == 1
    assert rows["a"]["pool_kw"] == 480.0  # max(240, 4 * 120), not 720
    assert not rows["a"]["afir_ok"]  # no point reaches 150 kW
