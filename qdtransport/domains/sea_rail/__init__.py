"""Sea-rail: container sea-rail intermodal volume (TEU) at the port.

Contract ``contract.py``; ISO 6346 length codes ``iso6346.py``; SQL ``queries/sea_rail/``; texts
``labels.py``; charts ``charts.py``; report section ``report.py``; sample data ``samples/``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from qdtransport.domains.base import Domain, Indicator, Target
from qdtransport.domains.sea_rail.contract import TABLES
from qdtransport.domains.sea_rail.labels import LABELS

SEA_RAIL_TEU = Indicator(
    target=Target(
        indicator_id="sea_rail_teu",
        name_zh="集装箱海铁联运量",
        name_en="Container sea-rail intermodal volume",
        target_year=2025,
        comparator=">=",
        target_value=2_200_000.0,
        unit="TEU",
        plan_text="全年集装箱海铁联运量达到220万标准箱",
    ),
    view="sea_rail_teu",
    input_tables=("sea_rail_moves", "sea_rail_monthly"),
    plan_order=2,
)


def report_section(con: Any, **options: Any) -> list[Any]:
    """The sea-rail section of the report; see :func:`qdtransport.domains.sea_rail.report.section`."""
    from qdtransport.domains.sea_rail.report import section

    return section(con, **options)


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Reported monthly volumes and December 2025's moves (:func:`.samples.write`)."""
    from qdtransport.domains.sea_rail.samples import write

    return write(out_dir, rng)


def readme_section(rng: random.Random) -> str:
    """The sea-rail part of the sample README."""
    from qdtransport.domains.sea_rail.samples import readme_section as section

    return section(rng)


def readme_figures(rng: random.Random) -> str:
    """The published figures that shaped the sea-rail samples."""
    from qdtransport.domains.sea_rail.samples import readme_figures as figures

    return figures(rng)


DOMAIN = Domain(
    name="sea_rail",
    tables=TABLES,
    indicators=(SEA_RAIL_TEU,),
    labels=LABELS,
    report_section=report_section,
    write_samples=write_samples,
    readme_section=readme_section,
    readme_figures=readme_figures,
)
