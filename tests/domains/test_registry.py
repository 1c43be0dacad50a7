"""The registered domains: tables, targets in the plan's order, one package per domain."""

from __future__ import annotations

import importlib

from qdtransport.domains import DOMAINS, TABLES, target_rows


def test_tables_in_load_order() -> None:
    assert list(TABLES) == [
        "fleet_register",
        "service_areas",
        "charging_stations",
        "sea_rail_moves",
        "sea_rail_monthly",
        "port_bulk_flows",
        "travel_survey_trips",
    ]


def test_targets_in_the_order_of_the_plan() -> None:
    # spec/indicators.md lists the six targets in the plan's wording order
    assert [row["indicator_id"] for row in target_rows()] == [
        "service_area_charger_coverage",
        "sea_rail_teu",
        "port_bulk_green_share",
        "green_travel_share",
        "bus_nev_share_new",
        "taxi_nev_share_new",
    ]
    green_travel = next(r for r in target_rows() if r["indicator_id"] == "green_travel_share")
    assert green_travel["comparator"] == ">" and green_travel["target_value"] == 0.70


def test_each_domain_is_its_own_package() -> None:
    for domain in DOMAINS:
        package = importlib.import_module(f"qdtransport.domains.{domain.name}")
        assert package.DOMAIN is domain
        assert all(table.name in TABLES for table in domain.tables)
