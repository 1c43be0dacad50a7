r"""Cells as read -> cells as parsed: the documented canonicalisation of every text cell.

Readers keep each cell exactly as the file gave it; parsing sees the cleaned cell:

1. Unicode NFKC normalisation (full-width ``ＬＺＹ１２３`` -> ``LZY123``, ideographic space -> space),
   applied to a column only when it holds a character that NFKC changes;
2. leading and trailing white space trimmed;
3. the usual ways exports write "no value" become empty (null): ``null``, ``none``, ``nan``, ``n/a``,
   ``na``, ``\N``, ``-``, ``--``, ``—``, ``/`` in any case.

Excel error values (``#N/A``, ``#DIV/0!`` …) are kept as their text: parsing rejects or warns on
them, naming the error. The raw row of a reject or warning is the cells before cleaning
(:func:`raw_row_json`).
"""

from __future__ import annotations

import functools
import itertools
import unicodedata

import polars as pl

NULL_SPELLINGS = ("", "null", "none", "nan", "n/a", "na", "\\n", "-", "--", "—", "/")
"""Cell texts read as "no value" (compared case-insensitively after trimming)."""

EXCEL_ERRORS: dict[str, str] = {
    "#N/A": "no value available",
    "#DIV/0!": "division by zero",
    "#VALUE!": "wrong kind of value",
    "#REF!": "reference to a deleted cell",
    "#NAME?": "unknown function or name",
    "#NUM!": "invalid number",
    "#NULL!": "empty intersection of ranges",
    "#SPILL!": "spilled array blocked",
    "#CALC!": "calculation error",
    "#GETTING_DATA": "value still being fetched",
}
"""Excel error values and what they mean; a cell holding one is never read as data."""

FIELD_LIMIT = 131_072
"""Longest cell accepted, in characters; a row with a longer cell is rejected (``field_too_long``)."""


def _case_variants(word: str) -> set[str]:
    options = [(c.lower(), c.upper()) if c.isalpha() else (c,) for c in word]
    return {"".join(p) for p in itertools.product(*options)}


NULL_VARIANTS: tuple[str, ...] = tuple(sorted(set().union(*(_case_variants(w) for w in NULL_SPELLINGS))))
"""Every case spelling of :data:`NULL_SPELLINGS` (so that no cell needs lower-casing)."""


@functools.cache
def nfkc_sensitive_pattern() -> str:
    """Regex character class of the characters NFKC may change (or compose with a neighbour).

    Built once from :mod:`unicodedata`: every BMP character whose NFKC form differs, every
    combining character, the Hangul jamo, and every character beyond the BMP.
    """
    codes = [c for c in range(0x80, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    chars = pl.Series([chr(c) for c in codes], dtype=pl.String)
    changed = (chars.str.normalize("NFKC") != chars).to_list()
    ranges: list[tuple[int, int]] = []
    for code, char, differs in zip(codes, chars.to_list(), changed, strict=True):
        if differs or unicodedata.combining(char) or 0x1100 <= code <= 0x11FF:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = [f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges]
    return "[" + "".join(parts) + "\\x{10000}-\\x{10FFFF}]"


def _has_non_ascii(series: pl.Series) -> bool:
    return bool(series.str.len_bytes().sum() != series.str.len_chars().sum())


def clean_series(series: pl.Series) -> pl.Series:
    """One column of cells as read -> cleaned text (see the module docstring); empty as null.

    A column with few distinct values (districts, operators) is cleaned value by value.
    """
    text = series.cast(pl.String)
    if text.len() > 50_000 and text.head(10_000).n_unique() < 1_000:
        distinct = text.unique()
        if distinct.len() * 10 < text.len():
            cleaned = _clean(distinct)
            changed = ~(cleaned == distinct).fill_null(False) & distinct.is_not_null()
            if not changed.any():
                return text
            return text.replace_strict(distinct.filter(changed), cleaned.filter(changed), default=text)
    return _clean(text)


def _clean(text: pl.Series) -> pl.Series:
    if _has_non_ascii(text) and text.str.contains(nfkc_sensitive_pattern()).any():
        text = text.str.normalize("NFKC")
    text = text.str.strip_chars()
    return text.set(text.is_in(NULL_VARIANTS).fill_null(False), None)


def clean_frame(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """``frame`` with ``columns`` cleaned by :func:`clean_series`."""
    return frame.with_columns([clean_series(frame[name]).alias(name) for name in columns])


def blank_rows(frame: pl.DataFrame, columns: list[str]) -> pl.Series:
    """Boolean mask of the rows whose every cell is empty once cleaned.

    Column by column on a shrinking set of candidate rows, so that the usual row (a value in its
    first cell) costs one cleaned column, not all of them.
    """
    candidates = pl.Series("i", range(frame.height), dtype=pl.UInt32)
    for name in columns:
        if candidates.len() == 0:
            break
        cells = frame[name].gather(candidates)
        # a cell starting with a letter or digit other than n/N (every null spelling starts with
        # n, a sign or white space) or with a Chinese character is never empty once cleaned
        surely_filled = cells.str.contains(r"^[0-9A-MO-Za-mo-z\p{Han}]").fill_null(False)
        candidates = candidates.filter(~surely_filled)
        if candidates.len():
            maybe = frame[name].gather(candidates)
            candidates = candidates.filter(_clean(maybe).is_null())
    mask = pl.Series("blank", [False] * frame.height, dtype=pl.Boolean)
    return mask.scatter(candidates, True) if columns else mask


def raw_row_json(headers: list[str], columns: list[str]) -> pl.Expr:
    """The row exactly as the file gave it, as JSON text keyed by the file's own headers.

    Empty cells are null; a header used twice gets a trailing ``_``, an empty header the name
    ``column_<n>``.
    """
    fields = []
    seen: set[str] = set()
    for index, (header, column) in enumerate(zip(headers, columns, strict=True)):
        name = header.strip() or f"column_{index + 1}"
        while name in seen:
            name += "_"
        seen.add(name)
        cell = pl.col(column).cast(pl.String)
        fields.append(pl.when(cell == "").then(None).otherwise(cell).alias(name))
    return pl.struct(fields).struct.json_encode() if fields else pl.lit("{}")
