"""Files -> raw text cells: formats, encodings, header rows, workbook sheets.

Readers know nothing of the contract beyond the header spellings they look for. They return every
cell as text exactly as the file gave it (:class:`~qdtransport.rawfile.RawFile`), so that cleaning,
parsing and rejection happen in one place (:mod:`qdtransport.ingest`) whatever the file format.
Delimited text is read by :mod:`qdtransport.delimited`; workbooks and Parquet files here.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import polars as pl

from qdtransport.cells import blank_rows
from qdtransport.rawfile import (
    HEADER_SEARCH_ROWS,
    ROW_NUMBER,
    BadRow,
    InputFileError,
    RawFile,
    clean_headers,
    file_digest,
    find_header,
    normalise_header,
)

__all__ = [
    "ROW_NUMBER", "SUPPORTED_SUFFIXES", "BadRow", "InputFileError", "RawFile", "decode_text",
    "file_digest", "normalise_header", "read_file", "read_sources",
]

SUPPORTED_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".parquet")

EXCEL_ERROR_NAMES = {
    "NA": "#N/A", "Div0": "#DIV/0!", "Value": "#VALUE!", "Ref": "#REF!", "Name": "#NAME?",
    "Num": "#NUM!", "Null": "#NULL!", "GettingData": "#GETTING_DATA",
}
"""calamine's names of Excel error values -> the text Excel shows."""

