"""Travel: green travel share from the resident travel survey, with its design-based interval.

Contract ``contract.py``; SQL ``queries/travel/``; texts ``labels.py``; charts ``charts.py``;
report section ``report.py``; sample surveys ``samples/``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from qdtransport.domains.base import Domain, Indicator, Target
from qdtransport.domains.travel.contract import TABLES
from qdtransport.domains.travel.labels import LABELS

GREEN_TRAVEL_SHARE = Indicator(
    target=Target(
        indicator_id="green_travel_share",
        name_zh="绿色出行比例",
        name_en="Green travel share",
        target_year=2025,
        comparator=">",
        target_value=0.70,
        unit="share",
        plan_text="绿色出行比例超过70%",
    ),
    view="green_travel_share",
    input_tables=("travel_survey_trips",),
    plan_order=4,
)


def report_section(con: Any, **options: Any) -> list[Any]:
    """The travel section of the report; see :func:`qdtransport.domains.travel.report.section`."""
    from qdtransport.domains.travel.report import section

    return section(con, **options)


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """The synthetic travel surveys; see :func:`qdtransport.domains.travel.samples.write_samples`."""
    from qdtransport.domains.travel.samples import write_samples as write

    return write(out_dir, rng)


def readme_section(rng: random.Random) -> str:
    """The surveys' part of the sample README."""
    from qdtransport.domains.travel.samples import readme_section as section

    return section(rng)


def readme_figures(rng: random.Random) -> str:
    """The published figures that shaped the sample surveys."""
    from qdtransport.domains.travel.samples import readme_figures as figures

    return figures(rng)


DOMAIN = Domain(
    name="travel",
    tables=TABLES,
    indicators=(GREEN_TRAVEL_SHARE,),
    labels=LABELS,
    report_section=report_section,
    write_samples=write_samples,
    readme_section=readme_section,
    readme_figures=readme_figures,
)
