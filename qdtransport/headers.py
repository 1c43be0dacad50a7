"""A file's headers -> the contract's columns: names, aliases and spellings matched once.

Headers match a column's name or any of its aliases after :func:`qdtransport.readers.normalise_header`
(NFKC, case, spaces and punctuation); headers that match no column are kept out of the table and
reported in the manifest.
"""

from __future__ import annotations

from qdtransport.cells import clean_series
from qdtransport.contracts import Table
from qdtransport.rawfile import InputFileError, RawFile, normalise_header


def header_lookup(table: Table) -> dict[str, str]:
    """Normalised header spelling -> canonical column name, for every column and alias."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        for spelling in (column.name, *column.aliases):
            lookup[normalise_header(spelling)] = column.name
    return lookup


def map_headers(raw: RawFile, table: Table) -> tuple[dict[str, str], list[str]]:
    """Match a file's headers to the table's columns.

    Returns
    -------
    mapping
        Canonical column name -> raw frame column (``c0``…).
    extras
        Headers that match no column (kept out of the table, reported in the manifest).

    Raises
    ------
    InputFileError
        A required column is missing, two headers name the same column, or a column with values
        has an empty header.
    """
    lookup = header_lookup(table)
    mapping: dict[str, str] = {}
    extras: list[str] = []
    for index, header in enumerate(raw.headers):
        raw_name = f"c{index}"
        if raw.format == "excel" and header.startswith("__UNNAMED__"):
            header = ""
        if not header:
            if raw.cells.height and clean_series(raw.cells[raw_name]).null_count() < raw.cells.height:
                raise InputFileError(f"{raw.path}: column {index + 1} has values but an empty header")
            continue
        canonical = lookup.get(normalise_header(header))
        if canonical is None:
            extras.append(header)
        elif canonical in mapping:
            first = raw.headers[int(mapping[canonical][1:])]
            raise InputFileError(f"{raw.path}: headers '{first}' and '{header}' both mean column {canonical}")
        else:
            mapping[canonical] = raw_name
    missing = [c.name for c in table.columns if c.required and c.name not in mapping]
    if missing:
        wanted = "; ".join(f"{m} (or {', '.join(table.column(m).aliases)})" for m in missing)
        raise InputFileError(f"{raw.path}: missing required column {wanted}")
    return mapping, extras
