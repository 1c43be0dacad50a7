"""Synthetic sample vehicle register: three export files with deliberate defects, and its README part.

:func:`write` writes ``fleet_register/`` (a GB18030 CSV, an Excel workbook and a UTF-8-with-BOM
CSV of bus and taxi registrations 2015 → 2026-01-15, with a dozen deliberate defects). The
register is drawn from the random generator given; the same generator state gives the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from qdtransport.domains.fleet.samples.files import (
    FleetRow,
    add_defects,
    split_into_files,
    write_fleet_register,
)
from qdtransport.domains.fleet.samples.generator import generate_fleet
from qdtransport.domains.fleet.samples.readme import readme_figures as _figures
from qdtransport.domains.fleet.samples.readme import readme_section as _section

_drawn: dict[object, dict[str, list[FleetRow]]] = {}
"""Registers drawn so far, by the generator state they were drawn from."""


def draw_files(rng: random.Random) -> dict[str, list[FleetRow]]:
    """The register's rows per export file, defects included, drawn from ``rng``.

    The same generator state gives the same rows (kept, so that the README does not draw them
    again).
    """
    state = rng.getstate()
    if state not in _drawn:
        files = split_into_files(generate_fleet(rng), rng)
        add_defects(files, rng)
        _drawn.clear()
        _drawn[state] = files
    return _drawn[state]


def write(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Write ``fleet_register/`` into ``out_dir``; path relative to ``out_dir`` -> file."""
    return write_fleet_register(Path(out_dir) / "fleet_register", draw_files(rng))


def readme_section(rng: random.Random) -> str:
    """The register's README sections (``rng`` in the state :func:`write` got)."""
    return _section(draw_files(rng))


def readme_figures(rng: random.Random) -> str:
    """The register's rows of the README's published-figures table."""
    return _figures(draw_files(rng))
