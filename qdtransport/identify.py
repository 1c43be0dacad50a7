"""Input files kept under their own names: which table each one is, from its headers.

A file of the data directory whose name is not a table name (``营运车辆登记信息.csv``) is looked at
before the build reads anything:

- listed in ``dataset.toml`` under ``[files]`` (file or folder name -> table), it is read as that
  table;
- otherwise, when its headers hold every required column of exactly one input table, it is read
  as that table, and the build says so (unless that table already has a file named after it:
  then it is left out, with a note saying how to read both);
- otherwise it is left out, and the note names the table its headers come closest to, the
  required columns missing and the ``[files]`` line that maps it.

Only the first rows are read here (the header may sit below title rows); the file is read in full
by the ingest like any other input.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from qdtransport.i18n import text

PEEK_BYTES = 64 * 1024
"""Bytes of a CSV file read to find its header."""
PEEK_ROWS = 30
"""Rows looked at for the header (title rows above it are common in exports)."""
NOT_DATA = ("readme.txt", "readme.md", "dataset.toml", "thumbs.db")
"""File names never read as data (the ingest passes them over too)."""
READABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".parquet")


@dataclass(frozen=True)
class Identification:
    """What the headers of one file say.

    Attributes
    ----------
    path
        The file.
    table
        The one table whose required columns the headers all hold; None when no table or several
        tables fit.
    closest
        The table matching most headers (None when no header matches any table).
    matched
        Columns of ``closest`` the headers name.
    missing
        Required columns of ``closest`` the headers do not name.
    fitting
        Every table whose required columns the headers all hold.
    """

    path: Path
    table: str | None
    closest: str | None
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    fitting: tuple[str, ...]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", errors="replace")


def peek_rows(path: Path) -> list[list[list[str]]]:
    """Read the first rows of each source of a file: per source (a CSV, a sheet), rows as text.

    Parquet files give one row: the column names.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import polars as pl

        return [[list(pl.read_parquet_schema(path))]]
    if suffix in (".xlsx", ".xlsm", ".xls"):
        import fastexcel

        reader = fastexcel.read_excel(path)
        sources = []
        for name in reader.sheet_names:
            frame = reader.load_sheet(name, header_row=None, n_rows=PEEK_ROWS).to_polars()
            sources.append([["" if v is None else str(v) for v in row] for row in frame.iter_rows()])
        return sources
    with open(path, "rb") as handle:
        data = handle.read(PEEK_BYTES)
    if len(data) == PEEK_BYTES and b"\n" in data:
        data = data[: data.rfind(b"\n")]  # no half row (or half character) at the end
    sample = _decode(data)
    delimiter = max((",", "\t", ";", "|"), key=lambda d: sample.split("\n", 1)[0].count(d))
    if "\n" in sample:
        delimiter = max((",", "\t", ";", "|"), key=lambda d: sample.count(d))
    rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))[:PEEK_ROWS]
    return [rows]


def _score(headers: list[str], tables: Mapping[str, object]) -> dict[str, set[str]]:
    from qdtransport.headers import header_lookup
    from qdtransport.readers import normalise_header

    normalised = {normalise_header(h) for h in headers if h and h.strip()}
    scores = {}
    for name, table in tables.items():
        lookup = header_lookup(table)  # type: ignore[arg-type]
        scores[name] = {lookup[h] for h in normalised if h in lookup}
    return scores


def identify(path: Path, tables: Mapping[str, object] | None = None) -> Identification:
    """Which input table a file's headers name.

    Parameters
    ----------
    path
        A CSV, Excel or Parquet file.
    tables
        Contract tables by name; every registered table when None.

    Returns
    -------
    Identification
        The best header row of the best source is used: the row naming most columns of any table.
    """
    if tables is None:
        from qdtransport.domains import TABLES

        tables = TABLES
    best: dict[str, set[str]] = {name: set() for name in tables}
    for rows in peek_rows(path):
        for row in rows:
            scores = _score(row, tables)
            if max(map(len, scores.values()), default=0) > max(map(len, best.values()), default=0):
                best = scores
    required = {name: {c.name for c in t.columns if c.required} for name, t in tables.items()}  # type: ignore[attr-defined]
    fitting = tuple(sorted(n for n, cols in best.items() if cols and required[n] <= cols))
    closest = max(
        (n for n in tables if best[n]),
        key=lambda n: (len(best[n] & required[n]) / max(len(required[n]), 1), len(best[n])),
        default=None,
    )
    columns = [c.name for c in tables[closest].columns] if closest else []  # type: ignore[attr-defined]
    return Identification(
        path=path,
        table=fitting[0] if len(fitting) == 1 else None,
        closest=closest,
        matched=tuple(c for c in columns if c in best.get(closest or "", set())),
        missing=tuple(c for c in columns if closest and c in required[closest] and c not in best[closest]),
        fitting=fitting,
    )


