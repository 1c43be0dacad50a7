"""Port bulk views on the hand-made flows in tests/data/port_bulk/port_bulk_flows.csv.

The file (30 rows) by hand:
- 2023, all twelve months: 前湾 coal to_port rail 100 t a month -> 1200 t, green.
- 2023-06 besides: 前湾 coal from_port truck_diesel 300 (not green); 董家口 iron_ore to_port
  belt_conveyor 500 (green), from_port truck_nev 200 (green), from_port pipeline 100 (not green
  unless settings.green_freight_modes adds pipeline); 前湾 grain to_port truck_diesel 1000 (not a
  bulk cargo by default: out of every view).
- 2022-12: 前湾 grain from_port rail 400 only: no bulk cargo, so 2022 has no row.
- 2024, January to November (December missing): 董家口 coal from_port rail 50 t a month -> 550 t;
  2024-03 besides: 董家口 coal from_port truck_diesel 450.

Hand-worked default answers:
- 2023: green 1200 + 500 + 200 = 1900 t of 1200 + 300 + 500 + 200 + 100 = 2300 t -> 19/23.
- 2024: green 550 of 550 + 450 = 1000 t -> 0.55; eleven months, so not complete.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from qdtransport.cli import main
from qdtransport.settings import Settings

from .helpers import build_read_only

DATA = Path(__file__).parents[2] / "data" / "port_bulk"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return build_read_only(DATA, tmp_path_factory.mktemp("port_bulk") / "qd.duckdb")


def test_scorecard_rows(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, value, met, complete from scorecard "
        "where indicator_id = 'port_bulk_green_share' order by year"
    ).fetchall()
    # 2023: 19/23 = 0.826 >= 0.80; 2024: 0.55, eleven months
    assert rows == [(2023, pytest.approx(19 / 23), True, True), (2024, 0.55, False, False)]


def test_green_share_by_year(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, numerator, denominator, value, complete from port_bulk_green_share order by year"
    ).fetchall()
    # 2022 holds only grain: no row. 2023: 1900 / 2300. 2024: 550 / 1000, eleven months.
    assert rows == [
        (2023, 1900.0, 2300.0, pytest.approx(19 / 23), True),
        (2024, 550.0, 1000.0, 0.55, False),
    ]


def test_indicator_view_has_the_scorecard_columns(con: duckdb.DuckDBPyConnection) -> None:
    columns = [c[0] for c in con.execute("select * from port_bulk_green_share limit 0").description]
    assert columns == ["year", "value", "numerator", "denominator", "complete"]


def test_months_present(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, months_present, complete from int_port_bulk_years order by year"
    ).fetchall()
    # the 2022 grain month does not count: grain is no bulk cargo
    assert rows == [(2023, 12, True), (2024, 11, False)]


def test_green_share_by_cargo(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, cargo, green_tonnes, tonnes, share from port_bulk_green_share_by_cargo order by year, cargo"
    ).fetchall()
    # 2023 coal: rail 1200 green of 1200 + 300 diesel = 0.8; iron ore: 500 + 200 of 800 = 0.875;
    # grain has no row
    assert rows == [
        (2023, "coal", 1200.0, 1500.0, 0.8),
        (2023, "iron_ore", 700.0, 800.0, 0.875),
        (2024, "coal", 550.0, 1000.0, 0.55),
    ]


def test_both_flows_count(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select year, flow, green_tonnes, tonnes, share from port_bulk_green_share_by_flow order by year, flow"
    ).fetchall()
    # 2023 from_port: truck_nev 200 green of 300 + 200 + 100 = 600; to_port: 1200 rail + 500 belt, all green.
    # Together 200 + 1700 = 1900 of 600 + 1700 = 2300, the indicator's figures.
    assert rows == [
        (2023, "from_port", 200.0, 600.0, pytest.approx(1 / 3)),
        (2023, "to_port", 1700.0, 1700.0, 1.0),
        (2024, "from_port", 550.0, 1000.0, 0.55),
    ]


def test_mode_mix(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select mode, green, tonnes, share from port_bulk_mode_mix where year = 2023 order by mode"
    ).fetchall()
    # of 2300 t: belt 500, pipeline 100, rail 1200, truck_diesel 300, truck_nev 200; grain's diesel trucks left out
    assert rows == [
        ("belt_conveyor", True, 500.0, pytest.approx(5 / 23)),
        ("pipeline", False, 100.0, pytest.approx(1 / 23)),
        ("rail", True, 1200.0, pytest.approx(12 / 23)),
        ("truck_diesel", False, 300.0, pytest.approx(3 / 23)),
        ("truck_nev", True, 200.0, pytest.approx(2 / 23)),
    ]


def test_green_share_by_terminal(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select terminal, green_tonnes, tonnes from port_bulk_green_share_by_terminal "
        "where year = 2023 order by terminal"
    ).fetchall()
    # 前湾: coal 1200 rail + 300 diesel; 董家口: iron ore 500 + 200 green, 100 pipeline
    assert sorted(rows) == [("前湾", 1200.0, 1500.0), ("董家口", 700.0, 800.0)]


def test_monthly(con: duckdb.DuckDBPyConnection) -> None:
    june = con.execute(
        "select green_tonnes, tonnes from port_bulk_green_share_monthly where month = date '2023-06-01'"
    ).fetchone()
    # 100 rail + 500 belt + 200 NEV trucks green, of those + 300 diesel + 100 pipeline
    assert june == (800.0, 1200.0)


def test_pipeline_counts_when_the_setting_adds_it(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(
        'green_freight_modes = ["rail", "waterway", "belt_conveyor", "truck_nev", "pipeline"]\n',
        encoding="utf-8",
    )
    db = tmp_path / "qd.duckdb"
    assert main(["build", "--data", str(DATA), "--db", str(db), "--settings", str(settings)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        value = con.execute(
            "select numerator, value from port_bulk_green_share where year = 2023"
        ).fetchone()
        ore = con.execute(
            "select share from port_bulk_green_share_by_cargo where year = 2023 and cargo = 'iron_ore'"
        ).fetchone()
    # 1900 + the 100 t pipeline = 2000 of 2300; iron ore 800 of 800
    assert value == (2000.0, pytest.approx(20 / 23))
    assert ore == (1.0,)


def test_bulk_cargoes_setting(tmp_path: Path) -> None:
    coal_only = replace(Settings(), bulk_cargoes=("coal",))
    with build_read_only(DATA, tmp_path / "coal.duckdb", coal_only) as con:
        rows = con.execute(
            "select year, numerator, denominator from port_bulk_green_share order by year"
        ).fetchall()
    # coal only: 2023 1200 of 1500; 2024 unchanged
    assert rows == [(2023, 1200.0, 1500.0), (2024, 550.0, 1000.0)]
    with_grain = replace(Settings(), bulk_cargoes=(*Settings().bulk_cargoes, "grain"))
    with build_read_only(DATA, tmp_path / "grain.duckdb", with_grain) as con:
        rows = con.execute(
            "select year, numerator, denominator, complete from port_bulk_green_share order by year"
        ).fetchall()
    # grain counted: 2022 gets a row (400 t by rail, one month); 2023 adds 1000 t diesel trucks
    assert rows == [
        (2022, 400.0, 400.0, False),
        (2023, 1900.0, 3300.0, True),
        (2024, 550.0, 1000.0, False),
    ]
