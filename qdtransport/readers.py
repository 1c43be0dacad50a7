"""Files -> raw text frames: formats, encodings, header rows.

Readers know nothing of the contract beyond the header spellings they look for. They return every
cell as text (NFKC-normalised, trimmed, empty as null) so that parsing and rejection happen in one
place (:mod:`qdtransport.ingest`) whatever the file format.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

SUPPORTED_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".parquet")
HEADER_SEARCH_ROWS = 15
NULL_SPELLINGS = ("", "null", "none", "nan", "n/a", "na", "\\n", "-", "--", "—", "/")
ROW_NUMBER = "__row"


class InputFileError(Exception):
    """A file that cannot be read at all; stops the build. The message names the file."""


@dataclass
class RawFile:
    """One input file read as text.

    Attributes
    ----------
    path
        The file.
    format
        ``csv``, ``excel`` or ``parquet``.
    encoding
        Text encoding detected (``utf-8``, ``utf-8-sig``, ``gb18030``); None for binary formats.
    headers
        Header cells as found in the file (NFKC-normalised, trimmed), in column order.
    frame
        One String column per header (named ``c0``, ``c1``, …, in header order; NFKC-normalised
        and trimmed) plus ``__row``, the 1-based line (CSV) or sheet row (Excel) or record number
        (Parquet) of each data row.
    sheet
        Sheet name, for a workbook.
    raw_rows
        Each row of ``frame`` exactly as the file gave it (before normalising), as JSON text
        keyed by the file's own headers, empty cells as null.
    header_row
        1-based line or row of the header (rows above it are titles and are skipped).
    blank_rows
        Data rows with no value in any cell, skipped (not counted as rows read).
    ragged_rows
        ``(row number, cells)`` of CSV rows with more non-empty cells than the header has columns
        (rows with fewer cells are padded with empty cells).
    size_bytes, sha256
        Of the file as stored.
    """

    path: Path
    format: str
    encoding: str | None
    headers: list[str]
    frame: pl.DataFrame
    header_row: int
    blank_rows: int
    size_bytes: int
    sha256: str
    raw_rows: pl.Series = field(default_factory=lambda: pl.Series("raw_row", [], dtype=pl.String))
    sheet: str | None = None
    ragged_rows: list[tuple[int, list[str]]] = field(default_factory=list)


def normalise_header(text: str) -> str:
    """Header spelling used for matching: NFKC, lower case, no spaces or underscores (so
    ``Registration Date`` matches ``registration_date``), no trailing unit in brackets."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    cleaned = cleaned.replace(" ", "").replace("_", "").replace("\ufeff", "")
    return re.sub(r"\((?:[^()]*)\)$", "", cleaned) or cleaned


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 with BOM, UTF-8, or GB18030 (a superset of GBK and GB2312).

    Returns the text and the encoding name. Raises :class:`InputFileError` when none fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputFileError(
                f"{path}: starts like UTF-16 text but cannot be decoded as UTF-16 (byte {exc.start}); "
                "save it as UTF-8 or GBK CSV"
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: cannot decode the file as UTF-8 or GB18030/GBK (byte {exc.start}); "
            "save it as UTF-8 or GBK CSV"
        ) from None


