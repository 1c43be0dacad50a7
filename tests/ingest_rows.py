"""Fixtures' place and the row helpers the ingest tests share."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from qdtransport.domains import TABLES
from qdtransport.ingest import Ingested

DATA = Path(__file__).parent / "data" / "ingest"
"""Synthetic ingest fixtures (see their README)."""
FLEET = TABLES["fleet_register"]


def rows_of(frame: pl.DataFrame, *columns: str) -> list[tuple]:
    """The rows of ``columns``, in file then line order."""
    return frame.sort("source_file", "source_row").select(columns).rows()


def manifest_counts(ingested: Ingested | pl.DataFrame) -> dict[str, tuple[int, int, int, int, int]]:
    """source_file -> (rows_read, rows_loaded, rows_rejected, duplicates_collapsed, warnings)."""
    manifest = ingested if isinstance(ingested, pl.DataFrame) else ingested.manifest
    return {
        r["source_file"]: (
            r["rows_read"], r["rows_loaded"], r["rows_rejected"], r["duplicates_collapsed"], r["warnings"]
        )
        for r in manifest.iter_rows(named=True)
    }  # fmt: skip
