"""The scorecard as an Excel workbook for people (``qdtransport scorecard --format xlsx``).

Sheets
------
记分卡 Scorecard
    One row per plan target and year (view ``target_status``): Chinese and English names, value
    and target (shares as percentages, TEU with thousands separators), numerator and denominator,
    达标/未达标, whether the year is complete, the status and its reason in both languages.
说明 About
    The dataset (name, synthetic or not, export date as_of), when it was built, what the statuses
    mean.
one sheet per domain breakdown
    Every view of ``queries/<domain>/indicators/`` that is not the indicator itself (e.g.
    ``fleet_nev_share_new``, ``sa_charger_coverage_by_kind``), as the database gives it, with the
    column comments as header notes. Columns whose comment says ``fraction`` are percentages,
    counts and TEU have thousands separators.
数据质量 Data quality
    Per input file: rows read, loaded, rejected, duplicates, warnings; then rejects and warnings
    counted by file and code, with what each code means in both languages.

CSV and JSON (:mod:`qdtransport.scorecard`) keep raw values; this workbook is for reading.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qdtransport.i18n import text, text_or

PERCENT = "0.0%"
"""Number format of shares (fractions shown as percentages)."""
THOUSANDS = "#,##0"
"""Number format of counts and TEU."""
DECIMAL = "#,##0.00"
"""Number format of other decimals."""
DATE = "yyyy-mm-dd"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _both(key: str) -> str:
    """Return a header in both languages: ``指标 Indicator``."""
    return f"{text(key, 'zh')} {text(key, 'en')}"


def _value_format(unit: str) -> str:
    return PERCENT if unit == "share" else THOUSANDS


def _write_header(
    sheet: Worksheet, row: int, headers: list[str], notes: list[str | None] | None = None
) -> None:
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=header)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if notes and notes[column - 1]:
            cell.comment = Comment(notes[column - 1], "qdtransport")


def _fit_columns(sheet: Worksheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), 60)


def _display_width(value: object) -> int:
    words = str(value) if value is not None else ""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in words) + 2


def scorecard_sheet(sheet: Worksheet, con: duckdb.DuckDBPyConnection, year: int | None) -> int:
    """Fill the scorecard sheet from ``target_status``; returns the number of data rows."""
    rows = con.execute(
        """
        select targets.name_zh, targets.name_en, status.indicator_id, status.year, status.value,
            scorecard.numerator, scorecard.denominator, targets.target_value, targets.comparator,
            targets.target_year, targets.unit, scorecard.met, scorecard.complete, status.status,
            status.reason_zh, status.reason_en
        from target_status as status
        join targets using (indicator_id)
        left join scorecard
            on scorecard.indicator_id = status.indicator_id and scorecard.year = status.year
        where ? is null or status.year = ?
        order by targets.rowid, status.year
        """,
        [year, year],
    ).fetchall()
    headers = [
        text("col_indicator", "zh"),
        text("col_indicator", "en"),
        _both("xlsx.col_indicator_id"),
        _both("col_year"),
        _both("col_value"),
        _both("xlsx.col_numerator"),
        _both("xlsx.col_denominator"),
        _both("col_target"),
        _both("xlsx.col_comparator"),
        _both("target_year"),
        _both("col_met"),
        _both("col_year_data"),
        text("xlsx.col_status", "zh"),
        text("xlsx.col_status", "en"),
        text("xlsx.col_reason", "zh"),
        text("xlsx.col_reason", "en"),
    ]
    _write_header(sheet, 1, headers)
    widths = {i: _display_width(h) for i, h in enumerate(headers, start=1)}
    for r, row in enumerate(rows, start=2):
        (
            name_zh,
            name_en,
            indicator_id,
            year_,
            value,
            numerator,
            denominator,
            target_value,
            comparator,
            target_year,
            unit,
            met,
            complete,
            status,
            reason_zh,
            reason_en,
        ) = row
        met_text = None if met is None else text("status.met" if met else "status.not_met", "zh")
        year_text = (
            None
            if complete is None
            else text("complete_year" if complete else "incomplete_year", "zh")
        )
        cells = [
            name_zh,
            name_en,
            indicator_id,
            year_,
            value,
            numerator,
            denominator,
            target_value,
            "≥" if comparator == ">=" else comparator,
            target_year,
            met_text,
            year_text,
            text(f"status.{status}", "zh"),
            text(f"status.{status}", "en"),
            reason_zh,
            reason_en,
        ]
        for c, value_ in enumerate(cells, start=1):
            cell = sheet.cell(row=r, column=c, value=value_)
            if c in (5, 8):
                cell.number_format = _value_format(unit)
            elif c in (6, 7):
                cell.number_format = THOUSANDS
            if c in (15, 16):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                widths[c] = max(widths[c], _display_width(value_))
    widths[15] = widths[16] = 60
    _fit_columns(sheet, widths)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows), 1) + 1}"
    return len(rows)


def about_sheet(
    sheet: Worksheet, con: duckdb.DuckDBPyConnection, db_path: Path, year: int | None
) -> None:
    """Fill the about sheet: the dataset, the build and the meaning of each status."""
    info = con.execute(
        "select dataset_name, synthetic, as_of, built_at, qdtransport_version from build_info"
    ).fetchone() or (None, False, None, None, None)
    name, synthetic, as_of, built_at, version = info
    lines: list[tuple[str, object]] = [
        (_both("xlsx.about_dataset"), name or text("unnamed_dataset", "zh")),
        (
            _both("xlsx.about_synthetic"),
            text("synthetic_banner", "zh") if synthetic else text("no", "zh"),
        ),
        (_both("xlsx.about_as_of"), as_of),
        (_both("xlsx.about_built_at"), built_at),
        (_both("xlsx.about_version"), version),
        (_both("xlsx.about_database"), str(db_path)),
        (_both("xlsx.about_years"), year if year is not None else text("xlsx.all_years", "zh")),
    ]
    lines += [
        (
            _both(f"status.{s}"),
            f"{text(f'xlsx.status_help.{s}', 'zh')} / {text(f'xlsx.status_help.{s}', 'en')}",
        )
        for s in ("met", "not_met", "provisional", "no_input", "no_data")
    ]
    for r, (label, value) in enumerate(lines, start=1):
        sheet.cell(row=r, column=1, value=label).font = _HEADER_FONT
        cell = sheet.cell(row=r, column=2, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(value, dt.datetime | dt.date):
            cell.number_format = DATE if not isinstance(value, dt.datetime) else "yyyy-mm-dd hh:mm"
    _fit_columns(sheet, {1: 30, 2: 90})


def breakdown_views(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """List the breakdown views: (domain, view) in domain and name order.

    A breakdown view is a view of a domain's ``indicators`` layer that exists in the database and
    is not a registered indicator's own view.
    """
    from qdtransport.domains import DOMAINS
    from qdtransport.queries import query_files

    existing = {
        name
        for (name,) in con.execute(
            "select view_name from duckdb_views() "
            "where not internal and database_name = current_database()"
        ).fetchall()
    }
    indicator_views = {indicator.view for domain in DOMAINS for indicator in domain.indicators}
    files = query_files()
    found = []
    for domain in DOMAINS:
        names = sorted(f.name for f in files if f.group == domain.name and f.layer == "indicators")
        found += [(domain.name, n) for n in names if n in existing and n not in indicator_views]
    return found


def _column_format(name: str, dtype: str, comment: str) -> str | None:
    if dtype in ("DATE",):
        return DATE
    if dtype.startswith("TIMESTAMP"):
        return "yyyy-mm-dd hh:mm"
    numeric = dtype in ("DOUBLE", "FLOAT", "REAL") or dtype.startswith("DECIMAL")
    integer = dtype in (
        "BIGINT",
        "INTEGER",
        "SMALLINT",
        "TINYINT",
        "HUGEINT",
        "UBIGINT",
        "UINTEGER",
    )
    if (numeric or integer) and "fraction" in comment.lower():
        return PERCENT
    if name == "year":
        return "0"
    if numeric and "degrees" in comment.lower():  # longitude, latitude
        return "0.000000"
    if integer or (numeric and "teu" in name.lower()):
        return THOUSANDS
    if numeric:
        return DECIMAL
    return None


def _excel_value(value: object) -> object:
    if value is None or isinstance(value, int | float | str | bool | dt.date | dt.datetime):
        return value
    return str(value)


def view_sheet(
    sheet: Worksheet, con: duckdb.DuckDBPyConnection, view: str, year: int | None
) -> int:
    """Fill a sheet with one view (rows of ``year`` only where the view has a year column)."""
    columns = con.execute(
        "select column_name, data_type, coalesce(comment, '') from duckdb_columns() "
        "where table_name = ? and database_name = current_database() order by column_index",
        [view],
    ).fetchall()
    names = [c[0] for c in columns]
    comment = con.execute(
        "select coalesce(comment, '') from duckdb_views() "
        "where view_name = ? and database_name = current_database()",
        [view],
    ).fetchone()
    sheet.cell(
        row=1, column=1, value=f"{view}: {comment[0] if comment else ''}"
    ).font = _HEADER_FONT
    _write_header(sheet, 2, names, [c[2] or None for c in columns])
    where = " where year = ?" if year is not None and "year" in names else ""
    params = [year] if where else []
    quoted = ", ".join(f'"{n}"' for n in names)
    # the view name comes from the query files and is checked against the catalog
    rows = con.execute(f'select {quoted} from "{view}"{where}', params).fetchall()
    formats = [_column_format(name, dtype, note) for name, dtype, note in columns]
    widths = {i: _display_width(n) for i, n in enumerate(names, start=1)}
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=_excel_value(value))
            if formats[c - 1]:
                cell.number_format = formats[c - 1]
            widths[c] = max(widths[c], min(_display_width(value), 40))
    if not rows:
        sheet.cell(row=3, column=1, value=f"{text('no_value', 'zh')} / {text('no_value', 'en')}")
    _fit_columns(sheet, widths)
    sheet.freeze_panes = "A3"
    return len(rows)


def quality_sheet(sheet: Worksheet, con: duckdb.DuckDBPyConnection) -> None:
    """Fill the data-quality sheet: per-file counts, then rejects and warnings by code."""
    files = con.execute(
        "select table_name, source_file, rows_read, rows_loaded, rows_rejected, "
        "duplicates_collapsed, "
        "warnings from load_manifest order by table_name, source_file"
    ).fetchall()
    headers = [
        _both(k)
        for k in (
            "col_table",
            "col_file",
            "col_rows_read",
            "col_rows_loaded",
            "col_rows_rejected",
            "col_duplicates",
            "col_warnings",
        )
    ]
    row = 1
    sheet.cell(row=row, column=1, value=_both("section_manifest")).font = _HEADER_FONT
    _write_header(sheet, row + 1, headers)
    row += 2
    for values in files:
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=c, value=value)
            if c >= 3:
                cell.number_format = THOUSANDS
        row += 1
    for table, code_column, prefix, title in (
        ("rejects", "reason_code", "reject", "section_rejects"),
        ("data_quality_warnings", "warning_code", "warning", "section_warnings"),
    ):
        row += 1
        sheet.cell(row=row, column=1, value=_both(title)).font = _HEADER_FONT
        _write_header(
            sheet,
            row + 1,
            [
                _both("col_file"),
                _both("xlsx.col_code"),
                text("col_explanation", "zh"),
                text("col_explanation", "en"),
                _both("col_rows"),
            ],
        )
        row += 2
        counts = con.execute(
            f"select source_file, {code_column}, count(*) from {table} "
            "group by all order by 1, 3 desc, 2"
        ).fetchall()
        if not counts:
            note = "note_no_rejects" if table == "rejects" else "note_no_warnings"
            sheet.cell(row=row, column=1, value=f"{text(note, 'zh')} / {text(note, 'en')}")
            row += 1
        for source_file, code, count in counts:
            cells = [
                source_file,
                code,
                text_or(f"{prefix}.{code}", code, "zh"),
                text_or(f"{prefix}.{code}", code, "en"),
                count,
            ]
            for c, value in enumerate(cells, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if c == 5:
                    cell.number_format = THOUSANDS
            row += 1
    _fit_columns(sheet, {1: 40, 2: 26, 3: 30, 4: 30, 5: 12, 6: 12, 7: 12})


def sheet_title(name: str, used: set[str]) -> str:
    r"""Return a valid, unused sheet name (Excel: at most 31 characters, none of []:*?/\)."""
    title = name.translate(_INVALID_SHEET_CHARS)[:31]
    base, n = title, 2
    while title.lower() in used:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def write_scorecard_workbook(
    db_path: str | Path, output: str | Path, *, year: int | None = None
) -> Path:
    """Write the scorecard workbook of a built database.

    Parameters
    ----------
    db_path
        The DuckDB file (opened read-only).
    output
        The ``.xlsx`` file to write (its folder is created; an existing file is replaced).
    year
        Only this year in the scorecard and the breakdowns (views with a year column); all years
        when None.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    from qdtransport.scorecard import connect_read_only

    output = Path(output)
    workbook = Workbook()
    used: set[str] = set()
    with connect_read_only(db_path) as con:
        scorecard = workbook.active
        scorecard.title = sheet_title(_both("xlsx.sheet_scorecard"), used)
        scorecard_sheet(scorecard, con, year)
        about_sheet(
            workbook.create_sheet(sheet_title(_both("xlsx.sheet_about"), used)),
            con,
            Path(db_path),
            year,
        )
        for _domain, view in breakdown_views(con):
            view_sheet(workbook.create_sheet(sheet_title(view, used)), con, view, year)
        quality_sheet(workbook.create_sheet(sheet_title(_both("xlsx.sheet_quality"), used)), con)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.writing")
    workbook.save(temporary)
    temporary.replace(output)
    return output
