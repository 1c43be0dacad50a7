"""The travel views in a real build of the hand-made survey: scorecard, settings, interface."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from qdtransport.warehouse import build


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qdtransport.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("travel") / "qd.duckdb"
    build(Path(__file__).parents[2] / "data" / "travel" / "tiny", db)
    return db


def test_scorecard_exactly_seventy_percent_is_not_met(tiny_db: Path) -> None:
    with duckdb.connect(str(tiny_db), read_only=True) as con:
        rows = con.execute(
            "select year, value, met from scorecard where indicator_id = 'green_travel_share' order by year"
        ).fetchall()
    # 2019: 10/40 = 0.25; 2022: 150/200 = 0.75 (> 0.70, met); 2024: 700/1000 = 0.70, not more than 70%
    assert rows == [(2019, 0.25, False), (2022, 0.75, True), (2024, 0.7, False)]


def test_views_other_tools_read(tiny_db: Path) -> None:
    with duckdb.connect(str(tiny_db), read_only=True) as con:
        columns = {
            view: [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where table_name = ? order by column_index", [view]
                ).fetchall()
            ]
            for view in ("green_travel_share", "travel_mode_share")
        }
    assert columns["green_travel_share"][:5] == [
        "year",
        "value",
        "numerator",
        "denominator",
        "complete",
    ]
    assert {"ci_low", "ci_high", "trips", "persons", "se", "design_effect", "interval_note"} <= set(
        columns["green_travel_share"]
    )
    assert columns["travel_mode_share"][:5] == [
        "year",
        "main_mode",
        "weighted_trips",
        "share",
        "green",
    ]


def test_build_settings_can_count_e_bikes_as_not_green(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('green_travel_modes = ["walk", "bicycle", "bus", "metro"]\n', encoding="utf-8")
    db = tmp_path / "qd.duckdb"
    data = Path(__file__).parents[2] / "data" / "travel" / "tiny"
    result = run_cli("build", "--data", str(data), "--db", str(db), "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select year, value from green_travel_share where year in (2022, 2024) order by year"
        ).fetchall()
        e_bike = con.execute("select distinct green from travel_mode_share where main_mode = 'e_bike'").fetchall()
    # 2024 without the e-bike trip (200): walk 100 + bus 200 + metro 200 = 500 of 1000;
    # 2022 has no e-bike: still 150/200
    assert rows == [(2022, 0.75), (2024, 0.5)]
    assert e_bike == [(False,)]
