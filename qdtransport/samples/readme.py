"""The README and ``dataset.toml`` written beside the sample data.

The README is the shared introduction, every registered domain's section
(``Domain.readme_section``) and the table of published figures behind the numbers, whose rows
each domain gives (``Domain.readme_figures``).
"""

from __future__ import annotations

from pathlib import Path

_INTRO = """\
# Sample data — synthetic

**Everything in this folder is synthetic.** No row describes a real vehicle, service area,
charging station, port cargo flow or surveyed trip. The numbers are shaped by published Qingdao
figures (cited below) so that the demo behaves like the real city, and every file says it is
synthetic (a 备注 column, a title row, or the OSM header); `dataset.toml` marks the folder
`synthetic = true` for the build (table `build_info`), so reports can say so.

Build and look at it:

```
qdtransport build --data data_samples --db demo.duckdb
qdtransport scorecard --db demo.duckdb --year 2025
```

The files are made by `python -m qdtransport.samples --out data_samples` (seed {seed}); running it
again gives the same bytes, and a test checks that the files here are exactly what it makes, so
do not edit them by hand — change the generators in `qdtransport/domains/<domain>/samples` instead.
"""

FIGURES_HEADER = """\
## Published figures behind the numbers

| Published figure | Source (outlet, date) | What it shaped here |
|---|---|---|
"""
"""Heading of the table of published figures; the domains give its rows."""


def write_readme(path: Path, *, seed: int, sections: list[str], figures: list[str]) -> Path:
    """Write the sample data README (UTF-8, LF) and return its path.

    Parameters
    ----------
    path
        The file to write.
    seed
        The generator's seed, named in the introduction.
    sections
        The domains' sections (markdown; empty ones are left out).
    figures
        The domains' rows of the published-figures table (each line ending in a newline).
    """
    text = "\n".join(
        [_INTRO.format(seed=seed), *(s for s in sections if s), FIGURES_HEADER + "".join(figures)]
    )
    path.write_text(text, encoding="utf-8")
    return path


DATASET_TOML = (
    "# The build reads this file into table build_info; reports label the data as synthetic.\n"
    'name = "Qingdao transport demo (synthetic)"\n'
    "synthetic = true\n"
    'description = "Synthetic sample data (合成示例数据): fleet register, expressway service areas, charging '
    "stations, port bulk cargo flows, an OSM network on the real alignments and resident travel surveys, "
    'shaped by published Qingdao figures; see README.md"\n'
    "as_of = 2026-01-15\n"
)
"""Content of ``dataset.toml``: the data set's name, the synthetic flag and the export date."""


def write_dataset_toml(path: Path) -> Path:
    """Write ``dataset.toml`` (UTF-8) beside the sample data and return its path."""
    path.write_text(DATASET_TOML, encoding="utf-8")
    return path