def _sniff_delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    counts = {d: head.count(d) for d in (",", "\t", ";", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _find_header(rows: list[list[str | None]], known: set[str]) -> int:
    """Index of the row (among the first few) whose cells match the most known header spellings."""
    best, best_hits = 0, -1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = sum(1 for cell in row if cell and normalise_header(cell) in known)
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def _raw_row_json(headers: list[str]) -> pl.Expr:
    """The row exactly as the file gave it, as JSON text keyed by the file's own headers."""
    fields = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        name = header.strip() or f"column_{index + 1}"
        while name in seen:
            name += "_"
        seen.add(name)
        cell = pl.col(f"c{index}").cast(pl.String)
        fields.append(pl.when(cell == "").then(None).otherwise(cell).alias(name))
    return pl.struct(fields).struct.json_encode() if fields else pl.lit("{}")


def _clean_cells(frame: pl.DataFrame, headers: list[str]) -> tuple[pl.DataFrame, pl.Series]:
    """NFKC-normalise and trim every text cell (the null spellings become null), and the rows
    exactly as given, as JSON text (empty cells as null)."""
    exprs = []
    for name in frame.columns:
        if name == ROW_NUMBER:
            continue
        text = pl.col(name).cast(pl.String).str.normalize("NFKC").str.strip_chars()
        exprs.append(pl.when(text.str.to_lowercase().is_in(NULL_SPELLINGS)).then(None).otherwise(text).alias(name))
    raw_rows = frame.select(_raw_row_json(headers).alias("raw_row")).to_series()
    return frame.with_columns(exprs), raw_rows


def _frame_from_rows(
    headers: list[str], rows: list[tuple[int, list[str | None]]]
) -> tuple[pl.DataFrame, list[tuple[int, list[str]]]]:
    """Columns of text from numbered rows.

    Rows shorter than the header are padded with empty cells; rows with more non-empty cells than
    the header has columns are returned apart as ragged (they become rejects).
    """
    width = len(headers)
    if all(len(cells) == width for _, cells in rows):  # the usual case: transpose in C
        numbers = [n for n, _ in rows]
        columns = list(zip(*(cells for _, cells in rows), strict=True)) if rows else [()] * width
        ragged: list[tuple[int, list[str]]] = []
    else:
        numbers, ragged, regular = [], [], []
        for number, cells in rows:
            if len(cells) > width:
                if any((c or "").strip() for c in cells[width:]):
                    ragged.append((number, [c or "" for c in cells]))
                    continue
                cells = cells[:width]
            elif len(cells) < width:
                cells = [*cells, *([None] * (width - len(cells)))]
            numbers.append(number)
            regular.append(cells)
        columns = list(zip(*regular, strict=True)) if regular else [()] * width
    data = {f"c{i}": pl.Series(f"c{i}", columns[i], dtype=pl.String) for i in range(width)}
    frame = pl.DataFrame({ROW_NUMBER: pl.Series(ROW_NUMBER, numbers, dtype=pl.Int64), **data})
    return frame, ragged


def _drop_blank(frame: pl.DataFrame, raw_rows: pl.Series) -> tuple[pl.DataFrame, pl.Series, int]:
    value_columns = [c for c in frame.columns if c != ROW_NUMBER]
    if not value_columns:
        return frame, raw_rows, 0
    keep = ~frame.select(pl.all_horizontal([pl.col(c).is_null() for c in value_columns])).to_series()
    kept = frame.filter(keep)
    return kept, raw_rows.filter(keep), frame.height - kept.height


def _read_plain_csv(
    text: str, delimiter: str, head: list[list[str]], known_headers: set[str]
) -> tuple[list[str], int, pl.DataFrame] | None:
    """The common case, read by polars: no quoting, no blank lines, no row longer than the header.

    Then every record is one line, so the line numbers are exact. Returns None for any other
    file, which :func:`_read_quoted_csv` reads instead.
    """
    if '"' in text or re.search(r"\n[ \t]*\r?\n.", text):
        return None
    lines = text.splitlines()
    header_index = _find_header(head, known_headers)
    # the header is the header_index-th non-empty line; with no blank lines that is that line
    headers = next(csv.reader([lines[header_index]], delimiter=delimiter), [])
    if headers != head[header_index]:  # a leading blank line shifted the count: read it the long way
        return None
    names = [f"c{i}" for i in range(len(headers))]
    try:
        frame = pl.read_csv(
            text.encode("utf-8"), has_header=False, skip_lines=header_index + 1, separator=delimiter,
            quote_char=None, infer_schema=False, new_columns=names, empty_string_is_null=False,
        )  # fmt: skip
    except (pl.exceptions.ComputeError, pl.exceptions.ShapeError, pl.exceptions.SchemaError, pl.exceptions.NoDataError):
        return None
    if frame.width != len(headers):
        return None
    frame = frame.with_row_index(ROW_NUMBER, offset=header_index + 2).select(
        pl.col(ROW_NUMBER).cast(pl.Int64), *names
    )
    return headers, header_index + 1, frame


def _read_quoted_csv(
    path: Path, text: str, delimiter: str, known_headers: set[str]
) -> tuple[list[str], int, pl.DataFrame, list[tuple[int, list[str]]]]:
    """Any CSV, record by record with Python's csv module: quoted cells spanning lines, blank
    lines, ragged rows. Returns headers, header line, frame and the ragged rows."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if '"' not in text:
            # no quoting, so no record spans lines: record i is on line i + 1 (blank lines included)
            starts = [(number, row) for number, row in enumerate(reader, start=1) if row]
        else:
            starts = []
            previous_end = 0
            for row in reader:  # line_num is the line where a record ends
                if row:
                    starts.append((previous_end + 1, row))
                previous_end = reader.line_num
    except csv.Error as exc:
        raise InputFileError(f"{path}: not a readable CSV file near line {reader.line_num}: {exc}") from None
    header_index = _find_header([cells for _, cells in starts], known_headers)
    header_line, header_cells = starts[header_index]
    headers = [str(c or "") for c in header_cells]
    frame, ragged = _frame_from_rows(headers, starts[header_index + 1 :])
    return headers, header_line, frame, ragged


def read_csv(path: Path, known_headers: set[str]) -> RawFile:
    """Read a delimited text file (comma, tab, semicolon or pipe) as text, with line numbers."""
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    delimiter = _sniff_delimiter(text)
    head = list(csv.reader(io.StringIO("\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])), delimiter=delimiter))
    head = [row for row in head if row]
    if not head:
        raise InputFileError(f"{path}: the file is empty (no header row)")
    fast = _read_plain_csv(text, delimiter, head, known_headers)
    if fast is not None:
        headers, header_line, frame = fast
        ragged: list[tuple[int, list[str]]] = []
    else:
        headers, header_line, frame, ragged = _read_quoted_csv(path, text, delimiter, known_headers)
    frame, raw_rows = _clean_cells(frame, headers)
    frame, raw_rows, blank = _drop_blank(frame, raw_rows)
    return RawFile(
        path=path, format="csv", encoding=encoding, headers=_clean_headers(headers), frame=frame,
        header_row=header_line, blank_rows=blank, size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(), raw_rows=raw_rows, ragged_rows=ragged,
    )  # fmt: skip


def _header_hits(rows: list[tuple[object, ...]], known_headers: set[str]) -> int:
    """How many known header spellings the best candidate header row of a sheet holds."""
    return max(
        (sum(1 for cell in row if cell and normalise_header(str(cell)) in known_headers)
         for row in rows[:HEADER_SEARCH_ROWS]),
        default=0,
    )  # fmt: skip


def _sheet_source(path: Path, sheet_name: str, sheet: pl.DataFrame, known_headers: set[str], digest: str) -> RawFile:
    rows = sheet.rows()
    header_index = _find_header([list(r) for r in rows], known_headers)
    headers = [str(c) if c is not None else "" for c in rows[header_index]]
    numbered = [(i + 1, list(r)) for i, r in enumerate(rows)][header_index + 1 :]
    frame, _ = _frame_from_rows(headers, numbered)
    frame, raw_rows = _clean_cells(frame, headers)
    frame, raw_rows, blank = _drop_blank(frame, raw_rows)
    return RawFile(
        path=path, format="excel", encoding=None, headers=_clean_headers(headers), frame=frame,
        header_row=header_index + 1, blank_rows=blank, size_bytes=path.stat().st_size,
        sha256=digest, raw_rows=raw_rows, sheet=sheet_name,
    )  # fmt: skip


def read_excel_sheets(path: Path, known_headers: set[str]) -> tuple[list[RawFile], list[str]]:
    """Read every sheet of a workbook that carries the table's header; date cells become ISO text.

    A workbook often holds a cover or notes sheet, or one sheet per month: every sheet whose
    header row holds at least one of the table's header spellings is read, each as its own
    source; other non-empty sheets are named in the notes; empty sheets are passed over. When no
    sheet has such a header, the first non-empty sheet is read (so that the missing columns are
    reported against it).

    Returns
    -------
    sources
        One :class:`RawFile` per sheet read, in workbook order, with ``sheet`` set.
    notes
        One line per non-empty sheet passed over.

    Raises
    ------
    InputFileError
        The workbook cannot be read, or every sheet is empty.
    """
    try:
        # keep every row from the top of each sheet, empty ones included, so that row i of the
        # frame is sheet row i + 1 (the calamine range otherwise starts at the first used row)
        sheets = pl.read_excel(
            path, sheet_id=0, has_header=False, infer_schema_length=0, engine="calamine",
            read_options={"skip_rows": 0}, drop_empty_rows=False, raise_if_empty=False,
        )  # fmt: skip
    except Exception as exc:  # fastexcel raises its own error types
        raise InputFileError(f"{path}: cannot read the workbook: {exc}") from None
    used = {name: sheet for name, sheet in sheets.items() if sheet.height > 0}
    if not used:
        raise InputFileError(f"{path}: every sheet is empty (no header row)")
    matching = [name for name, sheet in used.items() if _header_hits(sheet.rows(), known_headers) > 0]
    chosen = matching or [next(iter(used))]
    digest = file_digest(path)
    notes = [
        f"{path}: sheet '{name}' ({sheet.height} rows) has none of the table's headers; not read"
        for name, sheet in used.items() if name not in chosen
    ]  # fmt: skip
    return [_sheet_source(path, name, used[name], known_headers, digest) for name in chosen], notes


def read_excel(path: Path, known_headers: set[str]) -> RawFile:
    """The first sheet of a workbook that carries the table's header (see :func:`read_excel_sheets`)."""
    return read_excel_sheets(path, known_headers)[0][0]


def read_parquet(path: Path) -> RawFile:
    """Read a Parquet file; every column is cast to text (dates as ISO text)."""
    try:
        table = pl.read_parquet(path)
    except Exception as exc:
        raise InputFileError(f"{path}: cannot read the Parquet file: {exc}") from None
    headers = list(table.columns)
    renamed = table.select(
        [pl.col(name).cast(pl.String).alias(f"c{i}") for i, name in enumerate(headers)]
    ).with_row_index(ROW_NUMBER, offset=1).with_columns(pl.col(ROW_NUMBER).cast(pl.Int64))
    frame, raw_rows = _clean_cells(renamed, headers)
    frame, raw_rows, blank = _drop_blank(frame, raw_rows)
    return RawFile(
        path=path, format="parquet", encoding=None, headers=_clean_headers(headers), frame=frame,
        header_row=0, blank_rows=blank, size_bytes=path.stat().st_size, sha256=file_digest(path),
        raw_rows=raw_rows,
    )  # fmt: skip


def _clean_headers(headers: list[str]) -> list[str]:
    import unicodedata

    return [unicodedata.normalize("NFKC", h).replace("\ufeff", "").strip() for h in headers]


def read_sources(path: Path, known_headers: set[str]) -> tuple[list[RawFile], list[str]]:
    """Read one input file by its suffix: its sources (one per file, or per sheet of a
    workbook) and notes on what was passed over.

    Parameters
    ----------
    path
        A ``.csv``/``.txt``/``.tsv``, ``.xlsx``/``.xlsm``/``.xls`` or ``.parquet`` file.
    known_headers
        Normalised header spellings of the table (see :func:`normalise_header`), used to find the
        header row below any title rows, and the sheets of a workbook that hold the table.

    Raises
    ------
    InputFileError
        Unknown format, undecodable text, an unreadable workbook or an empty file.
    """
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return [read_csv(path, known_headers)], []
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_excel_sheets(path, known_headers)
    if suffix == ".parquet":
        return [read_parquet(path)], []
    raise InputFileError(
        f"{path}: unknown file format '{suffix}'; use one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


def read_file(path: Path, known_headers: set[str]) -> RawFile:
    """The first source of :func:`read_sources`: the file, or the first sheet holding the table."""
    return read_sources(path, known_headers)[0][0]
