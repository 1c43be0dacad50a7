"""Helpers of the contract tests: valid identifiers, input files, a build, queries.

The identifiers are computed here from the standards the input contract names (GB 16735 /
ISO 3779 for the VIN check digit, ISO 6346 for the container check digit), not from the product,
so that the fixtures are valid by the contract's own definition.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import duckdb

from qdtransport.warehouse import build

VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7, "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(serial: int, prefix: str = "LFV3A23C") -> str:
    """A 17-character VIN whose 9th character is the ISO 3779 check digit.

    ``prefix`` is the first 8 characters; the serial fills characters 10 to 17 (model year ``R``,
    plant ``A``, six digits).
    """
    body = f"{prefix}0RA{serial:06d}"
    total = sum(VIN_VALUES[c] * w for c, w in zip(body, VIN_WEIGHTS, strict=True))
    check = total % 11
    return f"{prefix}{'X' if check == 10 else check}RA{serial:06d}"


def container_no(serial: int, owner: str = "CSQU") -> str:
    """An ISO 6346 container number: owner code, six-digit serial and its check digit."""
    values: dict[str, int] = {}
    value = 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    body = f"{owner}{serial:06d}"
    total = sum((values[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(body))
    return f"{body}{total % 11 % 10}"


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV text (newline line ends) of a header and rows; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], encoding: str = "utf-8"
) -> Path:
    """Write a CSV file of ``header`` and ``rows`` in ``encoding``; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_text(header, rows).encode(encoding))
    return path


def build_db(data_dir: Path, db_path: Path | None = None, **kwargs: object) -> Path:
    """Build ``data_dir`` into a database (default ``<data_dir>.duckdb``); returns its path."""
    db_path = db_path or data_dir.with_suffix(".duckdb")
    build(data_dir, db_path, **kwargs)
    return db_path


def rows(db_path: Path, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
    """The result of ``sql`` on a read-only connection, one dict per row."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        cursor = con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def relation_exists(db_path: Path, name: str) -> bool:
    """True when the database has a table or view called ``name``."""
    found = rows(
        db_path, "select 1 from information_schema.tables where table_schema = 'main' and table_name = ?", [name]
    )
    return bool(found)
