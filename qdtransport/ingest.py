"""Input files -> canonical polars frames, rejects, warnings and a reconciled manifest.

The flow for each table of :data:`qdtransport.contracts.TABLES`:

1. find its files in the data directory (:mod:`qdtransport.inputs`);
2. read each file as text (:mod:`qdtransport.readers`) and map its headers onto the contract
   (:mod:`qdtransport.headers`);
3. clean and type every cell once (:mod:`qdtransport.validate`); rows failing any column go to
   ``rejects``; run the table's row rules (:mod:`qdtransport.rules`) with the build's settings:
   rejects and warnings;
4. collapse exact duplicates across all files of the table, and reject conflicting duplicates
   (same key, other values differ) where the table says so (:mod:`qdtransport.duplicates`);
5. convert positions to WGS84 (tables with a ``crs`` column), keeping the given values;
6. reconcile each file: rows read = rows loaded + rows rejected + duplicates collapsed.

A file that cannot be read stops the build with :class:`InputFileError`; a bad row never does.
The names of steps 1, 2 and 4 are importable from here too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from qdtransport.contracts import Table
from qdtransport.domains import TABLES
from qdtransport.duplicates import collapse_duplicates, conflict_rejects, find_duplicates
from qdtransport.headers import header_lookup, map_headers
from qdtransport.identify import merge_assigned
from qdtransport.inputs import find_inputs
from qdtransport.parsing import DTYPES, Latest
from qdtransport.readers import InputFileError, RawFile, read_sources
from qdtransport.settings import Settings
from qdtransport.validate import REJECTS_SCHEMA, WARNINGS_SCHEMA, SourceRows, parse_source

__all__ = [
    "MANIFEST_SCHEMA", "SOURCE_COLUMNS", "Ingested", "InputFileError", "TableLoad", "canonical_schema",
    "collapse_duplicates", "find_duplicates", "find_inputs", "header_lookup", "load_directory", "load_table",
    "map_headers",
]

SOURCE_COLUMNS = ("source_file", "source_row")
MANIFEST_SCHEMA = {
    "table_name": pl.String, "source_file": pl.String, "path": pl.String, "sheet": pl.String,
    "format": pl.String,
    "encoding": pl.String, "size_bytes": pl.Int64, "sha256": pl.String, "header_row": pl.Int64,
    "rows_read": pl.Int64, "rows_loaded": pl.Int64, "rows_rejected": pl.Int64,
    "duplicates_collapsed": pl.Int64, "warnings": pl.Int64, "blank_rows_skipped": pl.Int64,
    "extra_columns": pl.List(pl.String),
}


@dataclass
class TableLoad:
    """What ingest made of one table.

    Attributes
    ----------
    table
        The contract table.
    rows
        Every row typed: the contract columns with canonical dtypes (positions in WGS84 with
        ``source_lon``/``source_lat`` beside them where the table has a ``crs``), then
        ``source_file`` and ``source_row``; rejected rows and collapsed duplicates included.
    keep
        Mask of the rows loaded (None: all of them). :attr:`frame` is ``rows`` filtered by it;
        the build filters batch by batch instead, so that a large table is never copied whole.
    rejects, warnings, manifest
        Rows for the warehouse tables ``rejects``, ``data_quality_warnings`` and
        ``load_manifest`` (schemas :data:`REJECTS_SCHEMA`, :data:`WARNINGS_SCHEMA`,
        :data:`MANIFEST_SCHEMA`); the manifest has one row per source: a file, or a sheet of a
        workbook.
    notes
        What was passed over (workbook sheets without the table's header).
    """

    table: Table
    rows: pl.DataFrame
    rejects: pl.DataFrame
    warnings: pl.DataFrame
    manifest: pl.DataFrame
    notes: list[str] = field(default_factory=list)
    keep: pl.Series | None = None

    @property
    def frame(self) -> pl.DataFrame:
        """Loaded rows (see :attr:`rows`)."""
        return self.rows if self.keep is None else self.rows.filter(self.keep)

    @property
    def height(self) -> int:
        """Number of rows loaded."""
        return self.rows.height if self.keep is None else int(self.keep.sum())


@dataclass
class Ingested:
    """Everything ingest read from a data directory."""

    data_dir: Path
    tables: dict[str, TableLoad]
    osm_file: Path | None
    notes: list[str] = field(default_factory=list)

    @property
    def rejects(self) -> pl.DataFrame:
        """Rejected rows of every table."""
        return pl.concat([t.rejects for t in self.tables.values()], how="vertical")

    @property
    def warnings(self) -> pl.DataFrame:
        """Warnings of every table."""
        return pl.concat([t.warnings for t in self.tables.values()], how="vertical")

    @property
    def manifest(self) -> pl.DataFrame:
        """Manifest rows of every table."""
        return pl.concat([t.manifest for t in self.tables.values()], how="vertical")


def canonical_schema(table: Table) -> dict[str, pl.DataType]:
    """Polars dtypes of a loaded table's columns (including source and WGS84 bookkeeping)."""
    dtypes: dict[str, pl.DataType] = {column.name: DTYPES[column.type] for column in table.columns}
    if "crs" in dtypes:
        dtypes["source_lon"] = pl.Float64()
        dtypes["source_lat"] = pl.Float64()
    dtypes["source_file"] = pl.String()
    dtypes["source_row"] = pl.Int64()
    return dtypes


def _to_wgs84(frame: pl.DataFrame) -> pl.DataFrame:
    from qdtransport.coords import with_wgs84

    return with_wgs84(frame, lon="lon", lat="lat", crs="crs")


def _read_rejects(raw: RawFile, table: Table, source_file: str) -> pl.DataFrame:
    """Rejects found while reading: rows of the wrong shape, undecodable lines, runaway quotes."""
    rows = [
        (n, "bad_row_shape", f"row has {len(c)} cells but the header has {len(raw.headers)} columns",
         json.dumps(c, ensure_ascii=False))
        for n, c in raw.ragged_rows
    ] + [(b.line, b.code, b.reason, b.raw) for b in raw.bad_rows]
    return pl.DataFrame(
        {
            "table_name": [table.name] * len(rows), "source_file": [source_file] * len(rows),
            "source_row": [r[0] for r in rows], "reason_code": [r[1] for r in rows],
            "reason": [r[2] for r in rows], "raw_row": [r[3] for r in rows],
        },
        schema=REJECTS_SCHEMA,
    )


def load_table(
    table: Table, files: list[Path], *, data_dir: Path, settings: Settings | None = None,
    latest: Latest | None = None,
) -> TableLoad:
    """Read, check and reconcile every file of one table.

    Parameters
    ----------
    table
        The contract table.
    files
        Its input files, in the order they are read (later files' duplicates collapse into
        earlier ones).
    data_dir
        The data directory; ``source_file`` is given relative to it.
    settings
        The build's settings, passed to the row rules; defaults of
        :class:`~qdtransport.settings.Settings` when None.
    latest
        The extract date: dates after it are rejected. None: the build date (today).

    Returns
    -------
    TableLoad
        Loaded rows, rejects, warnings and one manifest row per file. With no files, every frame
        is empty (with its schema).

    Raises
    ------
    InputFileError
        A file cannot be read or lacks a required column.
    """
    settings = settings or Settings()
    latest = latest or Latest(dt.date.today(), "the build date")
    known = set(header_lookup(table))
    sources: list[SourceRows] = []
    reject_parts: list[pl.DataFrame] = [pl.DataFrame(schema=REJECTS_SCHEMA)]
    warning_parts: list[pl.DataFrame] = [pl.DataFrame(schema=WARNINGS_SCHEMA)]
    file_facts: list[dict] = []
    notes: list[str] = []
    for path in files:
        found, sheet_notes = read_sources(path, known)
        notes += sheet_notes
        relative = path.relative_to(data_dir).as_posix() if path.is_relative_to(data_dir) else str(path)
        several_sheets = len(found) + len(sheet_notes) > 1
        for raw in found:
            notes += raw.notes
            source_file = f"{relative}#{raw.sheet}" if several_sheets else relative
            mapping, extras = map_headers(raw, table)
            rows = parse_source(raw, table, mapping, source_file, settings=settings, latest=latest)
            sources.append(rows)
            reject_parts += [_read_rejects(raw, table, source_file), rows.rejects]
            warning_parts.append(rows.warnings)
            file_facts.append({
                "table_name": table.name, "source_file": source_file, "path": str(path.resolve()),
                "sheet": raw.sheet, "format": raw.format, "encoding": raw.encoding,
                "size_bytes": raw.size_bytes, "sha256": raw.sha256, "header_row": raw.header_row,
                "rows_read": raw.rows_read, "blank_rows_skipped": raw.blank_rows, "extra_columns": extras,
            })

    schema = canonical_schema(table)
    if sources:
        rows = pl.concat([s.typed for s in sources], how="vertical") if len(sources) > 1 else sources[0].typed
        masks = [
            s.dropped if s.dropped is not None else pl.Series([False] * s.typed.height, dtype=pl.Boolean)
            for s in sources
        ]
        dropped = pl.concat(masks) if any(s.dropped is not None for s in sources) else None
        keep, collapsed, conflicts = find_duplicates(rows, table, dropped)
        reject_parts.append(conflict_rejects(conflicts, sources, table))
        del sources  # the cells as read are no longer needed
    else:
        rows = pl.DataFrame(schema={**{c: schema[c] for c in table.column_names}, "source_file": pl.String,
                                    "source_row": pl.Int64})
        keep = None
        collapsed = pl.DataFrame(schema={"source_file": pl.String, "duplicates": pl.Int64})

    rejects = pl.concat(reject_parts, how="vertical")
    warnings = pl.concat(warning_parts, how="vertical")
    loaded = rows.select("source_file", "source_row")
    loaded = loaded if keep is None else loaded.filter(keep)
    # a row rejected as a conflicting duplicate may also have carried a warning: keep only the
    # warnings of rows that were loaded
    if warnings.height:
        warnings = warnings.join(loaded, on=["source_file", "source_row"], how="semi")
    if "crs" in table.column_names:  # small tables: convert only the rows loaded
        rows, keep = (rows if keep is None else rows.filter(keep)), None
        rows = _to_wgs84(rows)
    rows = rows.select([pl.col(name).cast(dtype) for name, dtype in schema.items()])
    manifest = _manifest(file_facts, loaded, rejects, warnings, collapsed)
    return TableLoad(
        table=table, rows=rows, rejects=rejects, warnings=warnings, manifest=manifest, notes=notes, keep=keep
    )


def _manifest(
    facts: list[dict], frame: pl.DataFrame, rejects: pl.DataFrame, warnings: pl.DataFrame, collapsed: pl.DataFrame
) -> pl.DataFrame:
    if not facts:
        return pl.DataFrame(schema=MANIFEST_SCHEMA)

    def counts(df: pl.DataFrame, name: str) -> pl.DataFrame:
        return df.group_by("source_file").agg(pl.len().cast(pl.Int64).alias(name))

    manifest = (
        pl.DataFrame(facts, schema_overrides={"extra_columns": pl.List(pl.String), "encoding": pl.String})
        .join(counts(frame, "rows_loaded"), on="source_file", how="left")
        .join(counts(rejects, "rows_rejected"), on="source_file", how="left")
        .join(counts(warnings, "warnings"), on="source_file", how="left")
        .join(collapsed.rename({"duplicates": "duplicates_collapsed"}), on="source_file", how="left")
        .with_columns(pl.col("rows_loaded", "rows_rejected", "warnings", "duplicates_collapsed").fill_null(0))
        .select([pl.col(name).cast(dtype) for name, dtype in MANIFEST_SCHEMA.items()])
    )
    unbalanced = manifest.filter(
        pl.col("rows_read") != pl.col("rows_loaded") + pl.col("rows_rejected") + pl.col("duplicates_collapsed")
    )
    if unbalanced.height:  # an internal error, never a data problem: stop rather than lose rows
        raise RuntimeError(f"rows do not reconcile for {unbalanced['source_file'].to_list()}")
    return manifest


def load_directory(
    data_dir: str | Path, *, settings: Settings | None = None, as_of: dt.date | None = None,
    assigned: Mapping[Path, str | None] | None = None,
) -> Ingested:
    """Load every contract table found in a data directory.

    Parameters
    ----------
    data_dir
        The directory laid out as in the input contract.
    settings
        The build's settings, passed to every table's row rules.
    as_of
        The extract date (``dataset.toml`` ``as_of``); dates after it are rejected. None: the
        build date.
    assigned
        Entries not named after a table -> the table they feed, or None (qdtransport.identify).

    Returns
    -------
    Ingested
        One :class:`TableLoad` per contract table (empty where the table has no input), the OSM
        file if ``osm/`` has one, and notes on files passed over.
    """
    data_dir = Path(data_dir)
    latest = Latest(as_of, "dataset.toml as_of") if as_of else Latest(dt.date.today(), "the build date")
    found, osm_file, notes = find_inputs(data_dir)
    merge_assigned(found, notes, assigned or {})  # files kept under their own names
    tables = {
        name: load_table(table, found.get(name, []), data_dir=data_dir, settings=settings, latest=latest)
        for name, table in TABLES.items()
    }
    notes += [note for load in tables.values() for note in load.notes]
    return Ingested(data_dir=data_dir, tables=tables, osm_file=osm_file, notes=notes)
