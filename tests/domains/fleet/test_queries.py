"""Fleet indicator views on the hand-made register in tests/data/warehouse/fleet_register.csv.

The register (15 vehicles) by hand:
- buses in the built-up area: 2016 one DIESEL (deregistered 2024-06-30); 2024 BEV, BEV, DIESEL;
  2025 BEV, FCEV. One more 2025 DIESEL bus runs outside the built-up area (莱西市).
- cruising taxis in the built-up area: 2024 CNG, BEV; 2025 BEV, BEV, PHEV, HEV, PETROL.
- one 2025 BEV ride-hailing car.
The latest date in the register is 2025-07-01, so 2025 is not complete unless dataset.toml says
the export was taken after 2025-12-31.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from qdtransport.warehouse import build

DATA = Path(__file__).parents[2] / "data" / "warehouse"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("fleet") / "qd.duckdb"
    build(DATA, db)
    return duckdb.connect(str(db), read_only=True)


def test_bus_nev_share_new(con: duckdb.DuckDBPyConnection) -> None:
    query = "select year, numerator, denominator, value, complete from bus_nev_share_new order by year"
    rows = con.execute(query).fetchall()
    # 2016: 0 of 1; 2024: 2 BEV of 3; 2025: BEV + FCEV of 2 (the non-built-up diesel bus is out)
    assert rows == [(2016, 0, 1, 0.0, True), (2024, 2, 3, pytest.approx(2 / 3), True), (2025, 2, 2, 1.0, False)]


def test_taxi_nev_share_new_counts_phev_but_not_hev(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("select year, numerator, denominator, value from taxi_nev_share_new order by year").fetchall()
    # 2025: BEV, BEV, PHEV are NEV; HEV and PETROL are not -> 3 of 5
    assert rows == [(2024, 1, 2, 0.5), (2025, 3, 5, 0.6)]


def test_years_without_registrations_have_no_row(con: duckdb.DuckDBPyConnection) -> None:
    years = [r[0] for r in con.execute("select year from bus_nev_share_new").fetchall()]
    assert 2017 not in years and 2020 not in years


def test_fleet_stock_nev_share_at_year_end(con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(
        ((y, u, d), (n, v))
        for y, u, d, n, v in con.execute(
            "select year, use_type, district, nev_vehicles, vehicles from fleet_stock_nev_share"
        ).fetchall()
    )
    # 31 Dec 2023: only the 2016 diesel bus is in service in 市南区
    assert rows[(2023, "bus", "市南区")] == (0, 1)
    # 31 Dec 2024: it was deregistered on 2024-06-30; the three 2024 buses remain (2 BEV)
    assert rows[(2024, "bus", "市南区")] == (2, 3)
    # 31 Dec 2025: + BEV + FCEV in 市南区; the diesel bus in 莱西市 counts in the stock
    assert rows[(2025, "bus", "市南区")] == (4, 5)
    assert rows[(2025, "bus", "莱西市")] == (0, 1)
    assert rows[(2025, "cruising_taxi", "市南区")] == (4, 7)
    # the stock starts in the first registration year
    assert min(y for y, _, _ in rows) == 2016


def test_as_of_date_completes_the_last_year(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "dataset.toml").write_text("as_of = 2026-01-10\n", encoding="utf-8")
    build(data, tmp_path / "qd.duckdb")
    with duckdb.connect(str(tmp_path / "qd.duckdb"), read_only=True) as con:
        assert con.execute("select complete from bus_nev_share_new where year = 2025").fetchone() == (True,)
