"""Where the SQL lives: ``queries/`` at the project root, or its copy inside an installed wheel.

Layers run in this order; each ``.sql`` file creates one view (plus its comments).
"""

from __future__ import annotations

from pathlib import Path

QUERY_LAYERS: tuple[str, ...] = ("staging", "indicators", "scorecard")


def queries_dir() -> Path:
    """The queries folder: ``qdtransport/_queries`` in a wheel, else the project's ``queries/``."""
    packaged = Path(__file__).parent / "_queries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "queries"


def query_files(layer: str) -> list[Path]:
    """The ``.sql`` files of one layer, in name order."""
    return sorted((queries_dir() / layer).glob("*.sql"))
