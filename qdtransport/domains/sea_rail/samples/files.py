"""The sea-rail move exports as terminal systems write them, with deliberate defects.

December 2025 at the port's rate, in three files of folder ``sea_rail_moves/``:

``qianwan_2025-12.xlsx``
    The 前湾 (Qianwan) terminal system's monthly export: a title row above the header, move
    times as Excel date cells, Chinese values (重/空, 集港/疏港).
``dongjiakou_2025-12.csv``
    The 董家口 (Dongjiakou) system's monthly export: GBK, CRLF, other Chinese header spellings
    (集装箱号, 箱型尺寸, 港区, 到发站, 车次) and a 备注 column saying the data are synthetic.
``dongjiakou_2026-01-01.csv``
    The same system's first export of January, taken just after midnight: the records of
    31 December entered after the December export, some of them already in it.

The clean moves are drawn first (:func:`~qdtransport.domains.sea_rail.samples.moves.month_moves`);
the defects (:class:`MoveDefect`) are then put into chosen rows, and their line numbers worked
out once the files are in their final order.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
from openpyxl import Workbook
from openpyxl.styles import Font

from qdtransport.samples.workbooks import save_workbook_stable

SYNTHETIC_NOTE = "合成示例数据，非真实作业记录 (synthetic sample data)"
"""Label in the title row of the sample workbook."""

ROW_NOTE = "合成示例数据"
"""Label in the 备注 column of every row of the sample CSV files."""

QIANWAN = "qianwan_2025-12.xlsx"
DONGJIAKOU = "dongjiakou_2025-12.csv"
LATE = "dongjiakou_2026-01-01.csv"
FILES = (QIANWAN, DONGJIAKOU, LATE)
"""The files of ``sea_rail_moves/``, in the order the build reads them (by name)."""

COLUMNS = ("move_id", "container_no", "iso_type", "full_empty", "direction", "move_time",
           "terminal", "inland_node", "train_no")  # fmt: skip
XLSX_HEADER = ("作业编号", "箱号", "箱型", "空重", "方向", "作业时间", "码头", "内陆港", "班列号")
CSV_HEADER = (
    "作业编号",
    "集装箱号",
    "箱型尺寸",
    "空重",
    "方向",
    "作业时间",
    "港区",
    "到发站",
    "车次",
    "备注",
)
FULL_EMPTY = {"F": "重", "E": "空"}
DIRECTION = {"rail_to_ship": "集港", "ship_to_rail": "疏港"}


@dataclass(frozen=True)
class MoveDefect:
    """One deliberate defect of the sample moves.

    Attributes
    ----------
    code
        Short name, e.g. ``check_digit``.
    file
        File name inside ``sea_rail_moves/``.
    lines
        CSV lines (the header is line 1) or sheet rows (title row 1, header row 2).
    what
        What is wrong, in words.
    build
        What the build does: a reject reason code, ``collapse``, ``counted once`` …
    """

    code: str
    file: str
    lines: tuple[int, ...]
    what: str
    build: str


@dataclass
class MoveFiles:
    """The December moves and the files they are written as.

    Attributes
    ----------
    moves
        Every real move of the month once (columns of :data:`COLUMNS`), before any defect.
    rows
        File name -> rows as written: :data:`COLUMNS` as text, in file order, plus ``outcome``
        (``load``, ``reject``, ``collapse`` or ``copy``: a second record of a loaded move).
    defects
        The deliberate defects.
    """

    moves: pl.DataFrame
    rows: dict[str, pl.DataFrame]
    defects: list[MoveDefect]

    def counted(self) -> pl.DataFrame:
        """The moves the build counts: every move with at least one loaded record."""
        loaded = pl.concat([r.filter(pl.col("outcome") == "load") for r in self.rows.values()])
        keys = ["container_no", "direction", "move_time"]
        return (
            self.moves.with_columns(pl.col("move_time").dt.strftime("%Y-%m-%d %H:%M:%S").alias("_text"))
            .join(
                loaded.select(*keys[:2], pl.col("move_time").alias("_text")).unique(),
                on=[*keys[:2], "_text"],
                how="semi",
            )
            .drop("_text")
        )


def _as_text(frame: pl.DataFrame, move_id: str, width: int) -> pl.DataFrame:
    """Moves as export rows: times as text, ids numbered per file, no defect marked yet."""
    number = pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(width)
    return frame.with_columns(
        pl.format(move_id + "{}", number).alias("move_id"),
        pl.col("move_time").dt.strftime("%Y-%m-%d %H:%M:%S"),
        pl.lit("load").alias("outcome"),
        pl.lit(None, pl.String).alias("defect"),
        pl.lit(None, pl.String).alias("what"),
        pl.lit(None, pl.String).alias("build"),
    )


def _mark(frame: pl.DataFrame, rows: list[int], defect: tuple[str, str, str], **values) -> pl.DataFrame:
    """Rows ``rows`` get ``values`` and the defect (code, what, build); an outcome may be given."""
    hit = pl.int_range(pl.len()).is_in(rows)
    changes = dict(zip(("defect", "what", "build"), defect, strict=True)) | values
    return frame.with_columns([pl.when(hit).then(pl.lit(v)).otherwise(pl.col(k)).alias(k) for k, v in changes.items()])


def _wrong_check_digit(container_no: str) -> str:
    return container_no[:10] + str((int(container_no[10]) + 1) % 10)


def make_files(moves: pl.DataFrame, rng: np.random.Generator) -> MoveFiles:
    """Split December's moves into the three exports and put the defects in.

    Parameters
    ----------
    moves
        One month of moves from :func:`~qdtransport.domains.sea_rail.samples.moves.month_moves`
        (December 2025).
    rng
        numpy generator choosing the defects' rows.
    """
    # the last Dongjiakou move of the year at 23:59:40: entered after midnight, it is only in the
    # January export, yet belongs to December
    last = moves.with_row_index().filter(pl.col("terminal") == "董家口")["index"][-1]
    moves = moves.with_columns(
        pl.when(pl.int_range(pl.len()) == last)
        .then(pl.lit(dt.datetime(2025, 12, 31, 23, 59, 40)))
        .otherwise(pl.col("move_time"))
        .alias("move_time")
    )
    qianwan = _as_text(moves.filter(pl.col("terminal") == "前湾"), "QW2512", 6)
    djk = _as_text(moves.filter(pl.col("terminal") == "董家口"), "DJK2512", 5)

    # Qianwan: 3 bad check digits, 2 unassigned length codes, 1 impossible time
    picks = [int(i) for i in rng.choice(np.arange(100, qianwan.height - 100), 12, replace=False)]
    for index in picks[:3]:
        wrong = _wrong_check_digit(qianwan["container_no"][index])
        why = ("check_digit", f"箱号 {wrong}: wrong check digit", "reject: bad_container_no")
        qianwan = _mark(qianwan, [index], why, container_no=wrong, outcome="reject")
    for index, code in zip(picks[3:5], ("95G1", "R2G1"), strict=True):
        why = ("length_code", f"箱型 {code}: length code {code[0]} not assigned by ISO 6346",
               "reject: bad_iso_type")  # fmt: skip
        qianwan = _mark(qianwan, [index], why, iso_type=code, outcome="reject")
    why = ("bad_time", "作业时间 2025-12-15 24:30 (text, hour 24)", "reject: bad_date")
    qianwan = _mark(qianwan, [picks[5]], why, move_time="2025-12-15 24:30", outcome="reject")
    # Qianwan: 6 moves posted twice, the copy right after the original under another id
    resent = sorted(picks[6:12])
    copies = _mark(
        qianwan[resent],
        list(range(len(resent))),
        ("posted_twice", "the move of the row above posted again under another 作业编号",
         "counted once"),
        outcome="copy",
    ).with_columns(pl.format("QW2512R{}", pl.int_range(1, pl.len() + 1)).alias("move_id"))  # fmt: skip
    parts, start = [], 0
    for k, index in enumerate(resent):
        parts += [qianwan[start : index + 1], copies[k : k + 1]]
        start = index + 1
    qianwan = pl.concat([*parts, qianwan[start:]])

    # Dongjiakou: 1 bad check digit, 1 impossible date, 3 rows without 到发站
    picks = [int(i) for i in rng.choice(np.arange(100, djk.height - 200), 5, replace=False)]
    wrong = _wrong_check_digit(djk["container_no"][picks[0]])
    why = ("check_digit", f"集装箱号 {wrong}: wrong check digit", "reject: bad_container_no")
    djk = _mark(djk, [picks[0]], why, container_no=wrong, outcome="reject")
    why = ("bad_time", "作业时间 2025-12-32 10:15:00 (no such day)", "reject: bad_date")
    djk = _mark(djk, [picks[1]], why, move_time="2025-12-32 10:15:00", outcome="reject")
    why = ("no_inland_node", "到发站 empty", "loaded; inland node unknown")
    djk = _mark(djk, picks[2:5], why).with_columns(
        pl.when(pl.col("defect") == "no_inland_node").then(None).otherwise(pl.col("inland_node"))
        .alias("inland_node")
    )  # fmt: skip

    # the January export: Dongjiakou's last 40 records of 31 December; the December export
    # lacks the last of them (23:59:40)
    late = djk.tail(40)
    djk = djk.head(djk.height - 1)
    late = _mark(late, list(range(28)), ("exported_twice", f"the same record as in {DONGJIAKOU}",
                                        "collapse: exact duplicate"), outcome="collapse")  # fmt: skip
    late = _mark(late, list(range(28, 38)), ("exported_twice_new_id",
                 f"a move of {DONGJIAKOU} under a new 作业编号", "counted once"), outcome="copy")  # fmt: skip
    flipped = "E" if late["full_empty"][38] == "F" else "F"
    late = _mark(late, [38], ("conflicting_copy",
                 f"a move of {DONGJIAKOU}, new 作业编号 and 空重 {FULL_EMPTY[flipped]}",
                 "counted once, as in December's file; conflicting in sea_rail_duplicate_moves"),
                 full_empty=flipped, outcome="copy")  # fmt: skip
    late = _mark(late, [39], ("last_minute", "a move at 2025-12-31 23:59:40, only in this file",
                              "counted in December 2025"))  # fmt: skip
    renumber = pl.int_range(pl.len()).is_between(28, 38)
    late = late.with_columns(
        pl.when(renumber)
        .then(pl.format("DJK2601{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(5)))
        .otherwise(pl.col("move_id"))
        .alias("move_id")
    )
    rows = {QIANWAN: qianwan, DONGJIAKOU: djk, LATE: late}
    return MoveFiles(moves=moves, rows=rows, defects=list_defects(rows))


def list_defects(rows: dict[str, pl.DataFrame]) -> list[MoveDefect]:
    """The defects of the files in their final order, with their line or sheet-row numbers."""
    first_line = {QIANWAN: 3, DONGJIAKOU: 2, LATE: 2}  # the workbook has a title row
    defects = []
    for name, frame in rows.items():
        marked = frame.with_row_index("line", offset=first_line[name]).filter(pl.col("defect").is_not_null())
        for (code, build), group in marked.group_by("defect", "build", maintain_order=True):
            whats = list(dict.fromkeys(group["what"]))
            defects.append(MoveDefect(code, name, tuple(group["line"]), "; ".join(whats), build))
    return defects


def write_move_files(folder: Path, files: MoveFiles) -> dict[str, Path]:
    """Write the three exports into ``folder`` (``sea_rail_moves/``); returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {QIANWAN: _write_workbook(folder / QIANWAN, files.rows[QIANWAN])}
    for name in (DONGJIAKOU, LATE):
        written[name] = write_csv(folder / name, files.rows[name], encoding="gbk")
    return {f"sea_rail_moves/{name}": path for name, path in written.items()}


def _display(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        *COLUMNS[:3],
        pl.col("full_empty").replace(FULL_EMPTY),
        pl.col("direction").replace(DIRECTION),
        *COLUMNS[5:],
    )


def write_csv(path: Path, frame: pl.DataFrame, *, encoding: str = "gbk") -> Path:
    """Rows as a terminal system's CSV export: Chinese header and values, CRLF, ``encoding``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in _display(frame).iter_rows():
        writer.writerow([*("" if v is None else v for v in row), ROW_NOTE])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _write_workbook(path: Path, frame: pl.DataFrame) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "海铁联运作业记录"
    sheet.append([f"前湾港区海铁联运作业记录 2025年12月（导出 2026-01-15）— {SYNTHETIC_NOTE}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(XLSX_HEADER))
    for row in _display(frame).iter_rows(named=True):
        cells = [row[c] for c in COLUMNS]
        with contextlib.suppress(ValueError):  # a time written as text (a defect) stays text
            cells[5] = dt.datetime.strptime(row["move_time"], "%Y-%m-%d %H:%M:%S")
        sheet.append(cells)
    return save_workbook_stable(book, path, author="前湾码头作业系统 (synthetic)")
