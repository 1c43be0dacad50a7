"""The synthetic vehicle register (qdtransport.domains.fleet.samples): sizes, VINs, defects, shares.

The files are generated once per session into a temporary folder (fixture ``samples``). Every check
reads the written files with its own small parsers (csv, openpyxl, pyosmium) and its own geometry,
so a fault in the generator's bookkeeping cannot hide a fault in the files.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import random
import re
from pathlib import Path

import openpyxl
import pytest

from qdtransport.checkdigits import vin_is_valid
from qdtransport.domains.fleet.samples.files import add_defects, list_defects, split_into_files
from qdtransport.domains.fleet.samples.generator import generate_fleet
from qdtransport.samples import DEFAULT_SEED

FLEET = (
    "fleet_register/2015-2019.csv",
    "fleet_register/2020-2022.xlsx",
    "fleet_register/2023-2026.csv",
)

# Header spellings the sample files use, per canonical column (the contract's aliases).
ALIASES = {
    "vin": ("车辆识别代号", "VIN"),
    "plate": ("号牌号码", "车牌号"),
    "use_type": ("使用性质",),
    "powertrain": ("燃料种类", "动力类型"),
    "registration_date": ("注册登记日期", "初次登记日期"),
    "deregistration_date": ("注销日期",),
    "urban_built_up": ("是否建成区",),
}
USE_LABELS = {"公交客运", "巡游出租客运", "出租客运", "预约出租客运", "其他"}
POWERTRAIN_LABELS = {"纯电动", "插电式混合动力", "增程式", "燃料电池", "油电混合", "汽油", "柴油", "压缩天然气",
                     "液化天然气", "液化石油气", "甲醇", "其他"}
NEV_LABELS = {"纯电动", "插电式混合动力", "增程式", "燃料电池"}
VIN_ALPHABET = set("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
NEV_PLATE = re.compile(r"^鲁B([DF][0-9A-HJ-NP-Z]{5}|[0-9]{5}[DF])$")


def parse_date(value: object) -> dt.date | None:
    """Cell -> date, for the forms the sample files use; None for empty; raises on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    year, month, day = re.split(r"[-/]", text)
    return dt.date(int(year), int(month), int(day))


