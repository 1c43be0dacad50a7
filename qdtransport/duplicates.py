"""Duplicates across every file of a table: exact copies collapse, conflicting ones are rejected.

Rows are compared on every contract column. Only rows whose key occurs more than once are compared
(one pass over a hash of the key finds them), so a large table is never sorted or copied whole.
"""

from __future__ import annotations

import functools
import operator

import numpy as np
import polars as pl

from qdtransport.contracts import Table
from qdtransport.validate import INDEX, REJECTS_SCHEMA, SourceRows


def collapse_duplicates(
    rows: pl.DataFrame, table: Table, dropped: pl.Series | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Collapse exact duplicates and reject conflicting ones; see :func:`find_duplicates`.

    Returns the rows to load, the duplicates collapsed per file and the conflicting rows.
    """
    keep, collapsed, conflicts = find_duplicates(rows, table, dropped)
    return (rows if keep is None else rows.filter(keep)), collapsed, conflicts


def find_duplicates(
    rows: pl.DataFrame, table: Table, dropped: pl.Series | None = None
) -> tuple[pl.Series | None, pl.DataFrame, pl.DataFrame]:
    """Collapse exact duplicates and reject conflicting ones.

    Rows are in file order then row order; the first of identical rows (equal on every contract
    column) is kept, the others are counted against their own file. Only the rows whose key
    occurs more than once are compared. Rows marked in ``dropped`` (already rejected) take no
    part and are left out of ``kept``.

    Returns
    -------
    keep
        Mask of the rows to load; None when every row is loaded.
    collapsed
        ``source_file`` and ``duplicates`` (count of rows collapsed into an earlier identical row).
    conflicts
        Conflicting duplicates: every row of a key group whose rows differ elsewhere, exact copies
        within the group included (when the table's ``key_conflicts`` is ``reject``), with
        ``reason`` naming the places of the group's rows; ``source_file``, ``source_row``,
        ``__i`` and ``reason``.
    """
    columns = table.column_names
    key = list(table.key)
    no_conflicts = pl.DataFrame(schema={"source_file": pl.String, "source_row": pl.Int64, INDEX: pl.UInt32,
                                        "reason": pl.String})
    numbered = rows.with_row_index("__g")
    live = ~dropped if dropped is not None else pl.Series([True] * rows.height, dtype=pl.Boolean)
    # rows whose key hash occurs twice; the exact comparison below runs on those alone
    key_hash = functools.reduce(operator.xor, [pl.col(k).hash(seed=i) for i, k in enumerate(key)])
    maybe = pl.Series(_repeated(rows.select(key_hash).to_series().to_numpy())) & live
    repeated = (numbered.filter(maybe) if rows.height else numbered).rechunk()
    marked = repeated.with_columns(pl.struct(columns).is_first_distinct().alias("__first"))
    if table.key_conflicts == "reject" and marked.height:
        # a key group conflicts when it holds more than one distinct row
        marked = marked.with_columns((pl.col("__first").sum().over(key) > 1).alias("__conflict"))
    else:
        marked = marked.with_columns(pl.lit(False).alias("__conflict"))
    collapsed = (
        marked.filter(~pl.col("__first") & ~pl.col("__conflict"))
        .group_by("source_file")
        .agg(pl.len().cast(pl.Int64).alias("duplicates"))
    )
    removed = marked.filter(~pl.col("__first") | pl.col("__conflict"))["__g"]
    keep = live.scatter(removed, False) if removed.len() else live
    keep = None if keep.all() else keep
    conflicting = marked.filter(pl.col("__conflict")).rechunk().with_columns(
        pl.format("{} row {}", pl.col("source_file"), pl.col("source_row")).alias("__where"),
        pl.len().over(key).alias("__group_size"),
    )
    if conflicting.height == 0:
        return keep, collapsed, no_conflicts
    places = conflicting.group_by(key).agg(pl.col("__where").alias("__places"))
    conflicts = conflicting.join(places, on=key, how="left", nulls_equal=True).sort("__g").select(
        "source_file", "source_row", INDEX,
        pl.format(
            "{} records share {} = {} but differ in other columns: {}",
            pl.col("__group_size"), pl.lit("/".join(key)),
            pl.concat_str([pl.col(k).cast(pl.String).fill_null("") for k in key], separator="/"),
            pl.col("__places").list.join(", "),
        ).alias("reason"),
    )
    return keep, collapsed, conflicts


def _repeated(values: np.ndarray) -> np.ndarray:
    """True where a value occurs more than once (by sorting: memory is returned when done)."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    same = ordered[1:] == ordered[:-1]
    repeated = np.zeros(len(values), dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    out = np.empty(len(values), dtype=bool)
    out[order] = repeated
    return out


def conflict_rejects(conflicts: pl.DataFrame, sources: list[SourceRows], table: Table) -> pl.DataFrame:
    """Rejects of conflicting duplicates, with the raw row of each from its own source."""
    if conflicts.height == 0:
        return pl.DataFrame(schema=REJECTS_SCHEMA)
    source_of = {s.typed["source_file"][0]: s for s in sources if s.typed.height}
    parts = []
    for (source_file,), group in conflicts.group_by(["source_file"], maintain_order=True):
        parts.append(group.select(
            pl.lit(table.name).alias("table_name"), "source_file", "source_row",
            pl.lit("duplicate_conflict").alias("reason_code"), "reason",
            source_of[source_file].raw_rows(group[INDEX]).alias("raw_row"),
        ))
    return pl.concat(parts).select([pl.col(n).cast(t) for n, t in REJECTS_SCHEMA.items()])
