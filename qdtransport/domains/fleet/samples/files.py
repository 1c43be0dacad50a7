"""The fleet register as real exports look: three files in three forms, with a dozen defects.

``fleet_register/`` holds one folder read as one table:

``2015-2019.csv``
    GB18030 text, CRLF line ends, ``YYYY-MM-DD`` dates, the older export's labels (出租客运).
``2020-2022.xlsx``
    A title row above the header, Excel date cells.
``2023-2026.csv``
    UTF-8 with BOM; dates as ``2024-05-06``, ``2024/5/6`` or ``20240506`` (row by row).

Each file has a 备注 (note) column, or the workbook a title row, saying the data are synthetic.
The defects (:class:`FleetDefect`) are put into chosen rows after the clean register is split;
their line numbers are worked out once the files are in their final order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Font

from qdtransport.domains.fleet.samples.generator import FleetRecord
from qdtransport.samples.notes import ROW_NOTE, SYNTHETIC_NOTE
from qdtransport.samples.workbooks import save_workbook_stable

FLEET_FILES: dict[str, tuple[int, int]] = {
    "2015-2019.csv": (2015, 2019),
    "2020-2022.xlsx": (2020, 2022),
    "2023-2026.csv": (2023, 2026),
}
"""File name -> first and last registration year it holds."""

COLUMNS = ("vin", "plate", "use_type", "powertrain", "registration_date", "deregistration_date",
           "urban_built_up", "district", "operator")

HEADERS: dict[str, tuple[str, ...]] = {
    "2015-2019.csv": ("车辆识别代号", "号牌号码", "使用性质", "燃料种类", "注册登记日期", "注销日期",
                      "是否建成区", "所属区市", "经营企业", "备注"),
    "2020-2022.xlsx": ("车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期", "注销日期",
                       "是否建成区", "所属区市", "所属企业"),
    "2023-2026.csv": ("VIN", "车牌号", "使用性质", "动力类型", "初次登记日期", "注销日期", "是否建成区",
                      "所属区市", "所属企业", "备注"),
}
"""Header row of each file: contract aliases in :data:`COLUMNS` order (+ 备注 in the CSV files)."""

USE_LABELS = {
    "bus": "公交客运",
    "cruising_taxi": "巡游出租客运",
    "ride_hailing": "预约出租客运",
    "other": "其他",
}
POWERTRAIN_LABELS = {"BEV": "纯电动", "PHEV": "插电式混合动力", "EREV": "增程式", "FCEV": "燃料电池",
                     "HEV": "油电混合", "PETROL": "汽油", "DIESEL": "柴油", "CNG": "压缩天然气",
                     "LNG": "液化天然气"}

DateStyle = Literal["iso", "slash", "compact"]
Outcome = Literal["load", "reject", "collapse", "warn"]


@dataclass
class FleetRow:
    """One row of one export file: a record, how its dates are written, and raw overrides.

    Attributes
    ----------
    record
        The canonical values.
    date_style
        ``iso`` 2024-05-06, ``slash`` 2024/5/6 or ``compact`` 20240506 (CSV files only).
    overrides
        Column -> raw cell text that replaces the formatted canonical value (defects).
    defect
        Defect code of :class:`FleetDefect` this row carries, if any.
    outcome
        What the build does with the row: ``load``, ``reject``, ``collapse`` (exact duplicate of an
        earlier row) or ``warn`` (loaded with a data-quality warning).
    """

    record: FleetRecord
    date_style: DateStyle = "iso"
    overrides: dict[str, str | None] = field(default_factory=dict)
    defect: str | None = None
    outcome: Outcome = "load"


@dataclass(frozen=True)
class FleetDefect:
    """One deliberate data-quality defect of the sample register.

    Attributes
    ----------
    code
        Short name, e.g. ``vin_check_digit``.
    file
        File name inside ``fleet_register/``.
    lines
        CSV line numbers (the header is line 1) or sheet row numbers (the title is row 1).
    what
        What is wrong, in words.
    build
        What the build should do: the reject reason code, ``collapse`` or ``warning``.
    """

    code: str
    file: str
    lines: tuple[int, ...]
    what: str
    build: str


def format_date(day: dt.date, style: DateStyle) -> str:
    """A date as an export writes it: ``2024-05-06``, ``2024/5/6`` or ``20240506``."""
    if style == "slash":
        return f"{day.year}/{day.month}/{day.day}"
    if style == "compact":
        return day.strftime("%Y%m%d")
    return day.isoformat()


def _labels(record: FleetRecord, file: str) -> dict[str, object]:
    """Canonical values as the file's cells (dates still as ``datetime.date``)."""
    use = USE_LABELS[record.use_type]
    if file == "2015-2019.csv" and record.use_type == "cruising_taxi":
        use = "出租客运"
    return {
        "vin": record.vin, "plate": record.plate, "use_type": use,
        "powertrain": POWERTRAIN_LABELS[record.powertrain],
        "registration_date": record.registration_date, "deregistration_date": record.deregistration_date,
        "urban_built_up": "是" if record.urban_built_up else "否", "district": record.district,
        "operator": record.operator,
    }