def read_file_tables(info: Mapping[str, object], toml_path: Path) -> dict[str, str]:
    """Check and return ``[files]`` of ``dataset.toml``: file or folder name -> input table.

    Raises
    ------
    ValueError
        ``[files]`` is not a table, or maps a name to something that is not an input table (the
        message names ``dataset.toml`` and the tables there are).
    """
    from qdtransport.domains import TABLES

    files = info.get("files", {})
    if not isinstance(files, dict):
        raise ValueError(f"{toml_path}: [files] must be a table of file name = table name")
    for name, table in files.items():
        if table not in TABLES:
            raise ValueError(
                f"{toml_path}: [files] maps {name!r} to {table!r}, which is not an input table; "
                f"tables are {', '.join(TABLES)}"
            )
    return dict(files)


def assign_inputs(
    data_dir: Path, file_tables: Mapping[str, str], *, lang: str = "en"
) -> tuple[dict[Path, str | None], list[str]]:
    """Decide which table each file not named after a table feeds.

    Parameters
    ----------
    data_dir
        The data directory.
    file_tables
        ``dataset.toml`` ``[files]``: file or folder name -> table.
    lang
        Language of the notes.

    Returns
    -------
    assigned
        Every entry of ``data_dir`` not named after a table nor ignorable, and readable (a table
        file format, or a folder listed in ``[files]``): -> the table it is read as, or None when
        it is left out (a note says why).
    notes
        One note per entry, in ``lang``.

    Raises
    ------
    ValueError
        A name of ``[files]`` is not in the data directory.
    """
    from qdtransport.domains import TABLES

    entries = sorted(data_dir.iterdir()) if data_dir.is_dir() else []
    by_name = {p.name: p for p in entries}
    for name in file_tables:
        if name not in by_name:
            raise ValueError(f"{data_dir / 'dataset.toml'}: [files] names {name!r}, which is not in {data_dir}")
    named = {p.name.split(".")[0].lower() for p in entries}
    assigned: dict[Path, str | None] = {}
    notes: list[str] = []
    for path in entries:
        if path.name in file_tables:
            assigned[path] = file_tables[path.name]
            notes.append(text("identify.mapped", lang, file=path.name, table=file_tables[path.name]))
            continue
        stem = path.name.split(".")[0].lower()
        if stem in TABLES or stem == "osm" or path.is_dir() or path.suffix.lower() not in READABLE_SUFFIXES:
            continue
        if path.name.startswith((".", "~$")) or path.name.lower() in NOT_DATA:
            continue
        assigned[path] = None
        try:
            found = identify(path)
        except Exception as exc:  # a file that cannot be peeked is left out with the reason
            notes.append(
                text(
                    "identify.unreadable",
                    lang,
                    file=path.name,
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        if found.table and found.table in named:
            notes.append(text("identify.taken", lang, file=path.name, table=found.table))
        elif found.table:
            assigned[path] = found.table
            notes.append(text("identify.identified", lang, file=path.name, table=found.table))
        elif len(found.fitting) > 1:
            notes.append(text("identify.ambiguous", lang, file=path.name, tables=", ".join(found.fitting)))
        elif found.closest:
            notes.append(
                text(
                    "identify.closest",
                    lang,
                    file=path.name,
                    table=found.closest,
                    matched=len(found.matched),
                    missing=_with_aliases(TABLES[found.closest], found.missing),
                )
            )
        else:
            notes.append(text("identify.nothing", lang, file=path.name))
    return assigned, notes


def _with_aliases(table: object, columns: tuple[str, ...]) -> str:
    """Name columns with their first two aliases: ``use_type (使用性质/营运类别)``."""
    named = []
    for name in columns:
        aliases = table.column(name).aliases[:2]  # type: ignore[attr-defined]
        named.append(f"{name} ({'/'.join(aliases)})" if aliases else name)
    return ", ".join(named)


def merge_assigned(found: dict[str, list[Path]], notes: list[str], assigned: Mapping[Path, str | None]) -> None:
    """Add the entries :func:`assign_inputs` gave a table to ``found``, in place.

    Parameters
    ----------
    found
        Table -> its files, as the ingest found them by name.
    notes
        The ingest's notes; its "not an input table" note on an entry of ``assigned`` is dropped
        (:func:`assign_inputs` has a better one).
    assigned
        Entry -> the table it feeds, or None (left out). A folder gives every file inside it.
    """
    for path, table in assigned.items():
        notes[:] = [note for note in notes if not note.startswith(f"{path}:")]
        if table is None:
            continue
        members = [path]
        if path.is_dir():
            members = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "~$")))
        files = found.setdefault(table, [])
        files.extend(p for p in members if p not in files)
