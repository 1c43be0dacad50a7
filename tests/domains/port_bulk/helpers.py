"""Helpers of the port bulk tests."""

from __future__ import annotations

from pathlib import Path

import duckdb

from qdtransport.settings import Settings
from qdtransport.warehouse import build


def build_read_only(
    data_dir: Path, db: Path, settings: Settings | None = None
) -> duckdb.DuckDBPyConnection:
    """Build ``data_dir`` into ``db`` (with ``settings``) and open the result read-only."""
    build(data_dir, db, settings=settings)
    return duckdb.connect(str(db), read_only=True)