def read_fleet_file(path: Path) -> list[tuple[int, dict[str, object]]]:
    """(line or sheet row, {canonical column: raw cell}) for every data row of one export."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        header_index, first_line = 1, 3  # row 1 is the title, row 2 the header
    else:
        data = path.read_bytes()
        text = (
            data.decode("utf-8-sig") if data.startswith(codecs.BOM_UTF8) else data.decode("gb18030")
        )
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header_index, first_line = 0, 2
    header = [str(h) for h in rows[header_index]]
    columns = {
        name: next(header.index(a) for a in aliases if a in header)
        for name, aliases in ALIASES.items()
    }
    return [
        (first_line + i, {name: row[index] for name, index in columns.items()})
        for i, row in enumerate(rows[header_index + 1 :])
    ]


@pytest.fixture(scope="module")
def fleet(samples: Path) -> dict[str, list[tuple[int, dict[str, object]]]]:
    return {name.split("/")[1]: read_fleet_file(samples / name) for name in FLEET}



def test_register_size_and_years(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    rows = [cells for file_rows in fleet.values() for _, cells in file_rows]
    assert 10_000 <= len(rows) <= 15_000
    for file, file_rows in fleet.items():
        first, last = (int(y) for y in file.removesuffix(".csv").removesuffix(".xlsx").split("-"))
        years = set()
        for _, cells in file_rows:
            with contextlib.suppress(ValueError):  # the unparseable-date defect
                years.add(parse_date(cells["registration_date"]).year)
        if file == "2023-2026.csv":
            years.discard(2019)  # the re-exported 2019 row (a defect)
        assert years == set(range(first, last + 1))


def test_vins_valid_except_the_two_vin_defects(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    bad = [(file, line, cells["vin"]) for file, rows in fleet.items() for line, cells in rows
           if not vin_is_valid(str(cells["vin"]))]
    assert len(bad) == 2
    kinds = sorted("O" in str(vin) for _, _, vin in bad)
    assert kinds == [False, True]  # one wrong check digit, one letter O
    for _, _, vin in bad:
        assert len(str(vin)) == 17


def test_vins_carry_chinese_wmis_and_year_codes(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    year_codes = dict(zip(range(2014, 2027), "EFGHJKLMNPRST", strict=True))
    for rows in fleet.values():
        for _, cells in rows:
            vin = str(cells["vin"])
            assert vin[0] == "L"  # WMI region code for China
            day = cells["registration_date"]
            try:
                year = parse_date(day).year
            except ValueError:
                continue
            assert vin[9] in (
                year_codes[year],
                year_codes[year - 1],
            )  # model year is the year or the one before


def _defect_lines() -> dict[str, tuple[str, tuple[int, ...]]]:
    rng = random.Random(DEFAULT_SEED)
    files = split_into_files(generate_fleet(rng), rng)
    add_defects(files, rng)
    return {d.code: (d.file, d.lines) for d in list_defects(files)}


def test_defects_sit_where_the_readme_says(fleet: dict[str, list[tuple[int, dict[str, object]]]],
                                           samples: Path) -> None:
    defects = _defect_lines()
    # the twelve kinds the sample promises (each checked on the file below)
    assert sorted(defects) == sorted([
        "vin_check_digit", "vin_letter_o", "bad_date", "unknown_use_type", "unknown_powertrain",
        "deregistered_before_registered", "duplicate_in_file", "cross_file_duplicate",
        "conflicting_duplicate", "nev_plate_diesel", "ordinary_plate_bev", "empty_plate",
    ])
    by_line = {file: dict(rows) for file, rows in fleet.items()}

    def cells(code: str, index: int = 0) -> dict[str, object]:
        file, lines = defects[code]
        return by_line[file][lines[index]]

    vin = str(cells("vin_check_digit")["vin"])
    assert set(vin) <= VIN_ALPHABET and not vin_is_valid(vin)
    assert "O" in str(cells("vin_letter_o")["vin"])
    with pytest.raises(ValueError):
        parse_date(cells("bad_date")["registration_date"])
    assert cells("unknown_use_type")["use_type"] not in USE_LABELS
    assert cells("unknown_powertrain")["powertrain"] not in POWERTRAIN_LABELS
    row = cells("deregistered_before_registered")
    assert parse_date(row["deregistration_date"]) < parse_date(row["registration_date"])
    assert cells("empty_plate")["plate"] in (None, "")
    row = cells("nev_plate_diesel")
    assert NEV_PLATE.match(str(row["plate"])) and row["powertrain"] == "柴油"
    row = cells("ordinary_plate_bev")
    assert not NEV_PLATE.match(str(row["plate"])) and row["powertrain"] == "纯电动"
    first, second = cells("conflicting_duplicate", 0), cells("conflicting_duplicate", 1)
    assert [first[k] for k in ("vin", "use_type", "registration_date")] == [
        second[k] for k in ("vin", "use_type", "registration_date")
    ]
    assert first["powertrain"] != second["powertrain"]
    # the two exact duplicates: another row of the register has the same values
    for code in ("duplicate_in_file", "cross_file_duplicate"):
        row = cells(code)
        copies = [
            other for rows in fleet.values() for _, other in rows
            if other["vin"] == row["vin"] and other is not row
        ]
        assert len(copies) == 1
        assert parse_date(copies[0]["registration_date"]) == parse_date(row["registration_date"])
        assert (
            copies[0]["plate"] == row["plate"]
            and copies[0]["urban_built_up"] == row["urban_built_up"]
        )
    # the README lists the same twelve, numbered
    readme = (samples / "README.md").read_text("utf-8")
    assert "The 12 deliberate defects" in readme and "| 12 | `2023-2026.csv` |" in readme


def test_nothing_else_is_defective(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    rows = [(file, line, c) for file, file_rows in fleet.items() for line, c in file_rows]
    mismatched = [c for _, _, c in rows if c["plate"] and bool(NEV_PLATE.match(str(c["plate"])))
                  != (c["powertrain"] in NEV_LABELS)]
    assert len(mismatched) == 2  # the two plate warnings
    vins = [str(c["vin"]) for _, _, c in rows]
    repeated = {v for v in vins if vins.count(v) > 1}
    assert len(repeated) == 3  # two exact duplicates and the conflicting pair
    assert sum(c["use_type"] not in USE_LABELS for _, _, c in rows) == 1
    assert sum(c["powertrain"] not in POWERTRAIN_LABELS for _, _, c in rows) == 1
    assert sum(c["plate"] in (None, "") for _, _, c in rows) == 1


def test_the_2023_export_mixes_date_forms(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    texts = [str(c["registration_date"]) for _, c in fleet["2023-2026.csv"]]
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t) for t in texts)
    assert any(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", t) and ("/0" not in t) for t in texts)
    assert any(re.fullmatch(r"\d{8}", t) for t in texts)
    assert all(isinstance(c["registration_date"], dt.datetime) for _, c in fleet["2020-2022.xlsx"])


def test_2025_new_buses_miss_and_taxis_meet_their_targets(
    fleet: dict[str, list[tuple[int, dict[str, object]]]],
) -> None:
    # No defect touches a 2025 registration, so a plain count of the 2025 rows is the indicator.
    rows = [c for _, c in fleet["2023-2026.csv"] if parse_date(c["registration_date"]).year == 2025]
    built_up = [c for c in rows if c["urban_built_up"] == "是"]
    buses = [c for c in built_up if c["use_type"] == "公交客运"]
    taxis = [c for c in built_up if c["use_type"] == "巡游出租客运"]
    fossil_buses = sorted(str(c["powertrain"]) for c in buses if c["powertrain"] not in NEV_LABELS)
    assert fossil_buses == [
        "压缩天然气",
        "柴油",
        "柴油",
    ]  # two diesel reserves and one CNG bus: not 100 %
    taxi_share = sum(c["powertrain"] in NEV_LABELS for c in taxis) / len(taxis)
    assert 0.80 <= taxi_share <= 0.86


def test_no_nev_taxi_before_2021(fleet: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
    # May 2021: Qingdao had no battery-electric cruising taxi yet (qingdao_figures.md, 3b)
    for file in ("2015-2019.csv", "2020-2022.xlsx"):
        for _, c in fleet[file]:
            try:
                year = parse_date(c["registration_date"]).year
            except ValueError:
                continue
            if c["use_type"] in ("出租客运", "巡游出租客运") and year < 2021:
                assert c["powertrain"] not in NEV_LABELS

