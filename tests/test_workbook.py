"""The scorecard workbook, opened with openpyxl: sheets, number formats, 达标/未达标.

Built from ``tests/data/status``: buses 2023 0/1, 2024 2/2, 2025 1/1 (register to 2025-09-30);
taxis 2024 1/2; nothing for sea-rail, port or travel.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from qdtransport.cli import main
from qdtransport.warehouse import build
from qdtransport.workbook import PERCENT, THOUSANDS, sheet_title, write_scorecard_workbook

DATA = Path(__file__).parent / "data" / "status"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build tests/data/status."""
    path = tmp_path_factory.mktemp("workbook") / "qd.duckdb"
    build(DATA, path)
    return path


@pytest.fixture(scope="module")
def workbook(db: Path) -> openpyxl.Workbook:
    """Write the workbook of the whole build (into a folder that does not exist yet)."""
    out = db.parent / "out" / "scorecard.xlsx"  # the folder does not exist yet
    assert write_scorecard_workbook(db, out) == out
    return openpyxl.load_workbook(out)


def _scorecard_rows(sheet) -> dict[tuple[str, int], dict[str, object]]:
    header = [c.value for c in sheet[1]]
    rows = {}
    for cells in sheet.iter_rows(min_row=2):
        row = {h: c for h, c in zip(header, cells, strict=True)}
        rows[row["指标代码 Indicator id"].value, row["年份 Year"].value] = row
    return rows


def test_sheets(workbook: openpyxl.Workbook) -> None:
    """Scorecard, about, one sheet per breakdown view, data quality."""
    names = workbook.sheetnames
    assert names[:2] == ["记分卡 Scorecard", "说明 About"]
    assert names[-1] == "数据质量 Data quality"
    # one sheet per breakdown view of a domain; the indicator views themselves are not repeated
    assert {"fleet_nev_share_new", "fleet_stock_nev_share", "sa_charger_coverage_by_kind"} <= set(
        names
    )
    assert "bus_nev_share_new" not in names


def test_scorecard_sheet(workbook: openpyxl.Workbook) -> None:
    """Names in both languages, number formats, 达标/未达标 and the status reasons."""
    sheet = workbook["记分卡 Scorecard"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["指标", "Indicator"]
    rows = _scorecard_rows(sheet)
    assert len(rows) == 6 * 3  # six targets, 2023-2025
    bus_2024 = rows["bus_nev_share_new", 2024]
    assert bus_2024["指标"].value == "城市建成区新增、更新公交车新能源占比"
    assert bus_2024["Indicator"].value.startswith("New-energy share of new and renewed buses")
    # 2/2 = 1.0 stored as a fraction, shown as a percentage
    assert bus_2024["数值 Value"].value == 1.0
    assert bus_2024["数值 Value"].number_format == PERCENT == "0.0%"
    assert bus_2024["目标 Target"].number_format == PERCENT
    assert (bus_2024["分子 Numerator"].value, bus_2024["分母 Denominator"].value) == (2, 2)
    assert bus_2024["达标 Met"].value == "达标"
    assert bus_2024["状态"].value == "达标" and bus_2024["Status"].value == "met"
    assert rows["bus_nev_share_new", 2023]["达标 Met"].value == "未达标"  # 0/1
    assert rows["taxi_nev_share_new", 2024]["达标 Met"].value == "未达标"  # 1/2 < 80%
    provisional = rows["bus_nev_share_new", 2025]
    assert provisional["Status"].value == "provisional (year not complete)"
    assert provisional["年度数据 Year data"].value == "年度未完"
    assert "10–12" in provisional["原因"].value and "10–12" in provisional["Reason"].value
    # TEU with thousands separators; no value, no 达标
    sea_rail = rows["sea_rail_teu", 2024]
    assert sea_rail["目标 Target"].value == 2_200_000
    assert sea_rail["目标 Target"].number_format == THOUSANDS == "#,##0"
    assert sea_rail["数值 Value"].value is None and sea_rail["达标 Met"].value is None
    assert sea_rail["状态"].value == "无输入"


def test_breakdown_and_quality_sheets(workbook: openpyxl.Workbook) -> None:
    """A breakdown view as the database gives it; counts per file."""
    sheet = workbook["fleet_nev_share_new"]
    header = [c.value for c in sheet[2]]
    assert header == ["use_type", "year", "nev_vehicles", "vehicles", "nev_share", "complete"]
    assert sheet.cell(row=2, column=5).comment is not None  # the column comment as a note
    first = [c for c in sheet[3]]
    # bus 2023: 0 of 1; nev_share is a fraction, shown as a percentage
    assert [c.value for c in first] == ["bus", 2023, 0, 1, 0.0, True]
    assert first[4].number_format == PERCENT and first[3].number_format == THOUSANDS
    quality = workbook["数据质量 Data quality"]
    values = [[c.value for c in row] for row in quality.iter_rows()]
    assert ["fleet_register", "fleet_register.csv", 6, 6, 0, 0, 0] in values
    assert any(
        v[0]
        == "所有输入行均已载入，没有拒收行。 / Every input row was loaded; no rows were rejected."
        for v in values
    )


def test_year_filter(db: Path, tmp_path: Path) -> None:
    """--year keeps one year in the scorecard sheet."""
    out = write_scorecard_workbook(db, tmp_path / "2024.xlsx", year=2024)
    sheet = openpyxl.load_workbook(out)["记分卡 Scorecard"]
    assert {key[1] for key in _scorecard_rows(sheet)} == {2024}
    assert len(_scorecard_rows(sheet)) == 6


def test_cli_xlsx_needs_output_and_csv_keeps_raw_values(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line: xlsx needs --output; CSV keeps fractions."""
    assert main(["scorecard", "--db", str(db), "--format", "xlsx", "--lang", "en"]) == 1
    assert "error: --format xlsx needs --output FILE" in capsys.readouterr().err
    out = tmp_path / "s.xlsx"
    assert main(["scorecard", "--db", str(db), "--format", "xlsx", "--output", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "记分卡 Scorecard"
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--format", "csv", "--year", "2024"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "bus_nev_share_new,2024,1.0,2.0,2.0,1.0,>=,share,True,True" in lines


def test_sheet_titles_are_valid_and_unique() -> None:
    """Sheet names are cut to 31 characters and made unique."""
    used: set[str] = set()
    assert sheet_title("a/b:c", used) == "a_b_c"
    long_name = "port_bulk_green_share_by_cargo_and_terminal"
    first = sheet_title(long_name, used)
    second = sheet_title(long_name, used)
    assert len(first) == len(second) == 31 and first != second
