"""Deterministic synthetic sample data for the demo, the tests and the benchmarks.

:func:`write_samples` writes, in the input contract's forms (``spec/inputs.md``), every
registered domain's sample files (``Domain.write_samples``), then:

- ``dataset.toml`` — the data set's name, ``synthetic = true`` and the export date (``as_of``);
- ``README.md`` — what each file holds, what the build should find, and the published figures
  that shaped the numbers (each domain's ``readme_section`` and ``readme_figures``).

Everything is synthetic and says so. The same seed gives the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from qdtransport.samples.readme import write_dataset_toml, write_readme

DEFAULT_SEED = 20250101
"""Seed of the committed ``data_samples/``."""


def write_samples(out_dir: Path, *, seed: int = DEFAULT_SEED) -> dict[str, Path]:
    """Write the whole sample data set into ``out_dir``.

    Parameters
    ----------
    out_dir
        Output folder; created if needed. Files of the same names are overwritten, other files
        are left alone.
    seed
        Seed of the random generators: each domain draws from its own generator seeded with it.

    Returns
    -------
    dict
        Path relative to ``out_dir`` (``fleet_register/2015-2019.csv``, ``service_areas.xlsx``,
        …, ``dataset.toml``, ``README.md``) -> the file written.
    """
    from qdtransport.domains import DOMAINS

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for domain in DOMAINS:
        written.update(domain.write_samples(out_dir, random.Random(seed)))
    written["dataset.toml"] = write_dataset_toml(out_dir / "dataset.toml")
    written["README.md"] = write_readme(
        out_dir / "README.md",
        seed=seed,
        sections=[domain.readme_section(random.Random(seed)) for domain in DOMAINS],
        figures=[domain.readme_figures(random.Random(seed)) for domain in DOMAINS],
    )
    return written


__all__ = ["DEFAULT_SEED", "write_samples"]
