"""compute_network_coverage on the hand-made G99 network, worked out by hand.

G99 runs along meridians from 36.0 N to 36.9 N: each carriageway is 0.9 degree = 100.0756 km
(one degree = 111.19508 km). Positions are those of the slip-road junctions:

northbound (N, from 36.0 N): S1 exit at 36.195 -> 21.6831 km; S3 at 36.595 -> 66.1611 km;
    S5 (bridge) at 36.795 -> 88.4001 km.
southbound (S, from 36.9 N): S5 exit at 36.805 -> 10.5635 km; S2 at 36.205 -> 77.2806 km.

Chargers: S1 has 4 x 160 kW (AFIR and NEVI); S2 one without power tags; S3 only the register
station ST-1 (2 DC at 120 kW, from 2024-06-01); S5 an area charger 2 x 60 kW. The decoy town
charger, the charger at the off-network S6 and the roadside charger count nowhere.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from qdtransport.domains.charging.network import OsmExtract, compute_network_coverage
from qdtransport.domains.charging.network.extract import chargers_frame, sites_frame
from qdtransport.domains.charging.network.motorway_graph import MotorwayGraphBuilder
from qdtransport.domains.charging.network.schemas import (
    CORRIDOR_GAPS_SCHEMA,
    RECONCILIATION_SCHEMA,
    SA_NETWORK_COVERAGE_SCHEMA,
)
from qdtransport.settings import Settings

DEGREE_KM = 111.19508
EXTENT = 0.9 * DEGREE_KM
S1_N, S3_N, S5_N = 0.195 * DEGREE_KM, 0.595 * DEGREE_KM, 0.795 * DEGREE_KM
S5_S, S2_S = 0.095 * DEGREE_KM, 0.695 * DEGREE_KM


def gaps_row(coverage, direction: str) -> dict:
    return coverage.corridor_gaps.filter(direction=direction).row(0, named=True)


def site_row(coverage, site_id: str) -> dict:
    return coverage.sa_network_coverage.filter(site_id=site_id).row(0, named=True)


@pytest.fixture()
def end_2024(corridor: OsmExtract, register_sites: pl.DataFrame, register_stations: pl.DataFrame):
    return compute_network_coverage(
        corridor,
        register_sites=register_sites,
        register_stations=register_stations,
        as_of=dt.date(2024, 12, 31),
    )


def test_sites_on_the_network(end_2024) -> None:
    table = end_2024.sa_network_coverage
    assert table.columns == list(SA_NETWORK_COVERAGE_SCHEMA)
    assert table["site_id"].to_list() == ["n501", "w1001", "w1002", "w1003"]
    assert dict(table.select("site_id", "direction").iter_rows()) == {
        "n501": "both",
        "w1001": "N",
        "w1002": "S",
        "w1003": "N",
    }
    assert set(table["route_ref"]) == {"G99"}
    assert table["has_charger"].all()
    assert dict(table.select("site_id", "register_site_id").iter_rows()) == {
        "n501": None,
        "w1001": "QD-S1",
        "w1002": None,
        "w1003": "QD-S3",
    }
    s3 = site_row(end_2024, "w1003")
    assert (s3["osm_chargers"], s3["register_stations"], s3["chargers"]) == (0, 1, 1)
    assert (s3["pool_kw"], s3["afir_ok"]) == (240.0, False)  # 2 DC x 120 kW
    s1 = site_row(end_2024, "w1001")
    assert (s1["afir_ok"], s1["nevi_ok"], s1["nearest_charger_km"]) == (True, True, 0.0)


def test_chinese_rule_gaps(end_2024) -> None:
    north, south = gaps_row(end_2024, "N"), gaps_row(end_2024, "S")
    assert north["length_km"] == pytest.approx(EXTENT, abs=1e-3)
    assert (north["sites"], north["service_areas"], north["service_areas_with_charger"]) == (
        3,
        3,
        3,
    )
    assert north["charging_sites"] == 3
    assert north["lead_km"] == pytest.approx(S1_N, abs=1e-3)
    assert north["max_gap_km"] == pytest.approx(S3_N - S1_N, abs=1e-3)  # 44.478 km
    assert north["tail_km"] == pytest.approx(EXTENT - S5_N, abs=1e-3)  # 11.676 km
    assert north["cn_compliant"] is True and north["compliant_share"] == pytest.approx(1.0)
    # southbound: S5 then S2, 66.717 km apart, longer than the 60 km bound
    assert south["max_gap_km"] == pytest.approx(S2_S - S5_S, abs=1e-3)
    assert south["cn_compliant"] is False
    # compliant: lead 10.564 + tail 22.795 of 100.076
    assert south["compliant_share"] == pytest.approx((S5_S + EXTENT - S2_S) / EXTENT, abs=1e-6)


def test_public_spacing_verdicts_judge_max_gap_km_alone(end_2024) -> None:
    # spec: meets_afir = max_gap_km <= 60, meets_nevi = max_gap_km <= 80.47 (any charger; lead and
    # tail not counted). Northbound 44.478 km meets both; southbound 66.717 km fails AFIR only.
    north, south = gaps_row(end_2024, "N"), gaps_row(end_2024, "S")
    assert (north["meets_afir"], north["meets_nevi"]) == (True, True)
    assert (south["meets_afir"], south["meets_nevi"]) == (False, True)


def test_afir_and_nevi(end_2024) -> None:
    north, south = gaps_row(end_2024, "N"), gaps_row(end_2024, "S")
    # only S1 qualifies: lead 21.683, tail 78.393 km; fails AFIR (60), meets NEVI (80.47)
    for rule in ("afir", "nevi"):
        assert north[f"{rule}_sites"] == 1
        assert north[f"{rule}_max_gap_km"] is None
        assert north[f"{rule}_tail_km"] == pytest.approx(EXTENT - S1_N, abs=1e-3)
    assert north["afir_compliant"] is False
    assert north["afir_compliant_share"] == pytest.approx(S1_N / EXTENT, abs=1e-6)
    assert north["nevi_compliant"] is True and north["nevi_compliant_share"] == pytest.approx(1.0)
    # southbound has no qualifying site at all: the whole 100 km is lead
    assert (south["afir_sites"], south["afir_lead_km"], south["afir_compliant"]) == (
        0,
        pytest.approx(EXTENT),
        False,
    )
    assert south["nevi_compliant_share"] == 0.0


def test_register_station_not_yet_commissioned(corridor, register_sites, register_stations) -> None:
    coverage = compute_network_coverage(
        corridor,
        register_sites=register_sites,
        register_stations=register_stations,
        as_of=dt.date(2023, 12, 31),
    )
    s3 = site_row(coverage, "w1003")
    assert s3["has_charger"] is False
    # nearest charger along the northbound carriageway: S5 22.239 km ahead (S1 is 44.478 behind)
    assert s3["nearest_charger_km"] == pytest.approx(S5_N - S3_N, abs=1e-3)
    north = gaps_row(coverage, "N")
    assert north["service_areas_with_charger"] == 2 and north["cn_compliant"] is False
    assert north["max_gap_km"] == pytest.approx(S5_N - S1_N, abs=1e-3)


def test_a_station_in_service_then_makes_s2_qualify(
    corridor, register_sites, register_stations
) -> None:
    # at the end of 2022 ST-2 (4 DC at 180 kW, 90 m from S2, no site id) was still in service
    coverage = compute_network_coverage(
        corridor,
        register_sites=register_sites,
        register_stations=register_stations,
        as_of=dt.date(2022, 12, 31),
    )
    s2 = site_row(coverage, "w1002")
    assert (s2["register_stations"], s2["pool_kw"], s2["afir_ok"], s2["nevi_ok"]) == (
        1,
        720.0,
        True,
        True,
    )
    south = gaps_row(coverage, "S")
    # the only AFIR site southbound is S2 at 77.281 km: lead 77.281 > 60 fails, tail 22.795
    assert south["afir_sites"] == 1
    assert south["afir_lead_km"] == pytest.approx(S2_S, abs=1e-3)
    assert south["afir_compliant"] is False


def test_reconciliation(end_2024) -> None:
    findings = end_2024.reconciliation
    assert findings.columns == list(RECONCILIATION_SCHEMA)
    assert sorted(findings.select("kind", "object_id").iter_rows()) == [
        ("charger_without_site", "ST-3"),  # names QD-X, which is not on the network
        ("charger_without_site", "n605"),  # 512 m from the motorway, at no site
        ("osm_site_without_register_row", "n501"),
        ("osm_site_without_register_row", "w1002"),
        ("register_site_not_on_network", "QD-X"),
        ("site_not_on_motorway", "w1006"),  # 3.4 km away
        ("site_without_links", "w1007"),  # 27 m from the northbound carriageway
    ]
    detail = findings.filter(object_id="w1007")["detail"][0]
    assert "G99 at 27 m" in detail  # 0.0003 degree east at 36.3 N = 26.9 m


def test_decoy_chargers_do_not_count(end_2024) -> None:
    # 8 x 250 kW in town and 4 x 200 kW at the off-network S6 would make any site qualify
    assert end_2024.sa_network_coverage["pool_kw"].max() == 640.0
    assert "n604" not in set(end_2024.reconciliation["object_id"])


def test_without_registers(corridor) -> None:
    coverage = compute_network_coverage(corridor, as_of=dt.date(2024, 12, 31))
    assert site_row(coverage, "w1003")["has_charger"] is False
    kinds = set(coverage.reconciliation["kind"])
    assert kinds == {"charger_without_site", "site_not_on_motorway", "site_without_links"}


def test_settings_are_used(corridor) -> None:
    # a 20 m charger radius: the S5 charger area (105 m from the bridge site node) no longer counts
    settings = Settings(osm_charger_site_radius_m=20.0)
    coverage = compute_network_coverage(corridor, settings=settings, as_of=dt.date(2024, 12, 31))
    assert site_row(coverage, "n501")["has_charger"] is False


def test_an_empty_extract() -> None:
    from qdtransport.domains.charging.network import OsmExtract

    extract = OsmExtract(
        graph=MotorwayGraphBuilder().build(), sites=sites_frame([]), chargers=chargers_frame([])
    )
    coverage = compute_network_coverage(extract, as_of=dt.date(2024, 12, 31))
    assert coverage.sa_network_coverage.height == 0
    assert coverage.corridor_gaps.columns == list(CORRIDOR_GAPS_SCHEMA)
    assert coverage.corridor_gaps.height == 0 and coverage.reconciliation.height == 0


def test_register_sites_not_open_are_not_findings(corridor, register_sites) -> None:
    # QD-X is 9 km from any OSM site: a finding while open, none while under construction
    building = register_sites.with_columns(
        pl.when(pl.col("service_area_id") == "QD-X")
        .then(pl.lit("under_construction"))
        .otherwise(pl.col("status"))
        .alias("status")
    )
    coverage = compute_network_coverage(
        corridor, register_sites=building, as_of=dt.date(2024, 12, 31)
    )
    assert "QD-X" not in set(coverage.reconciliation["object_id"])
