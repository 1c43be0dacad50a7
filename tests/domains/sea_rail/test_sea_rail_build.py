"""The sea-rail domain through the command line: settings, rejects, scorecard."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from qdtransport.cli import main
from tests.domains.sea_rail.conftest import DATA


def test_teu_factor_45ft_through_build_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("teu_factor_45ft = 2\n", encoding="utf-8")
    db = tmp_path / "qingdao.duckdb"
    assert main(["build", "--data", str(DATA / "months"), "--db", str(db), "--settings", str(settings)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        # 2024 (see test_sea_rail_views): 10 × 1000 reported + November 6.0 (M2's L5G1 now 2.0
        # instead of 2.25) + December 5.0 = 10011.0; 2025: January D4 (L5G1) 2.0 + February 500
        assert con.execute("select year, value, complete from sea_rail_teu").fetchall() == [
            (2023, 8400.0, True),
            (2024, 10011.0, True),
            (2025, 502.0, False),
        ]
        assert con.execute("select teu_factor_45ft from settings").fetchall() == [(2.0,)]
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--format", "json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["indicator_id"] == "sea_rail_teu"]
    # 8400 and 10011 TEU are far below the 2.2 million target; 2025 is not complete
    assert [(r["year"], r["value"], r["met"], r["complete"]) for r in rows] == [
        (2023, 8400.0, False, True),
        (2024, 10011.0, False, True),
        (2025, 502.0, False, False),
    ]


def test_bad_check_digit_and_unassigned_length_code_are_rejected_not_counted(sea_rail_db) -> None:
    con = sea_rail_db(DATA / "months")
    assert con.execute("select source_file, source_row, reason_code from rejects order by source_row").fetchall() == [
        ("sea_rail_moves/2024-11.csv", 7, "bad_container_no"),  # M6 CSQU3054384 (should end in 3)
        ("sea_rail_moves/2024-11.csv", 8, "bad_iso_type"),  # M7 92G1: length code 9 unassigned
    ]
    # the November file: 7 rows read = 5 loaded + 2 rejected; the December file: 7 read = 6
    # loaded + 1 (M5) collapsed into the November file's identical row
    assert con.execute(
        "select source_file, rows_read, rows_loaded, rows_rejected, duplicates_collapsed "
        "from load_manifest where table_name = 'sea_rail_moves' order by source_file"
    ).fetchall() == [
        ("sea_rail_moves/2024-11.csv", 7, 5, 2, 0),
        ("sea_rail_moves/2024-12.csv", 7, 6, 0, 1),
    ]


def test_every_assigned_length_code_counts_its_length(sea_rail_db) -> None:
    con = sea_rail_db(DATA / "lengths")
    # 12G1 10 ft 0.5 + 32G1 30 ft 1.5 + M5G1 48 ft 2.4 + P5G1 53 ft 2.65 + C2G1 24 ft 6 in 1.225
    # = 8.275 TEU from 5 boxes; 52G1 (length code 5, unassigned) is rejected
    assert con.execute("select boxes, teu from sea_rail_teu_monthly").fetchall() == [(5, pytest.approx(8.275))]
    assert con.execute("select reason_code from rejects").fetchall() == [("bad_iso_type",)]
    assert con.execute("select length_label, teu from sea_rail_teu_by_box_length order by length_ft").fetchall() == [
        ("10 ft", 0.5),
        ("24 ft 6 in", 1.225),
        ("30 ft", 1.5),
        ("48 ft", 2.4),
        ("53 ft", 2.65),
    ]


def test_report_section_without_sea_rail_data(sea_rail_db) -> None:
    from qdtransport.domains.sea_rail.report import section
    from qdtransport.report.sections import report_options

    # a data directory without any input table
    con = sea_rail_db(DATA / "empty")
    items = section(con, **report_options(con, year=2025, lang="en"))
    assert items == [
        "<h2>4. Container sea-rail intermodal transport</h2>",
        '<p class="qd-note">No sea-rail data in this database (sea_rail_moves and sea_rail_monthly are empty).</p>',
    ]


def test_report_section_with_data(sea_rail_db) -> None:
    from qdtransport.domains.sea_rail.report import section
    from qdtransport.report.sections import report_options

    con = sea_rail_db(DATA / "months")
    items = section(con, **report_options(con, year=2024, lang="zh"))
    charts = [i for i in items if not isinstance(i, str)]
    # TEU by year, by month (2022-2024) and by inland port (November and December 2024 from moves)
    assert len(charts) == 3
    html = re.sub(r"<td[^>]*>", "<td>", "".join(i for i in items if isinstance(i, str)))
    # the reconciliation of November 2024: 6.25 counted, 6 reported, +0.25 (4.2 %)
    assert "<td>2024-11</td><td>4</td><td>6.25</td><td>6.00</td><td>0.25</td><td>4.2%</td>" in html
    # three moves exported twice, one with copies that disagree
    assert "重复导出的作业 3 箱次只计一次，其中 1 箱次的副本内容不一致" in html


def test_target_status_of_complete_and_incomplete_years(sea_rail_db) -> None:
    con = sea_rail_db(DATA / "months")
    # 2024 (complete, 10,011.25 TEU < 2.2 million): not met; 2025 has 2 of 12 months: provisional
    assert con.execute(
        "select year, status from target_status where indicator_id = 'sea_rail_teu' and year >= 2024 order by year"
    ).fetchall() == [(2024, "not_met"), (2025, "provisional")]
