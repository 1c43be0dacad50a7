"""Delimited text files (CSV, TSV, …) -> cells as read, each record with its physical line.

The bytes go to polars' native reader (UTF-8 files as they are; GB18030 and mixed files first
streamed through :func:`qdtransport.encoding.transcode` into a temporary UTF-8 file), and
:mod:`qdtransport.records` numbers the records by physical line from the same bytes. A file the
native reader refuses (a stray quote inside a field, a quote never closed) is read record by
record with Python's csv module instead, which accepts anything. Either way:

- a record with more non-empty cells than the header has columns is set apart (``bad_row_shape``);
- a record whose quoted field swallowed line breaks and at least a row's worth of delimiters (an
  unclosed quote that took the rows after it) is rejected, naming the lines it took
  (``runaway_quote``);
- a line that does not decode in the file's encoding is rejected, naming the line
  (``undecodable_line``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import mmap
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

from qdtransport import encoding, records
from qdtransport.cells import blank_rows
from qdtransport.rawfile import (
    HEADER_SEARCH_ROWS,
    ROW_NUMBER,
    BadRow,
    InputFileError,
    RawFile,
    clean_headers,
    find_header,
)

HEAD_BYTES = 1 << 16
"""Bytes read to find the delimiter and the header row."""

Read = tuple[list[str], int, pl.DataFrame, list[tuple[int, list[str]]], list[BadRow], str]
"""Headers, header line, cells, rows of the wrong shape, records rejected, delimiter."""


def _sniff_delimiter(lines: list[str]) -> str:
    head = "\n".join(lines[:HEADER_SEARCH_ROWS])
    counts = {d: head.count(d) for d in (",", "\t", ";", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _numbered_records(text: str, delimiter: str) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of every non-empty record, read with the csv module."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found: list[tuple[int, int, list[str]]] = []
    previous_end = 0
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # long cells become row rejects, never a read error
    try:
        for row in reader:
            if row:
                found.append((previous_end + 1, reader.line_num, row))
            previous_end = reader.line_num
    finally:
        csv.field_size_limit(limit)
    return found


def _runaway(first: int, last: int, cells: list[str], delimiter: str, width: int) -> str | None:
    """Reason when one cell swallowed line breaks and at least a row's worth of delimiters."""
    for cell in cells:
        if "\n" in cell and cell.count(delimiter) >= max(width - 1, 1):
            return (
                f"a quoted field opened on line {first} runs to line {last}, taking {cell.count(chr(10))} line "
                f"breaks and {cell.count(delimiter)} delimiters: a quote left open swallowed lines "
                f"{first + 1}-{last}"
            )
    return None


def _ragged(cells: list[str], width: int) -> bool:
    return len(cells) > width and any((c or "").strip() for c in cells[width:])


def _frame(numbers: list[int], rows: list[list[str | None]], width: int) -> pl.DataFrame:
    columns = list(zip(*rows, strict=True)) if rows else [()] * width
    data = {f"c{i}": pl.Series(f"c{i}", columns[i], dtype=pl.String) for i in range(width)}
    return pl.DataFrame({ROW_NUMBER: pl.Series(ROW_NUMBER, numbers, dtype=pl.Int64), **data})


def _read_slow(text: str, delimiter: str, known: set[str], path: Path) -> Read:
    """Every record with the csv module: (headers, header line, frame, ragged, bad rows)."""
    found = _numbered_records(text, delimiter)
    if not found:
        raise InputFileError(f"{path}: the file is empty (no header row)")
    index = find_header([cells for _, _, cells in found], known)
    header_line, _, headers = found[index]
    width = len(headers)
    numbers: list[int] = []
    rows: list[list[str | None]] = []
    ragged: list[tuple[int, list[str]]] = []
    bad: list[BadRow] = []
    for first, last, cells in found[index + 1 :]:
        reason = _runaway(first, last, cells, delimiter, width) if last > first else None
        if reason is not None:
            bad.append(BadRow(first, "runaway_quote", reason, json.dumps(cells, ensure_ascii=False)))
        elif _ragged(cells, width):
            ragged.append((first, [c or "" for c in cells]))
        else:
            numbers.append(first)
            rows.append([c if c != "" else None for c in cells[:width]] + [None] * (width - len(cells)))
    return headers, header_line, _frame(numbers, rows, width), ragged, bad, delimiter


def _data_offset(buffer: bytes, start: int, lines: int) -> int:
    """Byte offset of the first byte after ``lines`` line feeds from ``start``."""
    position = start
    for _ in range(lines):
        position = buffer.find(b"\n", position) + 1
        if position == 0:
            return len(buffer)
    return position


