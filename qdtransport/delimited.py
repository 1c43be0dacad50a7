"""Delimited text files (CSV, TSV, …) -> cells as read, each record with its physical line.

The bytes go to polars' native reader (UTF-8 files as they are; GB18030 and mixed files first
streamed through :func:`qdtransport.encoding.transcode` into a temporary UTF-8 file), and
each record is numbered by its physical line from the line breaks in its cells. A file the
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

from qdtransport import encoding
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

CHUNK = 1 << 24
LINE_FEED = ord("\n")
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


EXTRA = "__extra"
"""A column after the header's: a row with a value there has more cells than the header."""


def _line_feeds(buffer: bytes, offset: int) -> np.ndarray:
    """Positions of every line feed from ``offset`` on (by chunks, for bounded memory)."""
    data = np.frombuffer(buffer, dtype=np.uint8)
    parts = [
        np.flatnonzero(data[at : at + CHUNK] == LINE_FEED) + at for at in range(offset, len(data), CHUNK)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _read_fast(source: Path, buffer: bytes, start: int, known: set[str], path: Path) -> Read | None:
    """The native path; None when polars refuses the file or the line count does not add up.

    Records are numbered from the cells: a record starts one line after the previous one, plus
    the line breaks inside its quoted cells. Rows with more cells than the header make polars
    stop (then the csv module reads the file) unless there is exactly one more, which is kept in
    :data:`EXTRA` to set the row apart.
    """
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
    header_line, header_end, headers = found[index]
    width = len(headers)
    offset = _data_offset(buffer, start, header_end)
    quoted = buffer.find(b'"', offset) >= 0
    lines = _count_lines(buffer, offset)
    _release(buffer)  # polars maps the file itself: do not hold its pages twice
    names = [f"c{i}" for i in range(width)]
    try:
        frame = pl.read_csv(
            source, has_header=False, skip_lines=header_end, separator=delimiter,
            quote_char='"' if quoted else None, schema=dict.fromkeys([*names, EXTRA], pl.String),
            missing_columns="insert", truncate_ragged_lines=False, raise_if_empty=False,
        )
    except (pl.exceptions.ComputeError, pl.exceptions.ShapeError, pl.exceptions.SchemaError,
            pl.exceptions.NoDataError):
        return None
    columns = [*names, EXTRA]
    if quoted:  # a quoted empty field ("") reads as an empty string; every empty cell is null
        frame = frame.with_columns(
            [pl.when(pl.col(n).str.len_bytes() == 0).then(None).otherwise(pl.col(n)).alias(n) for n in columns]
        )
    breaks = [frame[n].str.count_matches("\n", literal=True).fill_null(0) for n in columns
              if quoted and frame[n].str.contains("\n", literal=True).any()]
    spans = (
        sum(breaks[1:], breaks[0]).cast(pl.Int64) if breaks else pl.repeat(0, frame.height, dtype=pl.Int64, eager=True)
    )
    if frame.height + int(spans.sum()) != lines:
        return None
    first = header_end + 1
    numbers = pl.int_range(first, first + frame.height, dtype=pl.Int64, eager=True) + spans.cum_sum() - spans
    frame = frame.with_columns(numbers.alias(ROW_NUMBER))
    keep = pl.repeat(True, frame.height, eager=True)
    ragged: list[tuple[int, list[str]]] = []
    bad: list[BadRow] = []
    odd = frame.with_row_index("__at").filter(pl.col(EXTRA).is_not_null() | (spans > 0))
    for row in odd.iter_rows(named=True):
        cells = [row[n] or "" for n in names] + ([row[EXTRA]] if row[EXTRA] is not None else [])
        number = row[ROW_NUMBER]
        reason = _runaway(number, number + int(spans[row["__at"]]), cells, delimiter, width)
        if reason is not None:
            bad.append(BadRow(number, "runaway_quote", reason, json.dumps(cells, ensure_ascii=False)))
        elif row[EXTRA] is not None:
            ragged.append((number, cells))
        else:
            continue
        keep[row["__at"]] = False
    empty = frame.select(pl.all_horizontal([pl.col(n).is_null() for n in columns])).to_series()
    if empty.any():  # rows of nothing: an empty line is passed over, a row of empty cells is kept
        keep = keep & ~_empty_lines(buffer, start, frame[ROW_NUMBER], empty)
    frame = frame.select(ROW_NUMBER, *names)
    return headers, header_line, (frame if keep.all() else frame.filter(keep)), ragged, bad, delimiter


def _count_lines(buffer: bytes, offset: int) -> int:
    """Physical lines from ``offset`` to the end (a last line without a line feed counts)."""
    data = np.frombuffer(buffer, dtype=np.uint8)
    feeds = sum(int(np.count_nonzero(data[at : at + CHUNK] == LINE_FEED)) for at in range(offset, len(data), CHUNK))
    return feeds + (1 if len(data) > offset and data[-1] != LINE_FEED else 0)


def _empty_lines(buffer: bytes, start: int, numbers: pl.Series, candidates: pl.Series) -> pl.Series:
    """True for the candidate rows whose line is empty (nothing, or a lone carriage return)."""
    feeds = _line_feeds(buffer, 0)
    out = [False] * len(numbers)
    for at in candidates.arg_true().to_list():
        line = int(numbers[at])  # 1-based: the line starts after feed line-2 and ends at feed line-1
        begin = int(feeds[line - 2]) + 1 if line >= 2 else start
        end = int(feeds[line - 1]) if line - 1 < len(feeds) else len(buffer)
        out[at] = bytes(buffer[begin:end]) in (b"", b"\r")
    return pl.Series(out, dtype=pl.Boolean)


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
