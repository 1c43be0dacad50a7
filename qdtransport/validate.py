"""One source's cells -> typed rows, rejects and warnings; then duplicates across a table's rows.

Each cell is cleaned and typed once. :func:`qdtransport.parsing.fast_values` settles the common
forms of every column; only the rows it leaves (other spellings, and every row with a problem) go
through the reference parser :func:`qdtransport.parsing.parse_column`, which also writes their
reasons. Raw rows (JSON) are built only for the rows that are rejected or warned about.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from qdtransport.cells import FIELD_LIMIT, clean_series, raw_row_json
from qdtransport.contracts import Table
from qdtransport.parsing import DTYPES, Latest, fast_values, parse_column
from qdtransport.rawfile import ROW_NUMBER, RawFile
from qdtransport.settings import Settings

INDEX = "__i"
"""Position of a row in its source's cells (to fetch its raw row)."""

REJECTS_SCHEMA = {
    "table_name": pl.String, "source_file": pl.String, "source_row": pl.Int64,
    "reason_code": pl.String, "reason": pl.String, "raw_row": pl.String,
}
WARNINGS_SCHEMA = {
    "table_name": pl.String, "source_file": pl.String, "source_row": pl.Int64,
    "warning_code": pl.String, "warning": pl.String, "raw_row": pl.String,
}


@dataclass
class SourceRows:
    """What one source gave: typed rows, which of them were rejected, rejects and warnings.

    Attributes
    ----------
    typed
        Every row read: contract columns (typed), ``source_file``, ``source_row`` and ``__i``.
    dropped
        True for the rows rejected (column checks, row rules); None when there are none. The rows
        are filtered once, after duplicates, so that no copy of the whole source is made here.
    rejects, warnings
        Frames of :data:`REJECTS_SCHEMA` and :data:`WARNINGS_SCHEMA`.
    raw
        The source as read, for the raw rows of later rejects (conflicting duplicates).
    """

    typed: pl.DataFrame
    dropped: pl.Series | None
    rejects: pl.DataFrame
    warnings: pl.DataFrame
    raw: RawFile

    def raw_rows(self, positions: pl.Series) -> pl.Series:
        """JSON raw rows of the cells at ``positions`` (values of ``__i``), in that order."""
        cells = self.raw.cells.select(self.raw.columns)[positions]
        headers = self.raw.raw_headers or self.raw.headers
        return cells.select(raw_row_json(headers, self.raw.columns)).to_series()


def _too_long(raw: RawFile, names: dict[str, str]) -> tuple[pl.Series, dict[int, str]]:
    """Rows holding a cell longer than :data:`FIELD_LIMIT` characters, with a reason per row."""
    cells = raw.cells
    mask = pl.Series([False] * cells.height, dtype=pl.Boolean)
    reasons: dict[int, str] = {}
    for index, column in enumerate(raw.columns):
        long_bytes = (cells[column].str.len_bytes() > FIELD_LIMIT).fill_null(False)
        if not long_bytes.any():
            continue
        lengths = cells[column].str.len_chars()
        hits = (lengths > FIELD_LIMIT).fill_null(False)
        mask = mask | hits
        header = raw.headers[index] if index < len(raw.headers) else column
        for row in hits.arg_true().to_list():
            shown = names.get(column, f"column '{header}'")
            reasons.setdefault(row, f"{shown} holds {lengths[row]:,} characters, more than the {FIELD_LIMIT:,} "
                                    "a cell may hold")
    return mask, reasons


