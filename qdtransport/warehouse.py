"""The atomic DuckDB build: load tables, run ``queries/`` in layer order, check comments, swap in.

The build writes a new file beside the target, and replaces the target only when every step has
succeeded (``os.replace``, atomic on one file system). A failed build removes its temporary file and
leaves the last good database byte-identical. The file is written with DuckDB storage version
:data:`STORAGE_VERSION` so that DuckDB 1.x readers (CLI, DBeaver, R, Python) can open it.

What the file holds
-------------------
Tables: one per input table of the contract (loaded rows), ``rejects``, ``data_quality_warnings``,
``load_manifest``, ``targets``, ``settings`` (the methodology used), ``build_info``, and the tables
each domain computes at build time (``Domain.build_tables``; e.g. the charging domain's network
check, whose tables are always there, empty without an OSM file).
Views: every ``.sql`` file of ``queries/`` in dependency order (staging, intermediate,
indicators, then scorecard; see :mod:`qdtransport.queries`), and ``indicator_values``, generated
from the registered indicators.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from qdtransport import __version__
from qdtransport.dataset import read_dataset_info
from qdtransport.db import connect, file_kind
from qdtransport.domains import DOMAINS, TABLES, indicators, target_rows
from qdtransport.domains.base import DomainBuildError
from qdtransport.i18n import text
from qdtransport.identify import assign_inputs
from qdtransport.ingest import Ingested, load_directory
from qdtransport.progress import file_lines
from qdtransport.queries import QUERY_LAYERS, QueryOrderError, ordered_query_files
from qdtransport.settings import SETTING_DESCRIPTIONS, Settings
from qdtransport.status import create_status_relations

STORAGE_VERSION = "v1.0.0"
"""DuckDB storage format written; readable by DuckDB 1.0 and later."""

Progress = Callable[[str], None]


class BuildError(Exception):
    """The build failed; the message says where. The previous database is untouched."""


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: the database, and counts for the command line."""

    db_path: Path
    rows_loaded: dict[str, int]
    rows_rejected: int
    warnings: int
    duplicates_collapsed: int
    network_checked: bool
    notes: tuple[str, ...]


TABLE_COMMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "rejects": (
        "Input rows not loaded: one row per rejected input row, with the reason",
        {
            "table_name": "Contract table the row was meant for",
            "source_file": "Input file, relative to the data directory",
            "source_row": "Line (CSV) or sheet row (Excel) or record number (Parquet) of the row",
            "reason_code": "Machine-readable reason: missing_value, bad_date, bad_vin, duplicate_conflict, …",
            "reason": "Readable reason (all problems found in the row)",
            "raw_row": "The row as the file gave it, as JSON with the file's own headers",
        },
    ),
    "data_quality_warnings": (
        "Loaded rows that look doubtful: one row per warning",
        {
            "table_name": "Contract table",
            "source_file": "Input file, relative to the data directory",
            "source_row": "Line or sheet row of the row",
            "warning_code": "Machine-readable warning, e.g. plate_powertrain_mismatch",
            "warning": "Readable warning",
            "raw_row": "The row as the file gave it, as JSON",
        },
    ),
    "load_manifest": (
        "One row per input file: rows_read = rows_loaded + rows_rejected + duplicates_collapsed",
        {
            "table_name": "Contract table the file feeds",
            "source_file": "Input file relative to the data directory (file.xlsx#sheet for one of several sheets)",
            "path": "Absolute path of the file at build time",
            "sheet": "Sheet of a workbook (each sheet holding the table is its own source)",
            "format": "csv, excel or parquet",
            "encoding": "Detected text encoding (CSV only): utf-8, utf-8-sig, gb18030",
            "size_bytes": "File size, bytes",
            "sha256": "SHA-256 of the file's bytes (hex), for provenance",
            "header_row": "Line or row of the header (rows above it are titles)",
            "rows_read": "Data rows read (blank rows excluded)",
            "rows_loaded": "Rows loaded into the table",
            "rows_rejected": "Rows written to rejects",
            "duplicates_collapsed": "Rows identical to an earlier row of the table, counted once",
            "warnings": "Loaded rows with a data-quality warning",
            "blank_rows_skipped": "Rows with no value at all, skipped",
            "extra_columns": "Headers that are not contract columns (kept out of the table)",
        },
    ),
    "targets": (
        "Transport targets of the Qingdao Carbon Peak Work Plan: one row per indicator",
        {
            "indicator_id": "Indicator id, e.g. bus_nev_share_new",
            "name_zh": "Indicator name (Chinese)",
            "name_en": "Indicator name (English)",
            "target_year": "Year the target applies to",
            "comparator": "'>=' or '>' (strictly above)",
            "target_value": "Target value (shares as fractions, volumes in their unit)",
            "unit": "share or TEU",
            "plan_text": "The plan's own wording",
        },
    ),
    "build_info": (
        "One row describing this build",
        {
            "built_at": "When the build finished (UTC)",
            "qdtransport_version": "Package version that built the file",
            "duckdb_version": "DuckDB library version that wrote the file",
            "storage_version": "DuckDB storage format of the file",
            "data_dir": "Data directory the build read",
            "dataset_name": "Name from the data directory's dataset.toml, if any",
            "synthetic": "True when dataset.toml marks the data as synthetic (demo data)",
            "dataset_description": "Description from dataset.toml",
            "as_of": "Date the exports were taken (dataset.toml as_of), if given",
            "osm_file": "OpenStreetMap file used for the network check, if any",
            "osm_sha256": "SHA-256 of that file",
            "settings_json": "The methodology settings as JSON",
            "notes": (
                "What the build passed over: files that are not contract tables, workbook sheets without the "
                "table's header"
            ),
        },
    ),
}


