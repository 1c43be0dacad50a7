"""Charging tables for people (qdtransport.domains.charging.tables) on rows written out here."""

from __future__ import annotations

import polars as pl

from qdtransport.domains.charging import tables


def test_corridor_verdicts_side_by_side() -> None:
    gaps = pl.DataFrame(
        {
            "route_ref": ["G20", "G15"],
            "direction": ["E", "N"],
            "length_km": [120.04, 30.0],
            "max_gap_km": [72.5, None],
            "lead_km": [5.0, 30.0],
            "tail_km": [12.26, None],
            "meets_afir": [False, None],
            "meets_nevi": [True, None],
        }
    )
    table = tables.corridor_verdicts_table(gaps, lang="en")
    # 72.5 km: over AFIR's 60 km, within NEVI's 80.47 km; G15 has no charger and is short:
    # undecided; the whole-rule columns are absent from this frame, so they show "–"
    assert table.columns[-5:] == [
        "Chinese rule", "AFIR gap ≤ 60 km", "EU AFIR, whole rule", "NEVI gap ≤ 50 mi", "US NEVI, whole rule",
    ]
    assert table.rows() == [
        ("G20", "eastbound", "120.0", "72.5", "5.0", "12.3", "–", "✗", "–", "✓", "–"),
        ("G15", "northbound", "30.0", "–", "30.0", "–", "–", "–", "–", "–", "–"),
    ]
    whole = tables.corridor_verdicts_table(
        gaps.with_columns(
            cn_compliant=pl.Series([True, None]),
            afir_compliant=pl.Series([False, False]),
            nevi_compliant=pl.Series([True, None]),
        ),
        lang="en",
    )
    assert whole["Chinese rule"].to_list() == ["✓", "–"]
    assert whole["EU AFIR, whole rule"].to_list() == ["✗", "✗"]
    assert whole["US NEVI, whole rule"].to_list() == ["✓", "–"]


def test_network_sites_table() -> None:
    sites = pl.DataFrame(
        {
            "site_id": ["w1"],
            "name": ["甲服务区"],
            "route_ref": ["G20"],
            "direction": ["both"],
            "has_charger": [False],
            "chargers": [0],
            "nearest_charger_km": [14.26],
            "register_site_id": [None],
            "kind": ["service_area"],
        }
    )
    assert tables.network_sites_table(sites).rows() == [
        ("OSM 路径 1", "甲服务区", "G20", "双向", "服务区", "✗", "0", "14.3", "–")
    ]


def test_osm_codes_in_words_in_either_language() -> None:
    # the raw values of an OpenStreetMap check: way w53, a services site on the south-west-bound
    # carriageway; a rest area on a node; the register's own direction words stay as given
    sites = pl.DataFrame(
        {
            "site_id": ["w53", "n7", "QA1"],
            "name": ["莱西服务区", "泊里停车区", "甲服务区"],
            "route_ref": ["G15", "G15", "G20"],
            "direction": ["SW", "NE", "青岛方向"],
            "has_charger": [True, True, False],
            "chargers": [1, 1, 0],
            "nearest_charger_km": [0.0, 0.0, None],
            "register_site_id": ["SA-G15-01", None, None],
            "kind": ["services", "rest_area", "service_area"],
        }
    )
    zh = tables.network_sites_table(sites, lang="zh").rows()
    en = tables.network_sites_table(sites, lang="en").rows()
    assert [r[:5] for r in zh] == [
        ("OSM 路径 53", "莱西服务区", "G15", "往西南", "服务区"),
        ("OSM 节点 7", "泊里停车区", "G15", "往东北", "停车区"),
        ("QA1", "甲服务区", "G20", "青岛方向", "服务区"),
    ]
    assert [r[:5] for r in en] == [
        ("OSM way 53", "莱西服务区", "G15", "southwest-bound", "Service area"),
        ("OSM node 7", "泊里停车区", "G15", "northeast-bound", "Rest area"),
        ("QA1", "甲服务区", "G20", "青岛方向", "Service areas"),
    ]
