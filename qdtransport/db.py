"""Opening DuckDB files: the one place the package connects, offline, with errors naming the file.

Every connection turns off DuckDB's automatic installing and loading of extensions: a file that
is not a DuckDB database (an SQLite file, a workbook) would otherwise make DuckDB try to download
an extension from the internet before failing with a multi-line message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

OFFLINE: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
"""Settings of every connection: no extension is installed or loaded behind the user's back."""

_SIGNATURES = (
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PK\x03\x04", "a ZIP archive (a workbook?)"),
    (b"PAR1", "a Parquet file"),
)


class DatabaseFileError(ValueError):
    """A database file that cannot be opened; the message is one line naming the file."""


def file_kind(path: Path) -> str | None:
    """None when ``path`` is a DuckDB file (or empty), else what it looks like, e.g. ``an SQLite database``."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if not head or head[8:12] == b"DUCK":
        return None
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return "not a DuckDB database"


def connect(
    path: str | Path, *, read_only: bool = False, config: dict[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file with :data:`OFFLINE` settings.

    Raises
    ------
    DatabaseFileError
        The file is not a DuckDB database, or DuckDB cannot open it (one line naming the file).
    """
    import duckdb

    path = Path(path)
    if path.is_file():
        kind = file_kind(path)
        if kind is not None:
            raise DatabaseFileError(f"{path}: not a DuckDB database file ({kind})")
    try:
        return duckdb.connect(str(path), read_only=read_only, config={**OFFLINE, **(config or {})})
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseFileError(f"{path}: cannot open the database: {first}") from None
