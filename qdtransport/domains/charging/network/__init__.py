"""The OpenStreetMap network coverage check: chargers at service areas and along corridors.

Read an OSM file offline with :func:`read_osm`, then compute the coverage tables with
:func:`compute_network_coverage` and print them with :func:`format_summary`::

    from qdtransport.domains.charging.network import compute_network_coverage, format_summary, read_osm

    extract = read_osm("qingdao.osm.pbf")
    coverage = compute_network_coverage(extract, register_sites=sites, register_stations=stations)
    print(format_summary(coverage, rule="afir"))

OpenStreetMap data is © OpenStreetMap contributors, available under the Open Database License.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "NetworkCoverage": "coverage",
    "compute_network_coverage": "coverage",
    "OsmExtract": "extract",
    "read_osm": "osm",
    "format_summary": "summary",
}
"""Public names and their modules, imported on first use: a build without an OSM file, which
only needs the table columns, never loads osmnx or geopandas."""

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