def row_cells(row: FleetRow, file: str) -> list[object]:
    """The row's cells in :data:`COLUMNS` order.

    Text, ``None`` for empty, dates as ``datetime.date`` in the workbook and as text (in the
    row's style) in the CSV files.
    """
    values = _labels(row.record, file)
    cells: list[object] = []
    for column in COLUMNS:
        value = row.overrides[column] if column in row.overrides else values[column]
        if isinstance(value, dt.date) and not file.endswith(".xlsx"):
            value = format_date(value, row.date_style)
        cells.append(value)
    return cells


def split_into_files(records: list[FleetRecord], rng: random.Random) -> dict[str, list[FleetRow]]:
    """The clean register split by registration year into the three files, dates styled."""
    files: dict[str, list[FleetRow]] = {}
    for file, (first, last) in FLEET_FILES.items():
        rows = []
        for record in records:
            if first <= record.registration_date.year <= last:
                style: DateStyle = "iso"
                if file == "2023-2026.csv":
                    style = rng.choices(("iso", "slash", "compact"), (60, 25, 15))[0]
                rows.append(FleetRow(record, style))
        files[file] = rows
    return files


def _pick(rows: list[FleetRow], rng: random.Random, *, use_type: str, year: int,
          built_up: bool | None = None, powertrain: tuple[str, ...] | None = None) -> FleetRow:
    """A random defect-free row matching the conditions."""
    candidates = [
        r for r in rows
        if r.defect is None and r.record.use_type == use_type and r.record.registration_date.year == year
        and (built_up is None or r.record.urban_built_up == built_up)
        and (powertrain is None or r.record.powertrain in powertrain)
    ]
    return rng.choice(candidates)


def _mark(row: FleetRow, code: str, outcome: Outcome, **overrides: str | None) -> FleetRow:
    row.defect, row.outcome = code, outcome
    row.overrides.update(overrides)
    return row


DEFECT_TEXT: dict[str, tuple[str, str]] = {
    "vin_check_digit": ("VIN check digit (position 9) is wrong", "reject: bad_vin"),
    "bad_date": ("注册登记日期 is 2018-02-30, not a date", "reject: bad_date"),
    "unknown_use_type": ("使用性质 is 旅游客运 (tourist coach), not in the contract's use types", "reject: bad_enum"),
    "cross_file_duplicate": ("a 2019 registration exported again in the later file",
                             "collapse: exact duplicate (counted once)"),
    "vin_letter_o": ("VIN has the letter O (typed for a zero); O is not a VIN character", "reject: bad_vin"),
    "unknown_powertrain": ("动力类型 is 汽油/天然气两用 (bi-fuel), not in the contract's powertrains",
                           "reject: bad_enum"),
    "deregistered_before_registered": ("注销日期 is before 注册登记日期", "reject: date_order"),
    "empty_plate": ("号牌号码 (required) is empty", "reject: missing_value"),
    "nev_plate_diesel": ("new-energy plate (ends in D) on a diesel bus", "warning: plate_powertrain_mismatch"),
    "duplicate_in_file": ("the same registration twice in one file", "collapse: exact duplicate (counted once)"),
    "conflicting_duplicate": ("same VIN, use and registration date recorded as 纯电动 and as 插电式混合动力",
                              "reject both rows: duplicate_conflict"),
    "ordinary_plate_bev": ("ordinary plate (鲁BT…) on a battery-electric taxi", "warning: plate_powertrain_mismatch"),
}
"""Defect code -> (what is wrong, what the build should do), in the order they are listed."""


