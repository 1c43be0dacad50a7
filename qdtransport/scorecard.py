"""Reading and formatting the scorecard of a built database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the command line answers without loading polars
    import duckdb
    import polars as pl

SCORECARD_COLUMNS: tuple[str, ...] = (
    "indicator_id", "year", "value", "numerator", "denominator", "target_value", "comparator",
    "unit", "met", "complete",
)
"""The public scorecard columns (spec/indicators.md), in order."""


class NoDatabaseError(FileNotFoundError):
    """The database file does not exist; :meth:`localized` gives the message in a language."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(self.localized("en"))

    def localized(self, lang: str) -> str:
        """Return the message in ``lang`` (``zh`` or ``en``)."""
        from qdtransport.i18n import text

        return text("cli.no_database", lang, path=self.path)


def connect_read_only(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a built database read-only; :class:`NoDatabaseError` when it does not exist."""
    path = Path(db_path)
    if not path.is_file():
        raise NoDatabaseError(path)
    from qdtransport.db import connect

    return connect(path, read_only=True)


def read_scorecard(db_path: str | Path, *, year: int | None = None) -> list[dict[str, object]]:
    """Scorecard rows of a built database.

    Parameters
    ----------
    db_path
        The DuckDB file.
    year
        Only rows of this year; all years when None.

    Returns
    -------
    list of dict
        One dict per row with the keys of :data:`SCORECARD_COLUMNS` (value and target_value as
        fractions or TEU, numerator/denominator as counts, met/complete as booleans), ordered by
        indicator and year.
    """
    with connect_read_only(db_path) as con:
        cursor = con.execute(
            f"select {', '.join(SCORECARD_COLUMNS)} from scorecard where ? is null or year = ? "
            "order by indicator_id, year",
            [year, year],
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def targets_in_year(con: duckdb.DuckDBPyConnection, year: int) -> pl.DataFrame:
    """Every plan target with its scorecard row in ``year``, or no value where there is none.

    Parameters
    ----------
    con
        A connection to a built database.
    year
        The year to report.

    Returns
    -------
    polars.DataFrame
        One row per target: indicator_id, year (the year asked), value, numerator, denominator
        (null where the indicator has no value that year), target_value, comparator, unit, met,
        complete, target_year, name_zh, name_en, and from view ``target_status`` status,
        reason_zh, reason_en (null for a year outside its span). Indicators with a value come
        first.
    """
    return con.sql(
        """
        select targets.indicator_id, ?::integer as year, scorecard.value, scorecard.numerator,
            scorecard.denominator, targets.target_value, targets.comparator, targets.unit,
            scorecard.met, scorecard.complete, targets.target_year, targets.name_zh,
            targets.name_en, target_status.status, target_status.reason_zh, target_status.reason_en
        from targets
        left join scorecard on scorecard.indicator_id = targets.indicator_id and scorecard.year = ?
        left join target_status
            on target_status.indicator_id = targets.indicator_id and target_status.year = ?
        order by scorecard.value is null, targets.indicator_id
        """,
        params=[year, year, year],
    ).pl()


def _human(row: dict[str, object]) -> list[str]:
    unit = row["unit"]

    def fmt(value: object) -> str:
        if value is None:
            return ""
        if unit == "share":
            return f"{float(value):.1%}"
        return f"{float(value):,.0f}"

    share_parts = f"{row['numerator']:,.0f}/{row['denominator']:,.0f}" if row["denominator"] is not None else ""
    return [
        str(row["indicator_id"]), str(row["year"]), fmt(row["value"]), share_parts,
        f"{row['comparator']} {fmt(row['target_value'])}", "yes" if row["met"] else "no",
        "yes" if row["complete"] else "no",
    ]


def format_scorecard(rows: list[dict[str, object]], fmt: str) -> str:
    """Scorecard rows as ``table`` (aligned text for people), ``json`` or ``csv``."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(SCORECARD_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    header = ["indicator", "year", "value", "n/d", "target", "met", "complete"]
    body = [_human(r) for r in rows]
    if not body:
        return "no scorecard rows (no indicator has data for the selection)\n"
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)) for b in body]
    return "\n".join(lines) + "\n"


def value_years(db_path: str | Path) -> list[int]:
    """Years in which at least one indicator has a value, ascending (view ``indicator_values``)."""
    with connect_read_only(db_path) as con:
        rows = con.execute("select distinct year from indicator_values order by year").fetchall()
    return [year for (year,) in rows]
