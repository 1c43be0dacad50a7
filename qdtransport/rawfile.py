"""One input source read as text cells: the shape every reader returns.

Readers keep each cell exactly as the file gave it (:attr:`RawFile.cells`); cleaning
(:mod:`qdtransport.cells`) and parsing happen in one place (:mod:`qdtransport.ingest`), whatever
the format.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

HEADER_SEARCH_ROWS = 15
ROW_NUMBER = "__row"


class InputFileError(Exception):
    """A file that cannot be read at all; stops the build. The message names the file."""


@dataclass(frozen=True)
class BadRow:
    r"""A record rejected while reading (it never becomes cells).

    Attributes
    ----------
    line
        1-based line (CSV) where the record starts.
    code, reason
        Reason code (``undecodable_line``, ``runaway_quote``) and readable reason naming the lines.
    raw
        The record as JSON: the list of its cells, or for an undecodable line the line with each
        undecodable byte written ``\xNN``.
    """

    line: int
    code: str
    reason: str
    raw: str


@dataclass
class RawFile:
    """One input source (a file, or a sheet of a workbook) read as text.

    Attributes
    ----------
    path
        The file.
    format
        ``csv``, ``excel`` or ``parquet``.
    encoding
        Text encoding decided (``utf-8``, ``utf-8-sig``, ``gb18030``, ``utf-16``); None for binary
        formats.
    headers
        Header cells as found in the file (NFKC-normalised, trimmed), in column order.
    cells
        ``__row`` (the 1-based line (CSV), sheet row (Excel) or record number (Parquet) of each
        data row), then one String column per header (``c0``, ``c1``, …) holding each cell exactly
        as the file gave it (empty cells null). Blank rows are left out.
    header_row
        1-based line or row of the header (rows above it are titles and are skipped).
    blank_rows
        Data rows with no value in any cell, skipped (not counted as rows read).
    size_bytes, sha256
        Of the file as stored.
    raw_headers
        Header cells exactly as in the file (the keys of raw rows in rejects).
    sheet
        Sheet name, for a workbook.
    ragged_rows
        ``(row number, cells)`` of CSV rows with more non-empty cells than the header has columns
        (rows with fewer cells are padded with empty cells).
    bad_rows
        Records rejected while reading (:class:`BadRow`).
    notes
        What a reader of the build log should know about the source (hidden sheet, encoding).
    """

    path: Path
    format: str
    encoding: str | None
    headers: list[str]
    cells: pl.DataFrame
    header_row: int
    blank_rows: int
    size_bytes: int
    sha256: str
    raw_headers: list[str] = field(default_factory=list)
    sheet: str | None = None
    ragged_rows: list[tuple[int, list[str]]] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        """Names of the cell columns (``c0``, ``c1``, …)."""
        return [c for c in self.cells.columns if c != ROW_NUMBER]

    @property
    def frame(self) -> pl.DataFrame:
        """:attr:`cells` cleaned (NFKC, trimmed, null spellings as null), as parsing sees them."""
        from qdtransport.cells import clean_frame

        return clean_frame(self.cells, self.columns)

    @property
    def rows_read(self) -> int:
        """Data rows read: loaded or rejected cells, ragged rows and records rejected on reading."""
        return self.cells.height + len(self.ragged_rows) + len(self.bad_rows)


def normalise_header(text: str) -> str:
    """Header spelling used for matching.

    NFKC, lower case, no spaces or underscores (so ``Registration Date`` matches
    ``registration_date``), no trailing unit in brackets.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    cleaned = cleaned.replace(" ", "").replace("_", "").replace("\ufeff", "")
    return re.sub(r"\((?:[^()]*)\)$", "", cleaned) or cleaned


def clean_headers(headers: list[str]) -> list[str]:
    """Header cells NFKC-normalised and trimmed, without a byte-order mark."""
    return [unicodedata.normalize("NFKC", h).replace("\ufeff", "").strip() for h in headers]


def find_header(rows: list[list[object]], known: set[str]) -> int:
    """Index of the row (among the first few) whose cells match the most known header spellings."""
    best, best_hits = 0, -1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = sum(1 for cell in row if cell and normalise_header(str(cell)) in known)
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