SHEET_STATES = {"hidden": "hidden", "veryhidden": "very hidden (only a macro can show it)"}


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode CSV bytes as :mod:`qdtransport.encoding` decides; the text and the encoding name.

    Lines that do not decode are left empty. Raises :class:`InputFileError` when the bytes are
    not text in an accepted encoding.
    """
    from qdtransport import encoding

    try:
        decision = encoding.decide(data, path)
    except encoding.EncodingError as exc:
        raise InputFileError(str(exc)) from None
    out = io.BytesIO()
    encoding.transcode(data, decision, path, out)
    return out.getvalue().decode("utf-8"), decision.encoding


def _error_text(detail: str) -> str:
    found = re.search(r"Error\((\w+)\)", detail)
    name = found.group(1) if found else "ERROR"
    return EXCEL_ERROR_NAMES.get(name, f"#{name.upper()}")


def _sheet_cells(sheet: object) -> pl.DataFrame:
    """A sheet's cells as text, row i being sheet row i + 1; error cells hold the error's text."""
    with_errors = getattr(sheet, "to_arrow_with_errors", None)  # a fastexcel sheet; older ones lack it
    batch, errors = with_errors() if with_errors else (sheet.to_arrow(), None)
    frame = pl.from_arrow(batch)
    assert isinstance(frame, pl.DataFrame)
    frame = frame.rename({name: f"c{i}" for i, name in enumerate(frame.columns)})
    by_column: dict[int, list[tuple[int, str]]] = {}
    for error in getattr(errors, "errors", []) or []:
        row, column = error.position
        by_column.setdefault(column, []).append((row, _error_text(error.detail)))
    for column, cells in by_column.items():
        name = f"c{column}"
        series = frame[name].cast(pl.String).clone()
        series.scatter([r for r, _ in cells], [t for _, t in cells])
        frame = frame.with_columns(series)
    return frame.select(pl.all().cast(pl.String))


def _header_hits(frame: pl.DataFrame, known_headers: set[str]) -> int:
    """How many known header spellings the best candidate header row of a sheet holds."""
    return max(
        (sum(1 for cell in row if cell and normalise_header(str(cell)) in known_headers)
         for row in frame.head(HEADER_SEARCH_ROWS).rows()),
        default=0,
    )


def _sheet_source(path: Path, name: str, sheet: pl.DataFrame, known_headers: set[str], digest: str) -> RawFile:
    head = [list(r) for r in sheet.head(HEADER_SEARCH_ROWS).rows()]
    header_index = find_header(head, known_headers)
    headers = [str(c) if c is not None else "" for c in head[header_index]]
    cells = sheet.slice(header_index + 1).with_row_index(ROW_NUMBER, offset=header_index + 2)
    cells = cells.with_columns(pl.col(ROW_NUMBER).cast(pl.Int64))
    columns = [c for c in cells.columns if c != ROW_NUMBER]
    blank = blank_rows(cells, columns)
    return RawFile(
        path=path, format="excel", encoding=None, headers=clean_headers(headers),
        cells=cells.filter(~blank) if blank.any() else cells,
        header_row=header_index + 1, blank_rows=int(blank.sum()), size_bytes=path.stat().st_size,
        sha256=digest, raw_headers=headers, sheet=name,
    )


def read_excel_sheets(path: Path, known_headers: set[str]) -> tuple[list[RawFile], list[str]]:
    """Read every sheet of a workbook that carries the table's header; date cells become ISO text.

    A workbook often holds a cover or notes sheet, or one sheet per month: every sheet whose
    header row holds at least one of the table's header spellings is read, each as its own
    source; other non-empty sheets are named in the notes; empty sheets are passed over. When no
    sheet has such a header, the first non-empty sheet is read (so that the missing columns are
    reported against it). Hidden and very hidden sheets are noted, read or not. A cell holding an
    Excel error value (``#N/A`` …) holds the error's text.

    Returns
    -------
    sources
        One :class:`RawFile` per sheet read, in workbook order, with ``sheet`` set.
    notes
        One line per non-empty sheet passed over, and per hidden sheet.

    Raises
    ------
    InputFileError
        The workbook cannot be read, or every sheet is empty.
    """
    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
        sheets: dict[str, tuple[pl.DataFrame, str]] = {}
        for index in range(len(reader.sheet_names)):
            # keep every row from the top of the sheet, empty ones included, so that row i of the
            # frame is sheet row i + 1 (the calamine range otherwise starts at the first used row);
            # one sheet's cells as loaded are held at a time
            sheet = reader.load_sheet(index, header_row=None, skip_rows=0, dtypes="string")
            sheets[sheet.name] = (_sheet_cells(sheet), str(getattr(sheet, "visible", "visible")).lower())
            del sheet
    except Exception as exc:  # fastexcel raises its own error types
        raise InputFileError(f"{path}: cannot read the workbook: {exc}") from None
    used = {name: frame for name, (frame, _) in sheets.items() if frame.height > 0}
    if not used:
        raise InputFileError(f"{path}: every sheet is empty (no header row)")
    matching = [name for name, frame in used.items() if _header_hits(frame, known_headers) > 0]
    chosen = matching or [next(iter(used))]
    digest = file_digest(path)
    states = {name: state for name, (_, state) in sheets.items()}
    notes = [
        f"{path}: sheet '{name}' ({frame.height} rows{_state(states[name], ', ')}) has none of the table's "
        "headers; not read"
        for name, frame in used.items() if name not in chosen
    ]
    sources = [_sheet_source(path, name, used[name], known_headers, digest) for name in chosen]
    for source in sources:
        if states[source.sheet or ""] != "visible":
            source.notes.append(f"{path}: sheet '{source.sheet}' is {_state(states[source.sheet or ''])}; read as data")
    return sources, notes


def _state(state: str, prefix: str = "") -> str:
    """How a sheet's visibility reads in a note; empty for a visible sheet."""
    return "" if state == "visible" else prefix + SHEET_STATES.get(state, state)


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
    cells = table.select(
        [pl.col(name).cast(pl.String).alias(f"c{i}") for i, name in enumerate(headers)]
    ).with_row_index(ROW_NUMBER, offset=1).with_columns(pl.col(ROW_NUMBER).cast(pl.Int64))
    columns = [c for c in cells.columns if c != ROW_NUMBER]
    blank = blank_rows(cells, columns)
    return RawFile(
        path=path, format="parquet", encoding=None, headers=clean_headers(headers), cells=cells.filter(~blank),
        header_row=0, blank_rows=int(blank.sum()), size_bytes=path.stat().st_size, sha256=file_digest(path),
        raw_headers=headers,
    )


def read_sources(path: Path, known_headers: set[str]) -> tuple[list[RawFile], list[str]]:
    """Read one input file by its suffix.

    Returns its sources (one per file, or per sheet of a workbook) and notes on what was passed
    over.

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
        from qdtransport.delimited import read_csv

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
