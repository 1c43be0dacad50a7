"""Fleet: new-energy shares of new and renewed buses and cruising taxis (vehicle register).

Contract ``contract.py``; SQL ``queries/fleet/``; texts ``labels.py``; charts ``charts.py``;
report section ``report.py``; sample register ``samples.py``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from qdtransport.domains.base import Domain, Indicator, Target
from qdtransport.domains.fleet.contract import TABLES
from qdtransport.domains.fleet.labels import LABELS

BUS_NEV_SHARE_NEW = Indicator(
    target=Target(
        indicator_id="bus_nev_share_new",
        name_zh="城市建成区新增、更新公交车新能源占比",
        name_en="New-energy share of new and renewed buses in the urban built-up area",
        target_year=2025,
        comparator=">=",
        target_value=1.0,
        unit="share",
        plan_text="城市建成区年新增、更新公交车辆新能源占比达到100%",
    ),
    view="bus_nev_share_new",
    input_tables=("fleet_register",),
    plan_order=5,
    months_view="int_fleet_months",
)

TAXI_NEV_SHARE_NEW = Indicator(
    target=Target(
        indicator_id="taxi_nev_share_new",
        name_zh="城市建成区新增、更新巡游出租车新能源占比",
        name_en="New-energy share of new and renewed cruising taxis in the urban built-up area",
        target_year=2025,
        comparator=">=",
        target_value=0.80,
        unit="share",
        plan_text="城市建成区年新增、更新巡游出租车辆新能源占比达到80%",
    ),
    view="taxi_nev_share_new",
    input_tables=("fleet_register",),
    plan_order=6,
    months_view="int_fleet_months",
)


def report_section(con: Any, **options: Any) -> list[Any]:
    """The fleet section of the report; see :func:`qdtransport.domains.fleet.report.section`."""
    from qdtransport.domains.fleet.report import section

    return section(con, **options)


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """The synthetic vehicle register; see :func:`qdtransport.domains.fleet.samples.write`."""
    from qdtransport.domains.fleet.samples import write

    return write(out_dir, rng)


def readme_section(rng: random.Random) -> str:
    """The register's part of the sample README."""
    from qdtransport.domains.fleet.samples import readme_section as section

    return section(rng)


def readme_figures(rng: random.Random) -> str:
    """The published figures that shaped the sample register."""
    from qdtransport.domains.fleet.samples import readme_figures as figures

    return figures(rng)


DOMAIN = Domain(
    name="fleet",
    tables=TABLES,
    indicators=(BUS_NEV_SHARE_NEW, TAXI_NEV_SHARE_NEW),
    labels=LABELS,
    report_section=report_section,
    write_samples=write_samples,
    readme_section=readme_section,
    readme_figures=readme_figures,
)