def parse_source(
    raw: RawFile, table: Table, mapping: dict[str, str], source_file: str, *,
    settings: Settings, latest: Latest,
) -> SourceRows:
    """Clean, type and check one source's rows, and run the table's row rules.

    Parameters
    ----------
    raw
        The source as read.
    table
        Its contract table.
    mapping
        Contract column -> cell column (``c0``…), from :func:`qdtransport.headers.map_headers`.
    source_file
        Name of the source in the manifest (path relative to the data directory, ``#sheet``).
    settings, latest
        The build's settings (for the row rules) and extract date.
    """
    cells = raw.cells
    height = cells.height
    texts: dict[str, pl.Series] = {}
    cleaned: set[str] = set()
    values: dict[str, pl.Series] = {}
    unsettled = pl.Series([False] * height, dtype=pl.Boolean)
    for column in table.columns:
        name = mapping.get(column.name)
        text = cells[name] if name else pl.Series([None] * height, dtype=pl.String)
        if column.type == "text" and column.check is None:
            # free text is loaded as cleaned; every other fast path accepts only cells that
            # cleaning leaves alone, so only the rows it leaves are cleaned (below)
            text = clean_series(text)
            cleaned.add(column.name)
        values[column.name], settled = fast_values(column, text.alias(column.name), latest=latest)
        texts[column.name] = text.alias(column.name)
        unsettled = unsettled | ~settled
    long_rows, long_reasons = _too_long(raw, {v: k for k, v in mapping.items()})
    positions = (unsettled | long_rows).arg_true()
    codes, reasons, warn_codes, warns = _reference(table, texts, cleaned, values, positions, latest)
    if long_reasons:
        where = {p: i for i, p in enumerate(positions.to_list())}
        for row, text in long_reasons.items():
            i = where[row]
            codes[i] = "field_too_long"
            reasons[i] = text if reasons[i] is None else f"{text}; {reasons[i]}"
    typed = pl.DataFrame([values[c.name].cast(DTYPES[c.type]) for c in table.columns]).with_columns(
        pl.lit(source_file).alias("source_file"),
        cells[ROW_NUMBER].alias("source_row"),
        pl.int_range(height, dtype=pl.UInt32).alias(INDEX),
    )
    failed = pl.DataFrame(
        {INDEX: positions, "reason_code": codes, "reason": reasons},
        schema={INDEX: pl.UInt32, "reason_code": pl.String, "reason": pl.String},
    ).filter(
        pl.col("reason_code").is_not_null()
    )
    parse_failed = pl.Series([False] * height, dtype=pl.Boolean).scatter(failed[INDEX], True) if failed.height else None
    rule_rejected, rule_rejects, rule_warnings = _row_rules(typed, parse_failed, table, settings)
    dropped = parse_failed if rule_rejected is None else rule_rejected if parse_failed is None else (
        parse_failed | rule_rejected
    )
    parse_warnings = pl.DataFrame(
        {INDEX: positions, "warning_code": warn_codes, "warning": warns},
        schema={INDEX: pl.UInt32, "warning_code": pl.String, "warning": pl.String},
    ).filter(
        pl.col("warning_code").is_not_null() & ~pl.col(INDEX).is_in(failed[INDEX].implode())
        & ~pl.col(INDEX).is_in(rule_rejects[INDEX].implode())
    )
    rows = SourceRows(typed, dropped, pl.DataFrame(schema=REJECTS_SCHEMA), pl.DataFrame(schema=WARNINGS_SCHEMA), raw)
    rejects = pl.concat([failed, rule_rejects.select(INDEX, "reason_code", "reason")]).sort(INDEX)
    warnings = pl.concat([parse_warnings, rule_warnings.select(INDEX, "warning_code", "warning")]).sort(INDEX)
    rows.rejects = _with_raw(rows, rejects, table, source_file, REJECTS_SCHEMA)
    rows.warnings = _with_raw(rows, warnings, table, source_file, WARNINGS_SCHEMA)
    return rows


