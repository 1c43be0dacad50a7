"""The command line as the contract gives it: build, scorecard (table, json, csv, xlsx), report.

The data is ``tests/data/warehouse`` (a small synthetic register of vehicles, sites and stations).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from qdtransport.cli import main
from tests.contract.helpers import rows

SCORECARD_COLUMNS = ["indicator_id", "year", "value", "numerator", "denominator", "target_value", "comparator",
                     "unit", "met", "complete"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    shutil.copytree(Path(__file__).parents[1] / "data" / "warehouse", root / "data")
    db = root / "build" / "qingdao.duckdb"
    assert main(["build", "--data", str(root / "data"), "--db", str(db), "--lang", "en"]) == 0
    return db


def _scorecard(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--lang", "en", *args]) == 0
    return capsys.readouterr().out


def test_build_writes_the_database(built: Path) -> None:
    assert built.is_file()
    assert rows(built, "select count(*) as n from scorecard")[0]["n"] > 0


def test_scorecard_json_is_a_list_of_scorecard_rows(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_scorecard(built, capsys, "--format", "json"))
    expected = rows(built, f"select {', '.join(SCORECARD_COLUMNS)} from scorecard order by indicator_id, year")
    assert isinstance(data, list)
    assert data
    assert all(list(row) == SCORECARD_COLUMNS for row in data)
    assert [(r["indicator_id"], r["year"]) for r in data] == [(r["indicator_id"], r["year"]) for r in expected]
    for got, want in zip(data, expected, strict=True):
        assert isinstance(got["met"], bool) and isinstance(got["complete"], bool)
        assert got["value"] == pytest.approx(want["value"])
        assert isinstance(got["year"], int)


def test_scorecard_year_selects_rows(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = rows(built, "select max(year) as y from scorecard")[0]["y"]
    data = json.loads(_scorecard(built, capsys, "--format", "json", "--year", str(year)))
    assert data
    assert {r["year"] for r in data} == {year}


def test_scorecard_csv(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _scorecard(built, capsys, "--format", "csv")
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == SCORECARD_COLUMNS
    assert len(list(reader)) == rows(built, "select count(*) as n from scorecard")[0]["n"]


def test_scorecard_table_names_every_indicator_with_a_value(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _scorecard(built, capsys, "--format", "table")
    for (indicator,) in {(r["indicator_id"],) for r in rows(built, "select indicator_id from scorecard")}:
        assert indicator in out


def test_scorecard_output_file(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "card.json"
    _scorecard(built, capsys, "--format", "json", "--output", str(out))
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


def test_scorecard_xlsx(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scorecard.xlsx"
    _scorecard(built, capsys, "--format", "xlsx", "--output", str(out))
    book = openpyxl.load_workbook(out)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    # for people: Chinese and English indicator names
    assert any("新能源" in c for c in cells)
    assert any("new-energy" in c.lower() for c in cells)


def test_scorecard_without_database_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scorecard", "--db", str(tmp_path / "none.duckdb"), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("error")]


def test_report_writes_notebook_and_html(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = rows(built, "select max(year) as y from scorecard")[0]["y"]
    out = tmp_path / "report"
    assert main(["report", "--db", str(built), "--year", str(year), "--out", str(out), "--lang", "en"]) == 0
    notebooks = list(out.glob("*.ipynb"))
    pages = list(out.glob("*.html"))
    assert len(notebooks) == 1 and len(pages) == 1
    notebook = json.loads(notebooks[0].read_text(encoding="utf-8"))
    assert any(cell.get("outputs") for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "<script src=" not in pages[0].read_text(encoding="utf-8")
