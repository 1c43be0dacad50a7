"""Synthetic sample sites, stations and expressway network on the real alignments.

:func:`write` writes ``service_areas.xlsx`` (expressway service-area sites on the real
alignments), ``charging_stations.csv`` (stations at those sites, and one decoy in town) and
``osm/qingdao_expressways_demo.osm.pbf`` (a synthetic expressway network on the real
alignments). None of them depends on the random generator.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from qdtransport.domains.charging.samples.alignments import Alignment, load_alignments
from qdtransport.domains.charging.samples.osm_demo import DemoNetwork, build_network, write_osm_pbf
from qdtransport.domains.charging.samples.readme import FIGURES
from qdtransport.domains.charging.samples.readme import readme_section as _section
from qdtransport.domains.charging.samples.sites import write_service_areas
from qdtransport.domains.charging.samples.stations import write_charging_stations

OSM_FILE = "osm/qingdao_expressways_demo.osm.pbf"
"""Where the demo network goes inside the output folder."""


@cache
def _alignments_and_network() -> tuple[dict[str, Alignment], DemoNetwork]:
    alignments = load_alignments()
    return alignments, build_network(alignments)


def write(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Write the service areas, the stations and the demo network into ``out_dir``.

    Returns path relative to ``out_dir`` -> file. ``rng`` is not used: the layout is fixed.
    """
    out_dir = Path(out_dir)
    alignments, network = _alignments_and_network()
    written = {
        "service_areas.xlsx": write_service_areas(out_dir / "service_areas.xlsx", alignments),
        "charging_stations.csv": write_charging_stations(
            out_dir / "charging_stations.csv", alignments
        ),
    }
    (out_dir / "osm").mkdir(exist_ok=True)
    written[OSM_FILE] = write_osm_pbf(network, out_dir / OSM_FILE)
    return written


def readme_section(rng: random.Random) -> str:
    """The README sections of the sites, the stations and the demo network."""
    return _section(*_alignments_and_network())


def readme_figures(rng: random.Random) -> str:
    """The sites' and stations' rows of the README's published-figures table."""
    return FIGURES
