"""The command line, end to end on data_samples/ and on the hand-made fixtures."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from qdtransport.cli import main
from qdtransport.domains import TABLES

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "data_samples"
FIXTURES = Path(__file__).parent / "data" / "warehouse"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point in a child process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "qdtransport.cli", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("samples") / "qingdao.duckdb"
    result = run_cli("build", "--data", str(SAMPLES), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def test_build_on_data_samples_reconciles_every_file(sample_db: Path) -> None:
    with duckdb.connect(str(sample_db), read_only=True) as con:
        unbalanced = con.execute(
            "select source_file from load_manifest "
            "where rows_read != rows_loaded + rows_rejected + duplicates_collapsed"
        ).fetchall()
        files = con.execute("select count(*) from load_manifest").fetchone()[0]
        synthetic = con.execute("select synthetic from build_info").fetchone()[0]
        # every row read is accounted for in the loaded tables, rejects or collapsed duplicates
        read, loaded, collapsed = con.execute(
            "select sum(rows_read), sum(rows_loaded), sum(duplicates_collapsed) from load_manifest"
        ).fetchone()
        rejected = con.execute("select count(*) from rejects").fetchone()[0]
        in_tables = sum(con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES)
    assert unbalanced == []
    assert files >= 5  # the register folder's files, service areas, stations
    assert synthetic is True
    assert read == loaded + rejected + collapsed
    assert loaded == in_tables
    assert rejected > 0 and collapsed > 0  # the samples carry deliberate defects


def test_scorecard_json_has_the_public_columns(sample_db: Path) -> None:
    result = run_cli("scorecard", "--db", str(sample_db), "--year", "2025", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    indicators = {"bus_nev_share_new", "taxi_nev_share_new", "service_area_charger_coverage"}
    assert {r["indicator_id"] for r in rows} >= indicators
    assert all(r["year"] == 2025 for r in rows)
    assert list(rows[0]) == [
        "indicator_id", "year", "value", "numerator", "denominator", "target_value", "comparator", "unit", "met",
        "complete",
    ]


def test_scorecard_formats_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "qd.duckdb"
    assert main(["build", "--data", str(FIXTURES), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--format", "csv", "--year", "2025"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    taxi = next(r for r in rows if r["indicator_id"] == "taxi_nev_share_new")
    # numerator and denominator are doubles in the public interface (tonnes, weighted trips)
    assert (taxi["numerator"], taxi["denominator"], taxi["met"]) == ("3.0", "5.0", "False")
    assert main(["scorecard", "--db", str(db), "--year", "2025", "--lang", "en"]) == 0
    table = capsys.readouterr().out
    taxi_line = next(line for line in table.splitlines() if line.startswith("taxi_nev_share_new"))
    # 3 of 5 taxis -> 60.0%, against a target of >= 80.0%; the register ends in July 2025, so
    # the year is provisional and the reason names the months missing
    assert taxi_line.split()[:6] == [
        "taxi_nev_share_new", "2025", "60.0%", "≥", "80.0%", "provisional",
    ]  # fmt: skip
    assert "(months without data: 8–12)" in taxi_line
    # every plan target has a line, with or without input
    assert len(table.splitlines()) == 1 + 6


def test_build_failure_exits_nonzero_with_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "fleet_register.csv").write_text("plate,use_type\n鲁B12345,公交客运\n", encoding="utf-8")
    db = tmp_path / "qd.duckdb"
    result = run_cli("build", "--data", str(data), "--db", str(db))
    assert result.returncode == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1
    assert "fleet_register.csv" in error_lines[0] and "vin" in error_lines[0]
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_scorecard_on_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("scorecard", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "run 'qdtransport build' first" in result.stderr


@pytest.mark.parametrize("command", ["build", "scorecard", "report", "coverage"])
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "usage: qdtransport " + command in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["scorecard", "--format", "json"], ["scorecard", "--format", "table"]])
def test_help_and_scorecard_import_neither_polars_nor_the_report_stack(sample_db: Path, args: list[str]) -> None:
    # the command line answers at once: DuckDB is the only heavy library these commands load
    argv = [*args, "--db", str(sample_db)] if args[0] == "scorecard" else args
    code = (
        "import contextlib, io, sys\n"
        "from qdtransport.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})\n"
        "heavy = ('polars', 'pyarrow', 'numpy', 'altair', 'jsonschema', 'osmnx', 'geopandas', 'pandas')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
