"""Deterministic synthetic sample data for the demo, the tests and the benchmarks.

:func:`write_samples` writes, in the input contract's forms (``spec/inputs.md``):

- ``fleet_register/`` — three export files (GB18030 CSV, Excel, UTF-8-with-BOM CSV) of bus and taxi
  registrations 2015 → 2026-01-15, with a dozen deliberate defects;
- ``service_areas.xlsx`` — expressway service-area sites on the real alignments;
- ``charging_stations.csv`` — charging stations at those sites, and one decoy in town;
- ``osm/qingdao_expressways_demo.osm.pbf`` — a synthetic expressway network on the real alignments;
- ``README.md`` — what each file holds, what the build should find, and the published figures
  that shaped the numbers;
- ``dataset.toml`` — the data set's name, ``synthetic = true`` and the export date (``as_of``).

Everything is synthetic and says so. The same seed gives the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from qdtransport.samples.alignments import load_alignments
from qdtransport.samples.charging import write_charging_stations
from qdtransport.samples.fleet import generate_fleet
from qdtransport.samples.fleet_files import (
    add_defects,
    list_defects,
    split_into_files,
    write_fleet_register,
)
from qdtransport.samples.osm_demo import build_network, write_osm_pbf
from qdtransport.samples.readme import write_dataset_toml, write_readme
from qdtransport.samples.sites import write_service_areas

DEFAULT_SEED = 20250101
"""Seed of the committed ``data_samples/``."""

OSM_FILE = "osm/qingdao_expressways_demo.osm.pbf"
"""Where the demo network goes inside the output folder."""


def write_samples(out_dir: Path, *, seed: int = DEFAULT_SEED) -> dict[str, Path]:
    """Write the whole sample data set into ``out_dir``.

    Parameters
    ----------
    out_dir
        Output folder; created if needed. Files of the same names are overwritten, other files
        are left alone.
    seed
        Seed of the random generator that draws the fleet register (vehicles, dates, defects'
        rows). Sites, stations and the network do not depend on it.

    Returns
    -------
    dict
        Path relative to ``out_dir`` (``fleet_register/2015-2019.csv``, ``service_areas.xlsx``,
        ``charging_stations.csv``, ``osm/qingdao_expressways_demo.osm.pbf``, ``dataset.toml``,
        ``README.md``) -> the file written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    alignments = load_alignments()
    files = split_into_files(generate_fleet(rng), rng)
    add_defects(files, rng)
    network = build_network(alignments)
    written = write_fleet_register(out_dir / "fleet_register", files)
    written["service_areas.xlsx"] = write_service_areas(out_dir / "service_areas.xlsx", alignments)
    written["charging_stations.csv"] = write_charging_stations(
        out_dir / "charging_stations.csv", alignments
    )
    (out_dir / "osm").mkdir(exist_ok=True)
    written[OSM_FILE] = write_osm_pbf(network, out_dir / OSM_FILE)
    written["dataset.toml"] = write_dataset_toml(out_dir / "dataset.toml")
    written["README.md"] = write_readme(
        out_dir / "README.md", seed=seed, files=files, defects=list_defects(files),
        alignments=alignments, network=network,
    )  # fmt: skip
    return written


__all__ = ["DEFAULT_SEED", "OSM_FILE", "write_samples"]
