"""The travel surveys as real exports look: one file per survey year, each in its own form.

``travel_survey_trips/`` is one folder read as one table:

``2019.csv``
    GBK text, CRLF line ends, Chinese headers and Chinese mode labels (步行, 公交, 地铁 …).
``2022.xlsx``
    A title row above Chinese headers (权重 for the weight); metro written 轨道交通.
``2024.csv``
    UTF-8, the contract's English headers and codes.

Each CSV file has a note column, the workbook a title row, saying the data are synthetic. The
defects (:class:`TravelDefect`) are put into chosen rows after the survey is drawn.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font

from qdtransport.domains.travel.samples.generator import Survey
from qdtransport.samples.workbooks import save_workbook_stable

SYNTHETIC_NOTE = "合成示例数据，非真实调查 (synthetic sample data)"
"""Label in the workbook's title row."""

COLUMNS = ("trip_id", "person_id", "survey_year", "weight", "main_mode", "district", "distance_km")

FILES: dict[int, str] = {2019: "2019.csv", 2022: "2022.xlsx", 2024: "2024.csv"}
"""Survey year -> file name inside ``travel_survey_trips/``."""

HEADERS: dict[str, tuple[str, ...]] = {
    "2019.csv": (
        "出行编号",
        "个人编号",
        "调查年份",
        "扩样系数",
        "主要方式",
        "区市",
        "出行距离",
        "备注",
    ),
    "2022.xlsx": ("出行编号", "个人编号", "调查年份", "权重", "主要方式", "区市", "出行距离"),
    "2024.csv": (*COLUMNS, "note"),
}
"""Header row of each file: contract names or aliases in :data:`COLUMNS` order (+ a note column)."""

ROW_NOTES = {"2019.csv": "合成数据", "2024.csv": "synthetic"}
"""The note column's text in every row of a CSV file."""

MODE_LABELS: dict[str, dict[str, str]] = {
    "2019.csv": {
        "walk": "步行",
        "bicycle": "自行车",
        "e_bike": "电动自行车",
        "bus": "公交",
        "metro": "地铁",
        "taxi": "出租车",
        "ride_hailing": "网约车",
        "car": "小汽车",
        "motorcycle": "摩托车",
        "shuttle": "班车",
        "other": "其他",
    },
    "2022.xlsx": {
        "walk": "步行",
        "bicycle": "自行车",
        "e_bike": "电动自行车",
        "bus": "公交",
        "metro": "轨道交通",
        "taxi": "出租车",
        "ride_hailing": "网约车",
        "car": "小汽车",
        "motorcycle": "摩托车",
        "shuttle": "班车",
        "other": "其它",
    },
}
"""How each file spells the modes (the 2024 file uses the contract codes)."""

Outcome = Literal["reject", "collapse", "own_cluster"]


@dataclass
class TravelRow:
    """One row of one export file: canonical values and the raw cells that replace them (defects).

    Attributes
    ----------
    values
        Column of :data:`COLUMNS` -> canonical value (``None`` for an empty cell).
    overrides
        Column -> raw cell text written instead of the formatted value.
    defect
        The deliberate defect of the row, if any (a kind of :data:`DEFECTS`, ``missing_person_id``).
    loaded
        The build loads the row (false for a rejected row and for the copy of an exact duplicate).
    """

    values: dict[str, object]
    overrides: dict[str, str] = field(default_factory=dict)
    defect: str | None = None
    loaded: bool = True


@dataclass(frozen=True)
class TravelDefect:
    """A deliberate defect: where it is, what it is, and what the build does with it.

    Attributes
    ----------
    file
        File inside ``travel_survey_trips/``.
    line
        CSV line or sheet row (1-based, header included).
    trip_id
        The trip id of the row.
    kind
        missing_weight, zero_weight, unknown_mode, exact_duplicate, conflicting_duplicate or
        missing_person_id.
    outcome
        What the build does: ``reject`` (to table rejects), ``collapse`` (counted once) or
        ``own_cluster`` (loaded; the trip is its own cluster in the variance).
    """

    file: str
    line: int
    trip_id: str
    kind: str
    outcome: Outcome


def survey_rows(survey: Survey) -> list[TravelRow]:
    """The clean rows of a drawn survey, in person and trip order."""
    rows = []
    for person, trip, weight, mode, district, distance in zip(
        survey.person, survey.trip, survey.weight, survey.mode, survey.district, survey.distance_km, strict=True
    ):
        rows.append(
            TravelRow(
                {
                    "trip_id": f"{person:05d}-{trip}",
                    "person_id": f"P{person:05d}",
                    "survey_year": survey.year,
                    "weight": float(weight),
                    "main_mode": str(mode),
                    "district": str(district),
                    "distance_km": None if math.isnan(distance) else float(distance),
                }
            )
        )
    return rows


DEFECTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "2019.csv": (
        ("missing_weight", "weight", ""),
        ("zero_weight", "weight", "0"),
        ("unknown_mode", "main_mode", "滑板车"),
        ("exact_duplicate", "", ""),
    ),
    "2022.xlsx": (
        ("missing_weight", "weight", ""),
        ("zero_weight", "weight", "0"),
        ("unknown_mode", "main_mode", "不详"),
        ("conflicting_duplicate", "", ""),
    ),
    "2024.csv": (
        ("missing_weight", "weight", ""),
        ("zero_weight", "weight", "0.0"),
        ("unknown_mode", "main_mode", "scooter"),
        ("exact_duplicate", "", ""),
    ),
}
"""File -> (defect kind, column, raw cell) put into one row each."""

MISSING_PERSON_IDS = 12
"""Trips per file whose person id is left empty (each is its own cluster in the variance)."""

OUTCOMES: dict[str, Outcome] = {
    "missing_weight": "reject",
    "zero_weight": "reject",
    "unknown_mode": "reject",
    "exact_duplicate": "collapse",
    "conflicting_duplicate": "reject",
    "missing_person_id": "own_cluster",
}


def add_defects(file: str, rows: list[TravelRow], rng: np.random.Generator) -> list[TravelRow]:
    """Put the defects of ``file`` into chosen rows; returns the rows as written (copies inserted).

    An exact duplicate is a second, identical row right after the first (the copy is not
    loaded); a conflicting duplicate is a second row with the same trip id and another mode (the
    build rejects both).
    """
    picks = [int(i) for i in rng.choice(len(rows), size=len(DEFECTS[file]) + MISSING_PERSON_IDS, replace=False)]
    for (kind, column, raw), index in zip(DEFECTS[file], picks[: len(DEFECTS[file])], strict=True):
        row = rows[index]
        row.defect = kind
        if column:
            row.overrides[column] = raw
            row.loaded = False
        if kind == "conflicting_duplicate":
            row.loaded = False
    for index in picks[len(DEFECTS[file]) :]:
        rows[index].defect = "missing_person_id"
        rows[index].values["person_id"] = None
    written: list[TravelRow] = []
    for row in rows:
        written.append(row)
        if row.defect == "exact_duplicate":
            written.append(TravelRow(dict(row.values), dict(row.overrides), defect=row.defect, loaded=False))
            row.defect = None  # the first row is a clean row; the copy is the defect
        elif row.defect == "conflicting_duplicate":
            other = "walk" if row.values["main_mode"] != "walk" else "car"
            written.append(TravelRow({**row.values, "main_mode": other}, defect=row.defect, loaded=False))
    return written


def first_line(file: str) -> int:
    """Line (CSV) or sheet row (workbook) of a file's first data row."""
    return 3 if file.endswith(".xlsx") else 2


def list_defects(files: dict[str, list[TravelRow]]) -> list[TravelDefect]:
    """Every deliberate defect with its line, in file and line order."""
    found = []
    for file, rows in files.items():
        for offset, row in enumerate(rows):
            if row.defect:
                found.append(
                    TravelDefect(
                        file, first_line(file) + offset, str(row.values["trip_id"]), row.defect, OUTCOMES[row.defect]
                    )
                )
    return found


def _cell(file: str, column: str, row: TravelRow) -> object:
    if column in row.overrides:
        return row.overrides[column]
    value = row.values[column]
    if value is None:
        return ""
    if column == "main_mode" and file in MODE_LABELS:
        return MODE_LABELS[file][str(value)]
    if column == "weight" and file.endswith(".csv"):
        return f"{value:.1f}"
    return value


def write_csv(path: Path, file: str, rows: list[TravelRow]) -> Path:
    """Write one CSV export: GBK with CRLF line ends for ``2019.csv``, UTF-8 otherwise."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if file == "2019.csv" else "\n")
    writer.writerow(HEADERS[file])
    for row in rows:
        writer.writerow([_cell(file, c, row) for c in COLUMNS] + [ROW_NOTES[file]])
    path.write_bytes(buffer.getvalue().encode("gbk" if file == "2019.csv" else "utf-8"))
    return path


def write_workbook(path: Path, file: str, rows: list[TravelRow], year: int) -> Path:
    """Write the workbook export: a title row saying the data are synthetic, then the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{year}年出行调查"
    sheet.append([f"青岛市居民出行调查 {year} 年 出行表 — {SYNTHETIC_NOTE}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(HEADERS[file]))
    for row in rows:
        sheet.append([_cell(file, c, row) for c in COLUMNS])
    return save_workbook_stable(book, path, author="qdtransport samples (synthetic)")


def write_survey_files(folder: Path, files: dict[str, list[TravelRow]]) -> dict[str, Path]:
    """Write every file into ``folder``; returns ``travel_survey_trips/<file>`` -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for file, rows in files.items():
        year = int(file[:4])
        path = folder / file
        if file.endswith(".xlsx"):
            write_workbook(path, file, rows, year)
        else:
            write_csv(path, file, rows)
        written[f"{folder.name}/{file}"] = path
    return written