def settings_comments() -> tuple[str, dict[str, str]]:
    """Comments for table ``settings``: one column per setting."""
    return "Methodology settings the build used (one row); the views read them from here", dict(SETTING_DESCRIPTIONS)


def _temporary_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.building-{os.getpid()}")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a live process of another user
        return True
    return True


def remove_leftovers(db_path: Path) -> list[str]:
    """Remove the temporary files of earlier builds of ``db_path`` whose process is gone.

    A build killed while loading (``kill -9``, a power cut) leaves ``.<name>.building-<pid>`` and
    its ``.wal`` beside the database. Files of a build still running are left alone.

    Returns
    -------
    list of str
        One line per file removed, naming it and the process.
    """
    removed: list[str] = []
    prefix = f".{db_path.name}.building-"
    if not db_path.parent.is_dir():
        return removed
    for path in sorted(db_path.parent.iterdir()):
        if not path.name.startswith(prefix):
            continue
        pid_text = path.name[len(prefix) :].removesuffix(".wal")
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _process_alive(int(pid_text)):
            continue
        path.unlink(missing_ok=True)
        removed.append(f"removed {path}, left by build process {pid_text}, which is no longer running")
    return removed


def _prepare_target(db_path: Path) -> None:
    """Refuse a target that is not a DuckDB file; create its folder (errors name the path)."""
    if db_path.is_dir():
        raise BuildError(f"{db_path}: is a folder, not a database file")
    if db_path.is_file():
        kind = file_kind(db_path)
        if kind is not None:
            raise BuildError(f"{db_path}: not a DuckDB database file ({kind}); the build will not replace it")
    blocking = next((p for p in reversed(db_path.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise BuildError(f"{db_path}: cannot create the database there: {blocking} is a file, not a folder")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{db_path}: cannot create the folder {db_path.parent}: {exc.strerror}") from None


def _create_table(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> None:
    con.register("__frame", frame.to_arrow())
    try:
        con.execute(f'create table "{name}" as select * from __frame')
    finally:
        con.unregister("__frame")


def _comment(con: duckdb.DuckDBPyConnection, kind: str, name: str, text: str) -> None:
    # COMMENT ON takes no bound parameters: quote the text as an SQL string literal
    literal = "'" + text.replace("'", "''") + "'"
    con.execute(f"comment on {kind} {name} is {literal}")


def _comment_table(con: duckdb.DuckDBPyConnection, name: str, table_comment: str, columns: dict[str, str]) -> None:
    _comment(con, "table", f'"{name}"', table_comment)
    for column, words in columns.items():
        _comment(con, "column", f'"{name}"."{column}"', words)


def load_tables(con: duckdb.DuckDBPyConnection, ingested: Ingested, settings: Settings) -> None:
    """Create the contract tables and the bookkeeping tables from ingest results."""
    for name, load in ingested.tables.items():
        _create_table(con, name, load.frame)
        columns = {c.name: c.description for c in TABLES[name].columns}
        if "crs" in columns:
            columns["source_lon"] = "Longitude as the source gave it (in the crs column's system)"
            columns["source_lat"] = "Latitude as the source gave it (in the crs column's system)"
        columns["source_file"] = "Input file the row came from, relative to the data directory"
        columns["source_row"] = "Line (CSV) or sheet row (Excel) of the row in that file"
        _comment_table(con, name, f"{TABLES[name].grain} (loaded input rows)", columns)
    for name, frame in (
        ("rejects", ingested.rejects),
        ("data_quality_warnings", ingested.warnings),
        ("load_manifest", ingested.manifest),
        ("targets", pl.DataFrame(target_rows())),
    ):
        _create_table(con, name, frame)
        _comment_table(con, name, *TABLE_COMMENTS[name])
    _create_table(con, "settings", pl.DataFrame([settings.as_row()]))
    _comment_table(con, "settings", *settings_comments())


def run_queries(con: duckdb.DuckDBPyConnection, progress: Progress, lang: str = "en") -> list[str]:
    """Execute every ``queries/`` file in dependency order; returns the names created.

    The order is :func:`qdtransport.queries.ordered_query_files`: by layer, then each file after
    the files it reads. View ``indicator_values`` is created from the registered indicators
    (:func:`create_indicator_values`) before the scorecard layer runs. A file that fails is
    reported as itself: the files after it do not run.
    """
    try:
        files = ordered_query_files()
    except QueryOrderError as exc:
        raise BuildError(str(exc)) from exc
    created: list[str] = []
    for layer in QUERY_LAYERS:
        if layer == "scorecard":
            created.append(create_indicator_values(con))
            created += create_status_relations(con)
        in_layer = [f for f in files if f.layer == layer]
        for file in in_layer:
            try:
                con.execute(file.path.read_text(encoding="utf-8"))
            except duckdb.Error as exc:
                raise BuildError(f"{file.path}: {exc}") from exc
            created.append(file.name)
        progress(text("build.layer", lang, layer=layer, views=len(in_layer)))
    return created


INDICATOR_VALUE_COLUMNS: dict[str, str] = {
    "indicator_id": "Indicator id (see table targets)",
    "year": "Year the value describes",
    "value": "Indicator value: a fraction for shares, TEU for volumes",
    "numerator": "Numerator of a share (null for volumes)",
    "denominator": "Denominator of a share (null for volumes)",
    "complete": "True when the inputs cover the whole year",
}
"""Columns of view ``indicator_values`` and their comments."""


def create_indicator_values(con: duckdb.DuckDBPyConnection) -> str:
    """Create view ``indicator_values``: the union of the registered indicators' views.

    Only indicators whose view exists (their domain's SQL has been written) are included, so a
    registered indicator without SQL yet does not break the build. Returns the view name.
    """
    existing = {
        name
        for (name,) in con.execute(
            "select view_name from duckdb_views() where not internal "
            "and database_name = current_database()"
        ).fetchall()
    }
    present = [i for i in indicators() if i.view in existing]
    columns = "year, value, numerator, denominator, complete"
    if present:
        # view names come from the registered indicators and are checked against the catalog
        body = "\nunion all\n".join(
            f"select '{i.indicator_id}' as indicator_id, {columns} from \"{i.view}\"" for i in present
        )
    else:
        body = (
            "select null::varchar as indicator_id, null::integer as year, null::double as value, "
            "null::double as numerator, null::double as denominator, null::boolean as complete "
            "where false"
        )
    con.execute(f"create or replace view indicator_values as {body}")
    _comment(
        con,
        "view",
        "indicator_values",
        "Every indicator value: one row per indicator and year, the union of the views of the "
        "registered indicators (qdtransport.domains) whose view exists in this build; an "
        "indicator whose SQL is not written yet is left out",
    )
    for column, comment in INDICATOR_VALUE_COLUMNS.items():
        _comment(con, "column", f"indicator_values.{column}", comment)
    return "indicator_values"


def check_comments(con: duckdb.DuckDBPyConnection) -> None:
    """Every table, view and column other tools see must carry a comment."""
    missing = con.execute(
        """
        select table_name || coalesce('.' || column_name, '') from (
            select table_name, null as column_name, comment from duckdb_tables()
            where database_name = current_database()
            union all
            select view_name, null, comment from duckdb_views()
            where not internal and database_name = current_database()
            union all
            select table_name, column_name, comment from duckdb_columns() where database_name = current_database()
        ) where comment is null or comment = ''
        order by 1
        """
    ).fetchall()
    if missing:
        raise BuildError("relations or columns without a comment: " + ", ".join(m[0] for m in missing[:20]))


def build(
    data_dir: str | Path,
    db_path: str | Path,
    *,
    settings: Settings | None = None,
    progress: Progress = lambda message: None,
    lang: str = "en",
) -> BuildResult:
    """Build the warehouse from a data directory, atomically.

    Parameters
    ----------
    data_dir
        Directory laid out as in the input contract (tables as files or folders, ``osm/``).
    db_path
        The DuckDB file to write. Replaced only when the whole build succeeds.
    settings
        Methodology settings; defaults from :class:`qdtransport.settings.Settings`.
    progress
        Called with a line of text at each step.
    lang
        Language of the progress lines (``zh`` or ``en``).

    Returns
    -------
    BuildResult
        The path written and the row counts.

    Raises
    ------
    qdtransport.readers.InputFileError
        An input file cannot be read or lacks a required column.
    BuildError
        A query or the network check failed.
    """
    settings = settings or Settings()
    data_dir, db_path = Path(data_dir), Path(db_path)
    _prepare_target(db_path)
    for line in remove_leftovers(db_path):
        progress(text("build.note", lang, note=line))
    progress(text("build.reading", lang, data_dir=data_dir))
    dataset = read_dataset_info(data_dir) if data_dir.is_dir() else {}
    assigned, identified = assign_inputs(data_dir, dataset.pop("files", {}), lang=lang)
    ingested = load_directory(
        data_dir, settings=settings, as_of=dataset.get("as_of"), assigned=assigned
    )
    for note in [*identified, *ingested.notes]:
        progress(text("build.note", lang, note=note))
    for line in file_lines(ingested.manifest, ingested.rejects, lang=lang):
        progress(line)
    temporary = _temporary_path(db_path)
    temporary.unlink(missing_ok=True)
    con = connect(temporary, config={"storage_compatibility_version": STORAGE_VERSION})
    try:
        progress(text("build.loading", lang))
        con.execute("begin transaction")  # one commit for every table and comment
        load_tables(con, ingested, settings)
        con.execute("commit")
        _domain_tables(con, ingested, settings, dataset.get("as_of"), progress)
        _build_info(con, ingested, settings, dataset)
        progress(text("build.views", lang))
        run_queries(con, progress, lang)
        check_comments(con)
        con.execute("checkpoint")
    except BaseException:
        con.close()
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + ".wal").unlink(missing_ok=True)
        raise
    con.close()
    try:
        os.replace(temporary, db_path)
    except OSError as exc:  # e.g. Windows, while another program holds the old file open
        temporary.unlink(missing_ok=True)
        raise BuildError(
            f"{db_path}: cannot replace the database ({exc.strerror}); close the programs that have it "
            "open (DBeaver, a notebook) and build again; the previous database is unchanged"
        ) from exc
    progress(text("build.wrote", lang, db=db_path))
    manifest = ingested.manifest
    return BuildResult(
        db_path=db_path,
        rows_loaded={name: load.frame.height for name, load in ingested.tables.items()},
        rows_rejected=ingested.rejects.height,
        warnings=ingested.warnings.height,
        duplicates_collapsed=int(manifest["duplicates_collapsed"].sum()) if manifest.height else 0,
        network_checked=ingested.osm_file is not None,
        notes=tuple(ingested.notes),
    )


def _domain_tables(
    con: duckdb.DuckDBPyConnection, ingested: Ingested, settings: Settings, as_of: dt.date | None, progress: Progress
) -> None:
    """Create the tables each domain computes at build time (``Domain.build_tables``)."""
    for domain in DOMAINS:
        try:
            tables = domain.build_tables(ingested, settings=settings, as_of=as_of, progress=progress)
        except DomainBuildError as exc:
            raise BuildError(str(exc)) from exc
        for name, table in tables.items():
            _create_table(con, name, table.frame)
            _comment_table(con, name, table.comment, dict(table.columns))


def _build_info(
    con: duckdb.DuckDBPyConnection, ingested: Ingested, settings: Settings, dataset: dict[str, object]
) -> None:
    from qdtransport.readers import file_digest

    osm = ingested.osm_file
    row = {
        "built_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "qdtransport_version": __version__,
        "duckdb_version": duckdb.__version__,
        "storage_version": STORAGE_VERSION,
        "data_dir": str(ingested.data_dir.resolve()),
        **dataset,
        "osm_file": osm.name if osm else None,
        "osm_sha256": file_digest(osm) if osm else None,
        "settings_json": json.dumps(settings.as_row(), ensure_ascii=False),
        "notes": ingested.notes,
    }
    frame = pl.DataFrame([row], schema_overrides={"dataset_name": pl.String, "dataset_description": pl.String,
                                                  "osm_file": pl.String, "osm_sha256": pl.String,
                                                  "as_of": pl.Date, "notes": pl.List(pl.String)})
    _create_table(con, "build_info", frame)
    _comment_table(con, "build_info", *TABLE_COMMENTS["build_info"])