def add_defects(files: dict[str, list[FleetRow]], rng: random.Random) -> None:
    """Put the defects of :data:`DEFECT_TEXT` into chosen rows, in place (copies are inserted).

    Rows are chosen in years and groups where they do not touch the designed 2025 shares.
    """
    early, middle, late = files["2015-2019.csv"], files["2020-2022.xlsx"], files["2023-2026.csv"]

    row = _mark(_pick(early, rng, use_type="cruising_taxi", year=2017), "vin_check_digit", "reject")
    right = row.record.vin[8]
    row.overrides["vin"] = row.record.vin[:8] + ("1" if right != "1" else "2") + row.record.vin[9:]
    _mark(
        _pick(early, rng, use_type="bus", year=2018),
        "bad_date",
        "reject",
        registration_date="2018-02-30",
    )
    _mark(
        _pick(early, rng, use_type="other", year=2016),
        "unknown_use_type",
        "reject",
        use_type="旅游客运",
    )
    original = _pick(early, rng, use_type="cruising_taxi", year=2019)
    original.defect = "cross_file_duplicate_original"
    late.insert(
        0,
        FleetRow(
            original.record, "iso", dict(original.overrides), "cross_file_duplicate", "collapse"
        ),
    )

    row = _pick(middle, rng, use_type="cruising_taxi", year=2021)
    while "0" not in row.record.vin[11:]:
        row = _pick(middle, rng, use_type="cruising_taxi", year=2021)
    zero = row.record.vin.rindex("0")
    _mark(
        row, "vin_letter_o", "reject", vin=row.record.vin[:zero] + "O" + row.record.vin[zero + 1 :]
    )
    _mark(_pick(middle, rng, use_type="cruising_taxi", year=2020, powertrain=("CNG",)), "unknown_powertrain",
          "reject", powertrain="汽油/天然气两用")
    row = _mark(
        _pick(middle, rng, use_type="bus", year=2020), "deregistered_before_registered", "reject"
    )
    row.record = replace(
        row.record, deregistration_date=row.record.registration_date - dt.timedelta(days=366)
    )
    _mark(
        _pick(middle, rng, use_type="cruising_taxi", year=2022), "empty_plate", "reject", plate=""
    )
    row = _mark(_pick(middle, rng, use_type="bus", year=2020, built_up=False, powertrain=("BEV",)),
                "nev_plate_diesel", "warn")
    row.record = replace(row.record, powertrain="DIESEL")

    original = _pick(late, rng, use_type="cruising_taxi", year=2024)
    original.defect = "duplicate_in_file_original"
    position = late.index(original) + rng.randint(5, 40)
    late.insert(position, FleetRow(original.record, original.date_style, dict(original.overrides),
                                   "duplicate_in_file", "collapse"))
    first = _pick(late, rng, use_type="ride_hailing", year=2023, powertrain=("BEV",))
    _mark(first, "conflicting_duplicate", "reject")
    conflict = FleetRow(
        replace(first.record, powertrain="PHEV"),
        first.date_style,
        {},
        "conflicting_duplicate",
        "reject",
    )
    late.insert(late.index(first) + 1, conflict)
    row = _mark(_pick(late, rng, use_type="cruising_taxi", year=2023, built_up=True, powertrain=("BEV",)),
                "ordinary_plate_bev", "warn")
    row.record = replace(row.record, plate=f"鲁BT{rng.randint(0, 9999):04d}")
    while sum(r.record.plate == row.record.plate for rows in files.values() for r in rows) > 1:
        row.record = replace(row.record, plate=f"鲁BT{rng.randint(0, 9999):04d}")


def first_data_line(file: str) -> int:
    """Line (CSV) or sheet row (workbook) of a file's first data row."""
    return 3 if file.endswith(".xlsx") else 2


def list_defects(files: dict[str, list[FleetRow]]) -> list[FleetDefect]:
    """The defects with the lines they sit on, in :data:`DEFECT_TEXT` order."""
    found: dict[str, list[tuple[str, int]]] = {}
    for file, rows in files.items():
        for i, row in enumerate(rows):
            if row.defect in DEFECT_TEXT:
                found.setdefault(row.defect, []).append((file, i + first_data_line(file)))
    originals: dict[str, tuple[str, int]] = {}
    for file, rows in files.items():
        for i, row in enumerate(rows):
            if row.defect and row.defect.endswith("_original"):
                originals[row.defect.removesuffix("_original")] = (file, i + first_data_line(file))
    defects = []
    for code, (what, build) in DEFECT_TEXT.items():
        places = found[code]
        if code in originals:
            what = f"{what}: copy of {originals[code][0]} line {originals[code][1]}"
        defects.append(
            FleetDefect(code, places[0][0], tuple(line for _, line in places), what, build)
        )
    return defects


def write_csv(path: Path, file: str, rows: list[FleetRow], *, encoding: str) -> Path:
    """Write one CSV export (CRLF line ends, a 备注 column saying the data are synthetic)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS[file])
    for row in rows:
        writer.writerow(["" if c is None else c for c in row_cells(row, file)] + [ROW_NOTE])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_workbook(path: Path, file: str, rows: list[FleetRow]) -> Path:
    """Write the Excel export: title row, header row, one row per registration, date cells."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "营运车辆"
    sheet.append(
        [f"青岛市营运车辆注册登记信息（2020—2022年登记，导出日期 2026-01-15）— {SYNTHETIC_NOTE}"]
    )
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(HEADERS[file]))
    for row in rows:
        sheet.append([None if c == "" else c for c in row_cells(row, file)])
    for cells in sheet.iter_rows(min_row=3):
        cells[4].number_format = cells[5].number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCDEFGHI", (20, 11, 13, 15, 12, 12, 10, 18, 32), strict=True):
        sheet.column_dimensions[letter].width = width
    return save_workbook_stable(workbook, path, author="qdtransport sample data")


def write_fleet_register(folder: Path, files: dict[str, list[FleetRow]]) -> dict[str, Path]:
    """Write the three export files into ``folder`` (created if needed).

    Returns
    -------
    dict
        ``fleet_register/<file name>`` -> path written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "2015-2019.csv": write_csv(folder / "2015-2019.csv", "2015-2019.csv", files["2015-2019.csv"],
                                   encoding="gb18030"),
        "2020-2022.xlsx": write_workbook(folder / "2020-2022.xlsx", "2020-2022.xlsx", files["2020-2022.xlsx"]),
        "2023-2026.csv": write_csv(folder / "2023-2026.csv", "2023-2026.csv", files["2023-2026.csv"],
                                   encoding="utf-8-sig"),
    }
    return {f"fleet_register/{name}": path for name, path in written.items()}
