"""Exports kept under their own names: identified by their headers, or mapped in dataset.toml.

The register rows are those of ``tests/data/status/fleet_register.csv`` (6 vehicles) written
under other names and headers by the tests themselves.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from qdtransport.identify import assign_inputs, identify, read_file_tables
from qdtransport.warehouse import build

STATUS = Path(__file__).parent / "data" / "status"
CHINESE_HEADERS = ["车辆识别代号", "号牌号码", "使用性质", "燃料种类", "注册登记日期", "注销日期",
                   "是否建成区", "所属区市", "经营企业"]  # fmt: skip


def register_rows() -> list[list[str]]:
    """Return the six vehicles of the status fixture, without the header."""
    with open(STATUS / "fleet_register.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8",
              title: str | None = None) -> Path:  # fmt: skip
    """Write a CSV file, with a title row above the header when ``title`` is given."""
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        if title:
            writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_gbk_export_under_its_own_name_is_read_as_its_table(tmp_path: Path) -> None:
    """Chinese headers under a title row, GB18030: every required fleet column -> fleet_register."""
    write_csv(tmp_path / "营运车辆登记信息.csv", CHINESE_HEADERS, register_rows(),
              encoding="gb18030", title="青岛市营运车辆登记信息（导出）")  # fmt: skip
    lines: list[str] = []
    db = tmp_path / "qd.duckdb"
    build(tmp_path, db, progress=lines.append)
    assert "  note: 营运车辆登记信息.csv: its headers are those of table fleet_register; " \
           "read as fleet_register" in lines  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from fleet_register").fetchone() == (6,)
        assert con.execute("select source_file from load_manifest").fetchall() == [("营运车辆登记信息.csv",)]


def test_a_file_lacking_required_columns_names_its_closest_table(tmp_path: Path) -> None:
    """Four fleet headers, use_type and urban_built_up missing: not read, and the note says how."""
    rows = [r[:2] + r[3:5] for r in register_rows()]
    write_csv(tmp_path / "车辆清单.csv", ["车辆识别代号", "号牌号码", "燃料种类", "注册登记日期"], rows)
    found = identify(tmp_path / "车辆清单.csv")
    assert (found.table, found.closest, found.fitting) == (None, "fleet_register", ())
    assert found.matched == ("vin", "plate", "powertrain", "registration_date")
    assert found.missing == ("use_type", "urban_built_up")
    assigned, notes = assign_inputs(tmp_path, {}, lang="en")
    assert assigned == {tmp_path / "车辆清单.csv": None}
    assert notes == [
        "车辆清单.csv: not read. Its headers come closest to table fleet_register (4 columns "
        "match) but lack the required use_type (使用性质/营运类别), urban_built_up (是否建成区/建成区). "
        "Add those columns (the English name or a Chinese alias) and the file is recognised; or "
        'add to dataset.toml [files] "车辆清单.csv" = "fleet_register" and the build says what '
        "each column lacks"
    ]
    _, notes_zh = assign_inputs(tmp_path, {}, lang="zh")
    assert notes_zh[0].startswith("车辆清单.csv：未读取。表头最接近 fleet_register 表（对上 4 列）")


def test_files_mapped_in_dataset_toml(tmp_path: Path) -> None:
    """[files] maps a file to a table whatever its headers; a wrong table or name is an error."""
    shutil.copy(STATUS / "fleet_register.csv", tmp_path / "export-2025.csv")
    (tmp_path / "dataset.toml").write_text('[files]\n"export-2025.csv" = "fleet_register"\n', encoding="utf-8")
    lines: list[str] = []
    build(tmp_path, tmp_path / "qd.duckdb", progress=lines.append)
    assert "  note: export-2025.csv: read as table fleet_register (dataset.toml [files])" in lines
    with pytest.raises(ValueError, match=r"dataset.toml: \[files\] maps 'a.csv' to 'fleets'"):
        read_file_tables({"files": {"a.csv": "fleets"}}, tmp_path / "dataset.toml")
    with pytest.raises(ValueError, match="names 'missing.csv', which is not in"):
        assign_inputs(tmp_path, {"missing.csv": "fleet_register"})


def test_a_table_with_a_file_of_its_own_name_is_not_read_twice(tmp_path: Path) -> None:
    """A copy under another name beside fleet_register.csv is left out, with the way to read both."""
    shutil.copy(STATUS / "fleet_register.csv", tmp_path / "fleet_register.csv")
    shutil.copy(STATUS / "fleet_register.csv", tmp_path / "备份.csv")
    assigned, notes = assign_inputs(tmp_path, {}, lang="en")
    assert assigned == {tmp_path / "备份.csv": None}
    assert "put them in a folder fleet_register/" in notes[0]


def test_workbooks_and_unrelated_files(tmp_path: Path) -> None:
    """A workbook is identified by the sheet holding a header; other tables and files likewise."""
    samples = Path(__file__).parents[1] / "data_samples"
    shutil.copy(samples / "service_areas.xlsx", tmp_path / "服务区名录.xlsx")
    shutil.copy(samples / "charging_stations.csv", tmp_path / "充电站.csv")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not data", encoding="utf-8")  # ignorable
    assigned, notes = assign_inputs(tmp_path, {}, lang="en")
    assert assigned == {
        tmp_path / "notes.csv": None,
        tmp_path / "充电站.csv": "charging_stations",
        tmp_path / "服务区名录.xlsx": "service_areas",
    }
    assert notes[0] == ("notes.csv: its headers match no input table; not read (see Input data in the README)")
