"""Input files -> canonical polars frames, rejects, warnings and a reconciled manifest.

The flow for each table of :data:`qdtransport.contracts.TABLES`:

1. find its files in the data directory (``<table>.csv|.xlsx|.parquet`` or a folder ``<table>/``);
   an entry named like a table that cannot be opened (a dangling link, a link loop) is an error;
2. read each file as text (:mod:`qdtransport.readers`) and map its headers onto the contract;
3. clean and type every cell once (:mod:`qdtransport.validate`); rows failing any column go to
   ``rejects``; run the table's row rules (:mod:`qdtransport.rules`) with the build's settings:
   rejects and warnings;
4. collapse exact duplicates across all files of the table, and reject conflicting duplicates
   (same key, other values differ) where the table says so: one pass finds the rows whose key
   occurs more than once, and only those are compared;
5. convert positions to WGS84 (tables with a ``crs`` column), keeping the given values;
6. reconcile each file: rows read = rows loaded + rows rejected + duplicates collapsed.

A file that cannot be read stops the build with :class:`InputFileError`; a bad row never does.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from qdtransport.cells import clean_series
from qdtransport.contracts import Table
from qdtransport.domains import TABLES
from qdtransport.identify import merge_assigned
from qdtransport.parsing import DTYPES, Latest
from qdtransport.readers import SUPPORTED_SUFFIXES, InputFileError, RawFile, normalise_header, read_sources
from qdtransport.settings import Settings
from qdtransport.validate import INDEX, REJECTS_SCHEMA, WARNINGS_SCHEMA, SourceRows, parse_source

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


def header_lookup(table: Table) -> dict[str, str]:
    """Normalised header spelling -> canonical column name, for every column and alias."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        for spelling in (column.name, *column.aliases):
            lookup[normalise_header(spelling)] = column.name
    return lookup


def canonical_schema(table: Table) -> dict[str, pl.DataType]:
    """Polars dtypes of a loaded table's columns (including source and WGS84 bookkeeping)."""
    dtypes: dict[str, pl.DataType] = {column.name: DTYPES[column.type] for column in table.columns}
    if "crs" in dtypes:
        dtypes["source_lon"] = pl.Float64()
        dtypes["source_lat"] = pl.Float64()
    dtypes["source_file"] = pl.String()
    dtypes["source_row"] = pl.Int64()
    return dtypes


def find_inputs(data_dir: Path) -> tuple[dict[str, list[Path]], Path | None, list[str]]:
    """The files of each contract table, the OSM file, and notes on what was passed over.

    Raises
    ------
    InputFileError
        When the directory is missing, a table has both a file and a folder, a table has two
        files, ``osm/`` holds more than one OSM file, or an entry named like a table (or inside a
        table's folder) cannot be opened: a link to nothing, or a link loop.
    """
    if not data_dir.is_dir():
        raise InputFileError(f"{data_dir}: the data directory does not exist")
    found: dict[str, list[Path]] = {}
    notes: list[str] = []
    entries = sorted(data_dir.iterdir())
    for entry in entries:
        if entry.name.split(".")[0].lower() in TABLES:
            _check_openable(entry)
    for name in TABLES:
        # names match case-insensitively: exports saved on Windows often come as Fleet_Register.CSV
        files = [
            p for p in entries
            if p.is_file() and p.stem.lower() == name and p.suffix.lower() in SUPPORTED_SUFFIXES
        ]
        folder = next((p for p in entries if p.is_dir() and p.name.lower() == name), None)
        if folder is not None:
            if files:
                raise InputFileError(f"{data_dir}: {name} is given both as {files[0].name} and as folder {name}/")
            for member in folder.rglob("*"):
                _check_openable(member)
            members = sorted(p for p in folder.rglob("*") if p.is_file() and not _ignorable(p))
            if not members:
                notes.append(f"{folder}: folder is empty; table {name} has no input")
            found[name] = members
        elif len(files) > 1:
            raise InputFileError(f"{data_dir}: table {name} has several files ({', '.join(f.name for f in files)}); "
                                 f"put them in a folder {name}/ to read them as one table")
        elif files:
            found[name] = files
        unreadable = [
            p for p in entries
            if p.is_file() and p.stem.lower() == name and p.suffix.lower() not in SUPPORTED_SUFFIXES
            and not _ignorable(p)
        ]
        if unreadable:
            raise InputFileError(f"{unreadable[0]}: unknown file format '{unreadable[0].suffix}'; "
                                 f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    known = set(TABLES) | {"osm"}
    for path in entries:
        stem = path.name.split(".")[0].lower()
        if stem not in known and not _ignorable(path):
            notes.append(f"{path}: not an input table of the contract; ignored")
    osm_file = None
    osm_dir = next((p for p in entries if p.is_dir() and p.name.lower() == "osm"), None)
    if osm_dir is not None:
        from qdtransport.domains.charging.network.osm import PBF_SUFFIXES, XML_SUFFIXES

        candidates = sorted(
            p for p in osm_dir.iterdir() if p.is_file() and p.name.lower().endswith(XML_SUFFIXES + PBF_SUFFIXES)
        )
        notes += [
            f"{p}: not an OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf); ignored"
            for p in sorted(osm_dir.iterdir())
            if p not in candidates and not _ignorable(p) and not p.name.lower().startswith(("provenance", "license"))
        ]
        if len(candidates) > 1:
            names = ", ".join(p.name for p in candidates)
            raise InputFileError(f"{osm_dir}: holds several OSM files ({names}); keep one")
        osm_file = candidates[0] if candidates else None
    return found, osm_file, notes


def _check_openable(path: Path) -> None:
    """Raise :class:`InputFileError` naming ``path`` when it is a link that leads nowhere."""
    if not path.is_symlink() or path.exists():
        return
    try:
        path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        if "loop" in str(exc).lower() or getattr(exc, "errno", None) == 40:
            raise InputFileError(f"{path}: cannot be opened: a symbolic link loop") from None
    raise InputFileError(f"{path}: cannot be opened: it links to {os.readlink(path)}, which does not exist")


def _ignorable(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~$")) or name.lower() in ("readme.md", "readme.txt", "dataset.toml", "thumbs.db")


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
        reject_parts.append(_conflict_rejects(conflicts, sources, table))
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


def _conflict_rejects(conflicts: pl.DataFrame, sources: list[SourceRows], table: Table) -> pl.DataFrame:
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
