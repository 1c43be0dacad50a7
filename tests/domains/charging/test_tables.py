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
        ("G20", "E", "120.0", "72.5", "5.0", "12.3", "–", "✗", "–", "✓", "–"),
        ("G15", "N", "30.0", "–", "30.0", "–", "–", "–", "–", "–", "–"),
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
        ("w1", "甲服务区", "G20", "双向", "服务区", "✗", "0", "14.3", "–")
    ]
