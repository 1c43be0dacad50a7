"""Reading and formatting the scorecard, on the hand-made warehouse fixture (tests/data/warehouse).

By hand (see test_queries_fleet and test_queries_charging): in 2025 buses 2 of 2 new-energy, taxis
3 of 5, service areas 3 of 3 covered; no sea-rail, port or travel input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qdtransport.scorecard import (
    SCORECARD_COLUMNS,
    connect_read_only,
    format_scorecard,
    read_scorecard,
    targets_in_year,
)
from qdtransport.warehouse import build

DATA = Path(__file__).parent / "data" / "warehouse"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scorecard") / "qd.duckdb"
    build(DATA, path)
    return path


def test_read_scorecard_for_one_year(db: Path) -> None:
    rows = read_scorecard(db, year=2025)
    assert [(r["indicator_id"], r["numerator"], r["denominator"], r["met"]) for r in rows] == [
        ("bus_nev_share_new", 2, 2, True),
        ("service_area_charger_coverage", 3, 3, True),
        ("taxi_nev_share_new", 3, 5, False),
    ]
    assert all(list(r) == list(SCORECARD_COLUMNS) for r in rows)


def test_targets_in_year_lists_every_target_with_or_without_a_value(db: Path) -> None:
    with connect_read_only(db) as con:
        frame = targets_in_year(con, 2025)
    assert frame.height == 6
    with_value = frame.filter(frame["value"].is_not_null())["indicator_id"].to_list()
    without = frame.filter(frame["value"].is_null())["indicator_id"].to_list()
    # the three with a value come first, each group in id order
    assert with_value == ["bus_nev_share_new", "service_area_charger_coverage", "taxi_nev_share_new"]
    assert without == ["green_travel_share", "port_bulk_green_share", "sea_rail_teu"]
    assert frame["year"].to_list() == [2025] * 6


def test_json_and_csv_carry_the_same_rows(db: Path) -> None:
    rows = read_scorecard(db, year=2025)
    assert json.loads(format_scorecard(rows, "json")) == [dict(r) for r in rows]
    csv_lines = format_scorecard(rows, "csv").splitlines()
    assert csv_lines[0] == ",".join(SCORECARD_COLUMNS)
    assert len(csv_lines) == 1 + 3


def test_a_year_without_values_says_so(db: Path) -> None:
    assert format_scorecard(read_scorecard(db, year=1999), "table").startswith("no scorecard rows")