def _read_fast(source: Path, buffer: bytes, start: int, known: set[str], path: Path) -> Read | None:
    """The native path; None when polars refuses the file or disagrees with the record scan."""
    head = bytes(buffer[start : start + HEAD_BYTES])
    if len(buffer) - start > HEAD_BYTES:
        head = head[: head.rfind(b"\n") + 1]
    try:
        head_text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    delimiter = _sniff_delimiter([line for line in head_text.splitlines() if line.strip()])
    found = _numbered_records(head_text, delimiter)[: HEADER_SEARCH_ROWS + 1]
    if not found:
        raise InputFileError(f"{path}: the file is empty (no header row)")
    index = find_header([cells for _, _, cells in found], known)
    _, header_end, headers = found[index]
    width = len(headers)
    offset = _data_offset(buffer, start, header_end)
    quoted = buffer.find(b'"', offset) >= 0
    scanned = records.scan(buffer, offset, header_end + 1, delimiter, quoted)
    if scanned.open_quote:
        return None
    odd = np.flatnonzero((scanned.delimiters > width - 1) | (scanned.spanned > 0))
    odd_text = {int(row): bytes(buffer[scanned.start[row] : scanned.end[row]]).decode("utf-8") for row in odd}
    _release(buffer)  # polars maps the file itself: do not hold its pages twice
    names = [f"c{i}" for i in range(width)]
    try:
        frame = pl.read_csv(
            source, has_header=False, skip_lines=header_end, separator=delimiter,
            quote_char='"' if quoted else None, schema=dict.fromkeys(names, pl.String),
            missing_columns="insert", truncate_ragged_lines=True, raise_if_empty=False,
        )
    except (pl.exceptions.ComputeError, pl.exceptions.ShapeError, pl.exceptions.SchemaError,
            pl.exceptions.NoDataError):
        return None
    if frame.height != len(scanned):
        return None
    # a quoted empty field ("") reads as an empty string; every empty cell is null, as unquoted
    empty = [name for name in names if quoted and (frame[name].str.len_bytes() == 0).any()]
    frame = frame.select(
        pl.Series(ROW_NUMBER, scanned.line, dtype=pl.Int64),
        *[pl.when(pl.col(n).str.len_bytes() == 0).then(None).otherwise(pl.col(n)).alias(n) if n in empty else n
          for n in names],
    )
    keep = ~scanned.empty
    ragged: list[tuple[int, list[str]]] = []
    bad: list[BadRow] = []
    for row, text in odd_text.items():
        cells = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        first = int(scanned.line[row])
        reason = _runaway(first, first + int(scanned.spanned[row]), cells, delimiter, width)
        if reason is not None:
            bad.append(BadRow(first, "runaway_quote", reason, json.dumps(cells, ensure_ascii=False)))
            keep[row] = False
        elif _ragged(cells, width):
            ragged.append((first, cells))
            keep[row] = False
    frame = frame if keep.all() else frame.filter(pl.Series(keep))
    return headers, found[index][0], frame, ragged, bad, delimiter


def read_csv(path: Path, known_headers: set[str]) -> RawFile:
    """Read a delimited text file (comma, tab, semicolon or pipe) as text, with line numbers.

    Raises
    ------
    InputFileError
        The file cannot be decoded as text in an accepted encoding, or has no header row.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    temporary: Path | None = None
    buffer: bytes | mmap.mmap = data
    try:
        digest = hashlib.sha256(data).hexdigest()
        _release(data)
        decision = encoding.quick(data)
        fast = None if decision is None else _read_fast(path, data, decision.bom, known_headers, path)
        bad_lines: list[encoding.BadLine] = []
        if fast is None:  # not plainly UTF-8, or the native reader refused it
            try:
                decision = encoding.decide(data, path)
            except encoding.EncodingError as exc:
                raise InputFileError(str(exc)) from None
            source, buffer, start = path, data, decision.bom
            if decision.codec != "utf-8" or not decision.clean:
                with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as out:
                    temporary = Path(out.name)
                    bad_lines = encoding.transcode(data, decision, path, out)
                _release(data)
                source, start = temporary, 0
                buffer = temporary.read_bytes() if temporary.stat().st_size < (1 << 20) else _map(temporary)
            fast = _read_fast(source, buffer, start, known_headers, path)
            if fast is None:
                text = bytes(buffer[start:]).decode("utf-8")
                fast = _read_slow(text, _sniff_delimiter(text[:HEAD_BYTES].splitlines()), known_headers, path)
        headers, header_line, frame, ragged, bad, _ = fast
    finally:
        for mapped in {id(data): data, id(buffer): buffer}.values():
            if isinstance(mapped, mmap.mmap):
                mapped.close()
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    bad += [BadRow(b.line, "undecodable_line", b.reason, json.dumps([b.text], ensure_ascii=False)) for b in bad_lines]
    columns = [c for c in frame.columns if c != ROW_NUMBER]
    blank = blank_rows(frame, columns)
    return RawFile(
        path=path, format="csv", encoding=decision.encoding, headers=clean_headers(headers),
        cells=frame.filter(~blank) if blank.any() else frame, header_row=header_line,
        blank_rows=int(blank.sum()), size_bytes=size,
        sha256=digest, raw_headers=list(headers), ragged_rows=ragged, bad_rows=sorted(bad, key=lambda b: b.line),
        notes=[decision.note] if decision.note else [],
    )


def _release(buffer: bytes | mmap.mmap) -> None:
    """Drop the resident pages of a memory map (they are read again from the page cache if needed)."""
    if isinstance(buffer, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
        buffer.madvise(mmap.MADV_DONTNEED)


def _map(path: Path) -> mmap.mmap:
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