def _reference(
    table: Table, texts: dict[str, pl.Series], cleaned: set[str], values: dict[str, pl.Series],
    positions: pl.Series, latest: Latest,
) -> tuple[list, list, list, list]:
    """Run the reference parser on the rows at ``positions``; scatter their values back.

    Cells not cleaned yet are cleaned first (only those rows).

    Returns the reason code, reason, warning code and warning of each of those rows.
    """
    if positions.len() == 0:
        return [], [], [], []
    subset = pl.DataFrame([
        texts[c.name].gather(positions) if c.name in cleaned else clean_series(texts[c.name].gather(positions))
        for c in table.columns
    ])
    parsed = {c.name: parse_column(c, c.name, latest=latest) for c in table.columns}
    out = subset.select(
        *[p.value.alias(name) for name, p in parsed.items()],
        pl.coalesce([p.code for p in parsed.values()]).alias("__code"),
        pl.concat_str([p.reason for p in parsed.values()], separator="; ", ignore_nulls=True).alias("__reason"),
        pl.coalesce([p.warning_code for p in parsed.values()]).alias("__warning_code"),
        pl.concat_str([p.warning for p in parsed.values()], separator="; ", ignore_nulls=True).alias("__warning"),
    )
    for column in table.columns:
        target = values[column.name].cast(DTYPES[column.type]).clone()
        values[column.name] = target.scatter(positions, out[column.name].cast(DTYPES[column.type]))
    empty_to_none = [r if r else None for r in out["__reason"].to_list()]
    warnings = [w if w else None for w in out["__warning"].to_list()]
    return out["__code"].to_list(), empty_to_none, out["__warning_code"].to_list(), warnings


def _row_rules(
    typed: pl.DataFrame, excluded: pl.Series | None, table: Table, settings: Settings
) -> tuple[pl.Series | None, pl.DataFrame, pl.DataFrame]:
    """Run the row rules on the rows not ``excluded`` (those failed their column checks).

    Returns the mask of rows a rule rejects (None when none does), the rule rejects and the rule
    warnings (with ``__i``). A row breaking several reject rules is rejected for the first;
    warnings are kept only for rows no reject rule sends away.
    """
    rules = table.rules
    schema = {INDEX: pl.UInt32, "code": pl.String, "why": pl.String}
    as_rejects, as_warnings = {"code": "reason_code", "why": "reason"}, {"code": "warning_code", "why": "warning"}
    reject_parts = [pl.DataFrame(schema=schema)]
    warning_parts = [pl.DataFrame(schema=schema)]
    if not rules or typed.height == 0:
        return None, reject_parts[0].rename(as_rejects), warning_parts[0].rename(as_warnings)
    flags = typed.select([r.violated(settings).fill_null(False).alias(f"__rule{i}") for i, r in enumerate(rules)])
    closed = excluded if excluded is not None else pl.Series([False] * typed.height, dtype=pl.Boolean)
    rejected = pl.Series([False] * typed.height, dtype=pl.Boolean)
    ordered = [(i, r) for i, r in enumerate(rules) if r.severity == "reject"]
    ordered += [(i, r) for i, r in enumerate(rules) if r.severity != "reject"]
    for i, rule in ordered:
        hit = flags[f"__rule{i}"] & ~closed & ~rejected
        if not hit.any():
            continue
        part = typed.filter(hit).select(INDEX, pl.lit(rule.code).alias("code"), rule.reason(settings).alias("why"))
        if rule.severity == "reject":
            rejected = rejected | hit
            reject_parts.append(part)
        else:
            warning_parts.append(part)
    rejects = pl.concat(reject_parts).rename(as_rejects)
    warnings = pl.concat(warning_parts).rename(as_warnings)
    return (rejected if rejects.height else None), rejects, warnings


def _with_raw(rows: SourceRows, found: pl.DataFrame, table: Table, source_file: str, schema: dict) -> pl.DataFrame:
    """Rejects or warnings of one source, with table, place and raw row."""
    if found.height == 0:
        return pl.DataFrame(schema=schema)
    code, text = list(schema)[3:5]
    lines = rows.raw.cells[ROW_NUMBER].gather(found[INDEX])
    return pl.DataFrame(
        {
            "table_name": [table.name] * found.height, "source_file": [source_file] * found.height,
            "source_row": lines, code: found[found.columns[1]], text: found[found.columns[2]],
            "raw_row": rows.raw_rows(found[INDEX]),
        },
        schema=schema,
    )
