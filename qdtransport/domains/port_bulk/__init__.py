"""Port bulk: green transport share of bulk cargo collected to and distributed from the port.

Contract ``contract.py``; SQL ``queries/port_bulk/``; texts ``labels.py``; charts ``charts.py``;
report section ``report.py``; sample flows ``samples.py``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from qdtransport.domains.base import Domain, Indicator, Target
from qdtransport.domains.port_bulk.contract import TABLES
from qdtransport.domains.port_bulk.labels import LABELS

PORT_BULK_GREEN_SHARE = Indicator(
    target=Target(
        indicator_id="port_bulk_green_share",
        name_zh="港口大宗货物绿色运输方式比例",
        name_en="Green transport share of port bulk cargo",
        target_year=2025,
        comparator=">=",
        target_value=0.80,
        unit="share",
        plan_text="港口大宗货物绿色运输方式比例达到80%",
    ),
    view="port_bulk_green_share",
    input_tables=("port_bulk_flows",),
    months_view="port_bulk_green_share_monthly",
    plan_order=3,
)


def report_section(con: Any, **options: Any) -> list[Any]:
    """The port bulk section of the report; see :func:`qdtransport.domains.port_bulk.report.section`."""
    from qdtransport.domains.port_bulk.report import section

    return section(con, **options)


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """The synthetic port bulk flows; see :func:`qdtransport.domains.port_bulk.samples.write_samples`."""
    from qdtransport.domains.port_bulk.samples import write_samples as write

    return write(out_dir, rng)


def readme_section(rng: random.Random) -> str:
    """The port bulk flows' part of the sample README."""
    from qdtransport.domains.port_bulk.samples import readme_section as section

    return section(rng)


def readme_figures(rng: random.Random) -> str:
    """The published figures that shaped the sample flows."""
    from qdtransport.domains.port_bulk.samples import readme_figures as figures

    return figures(rng)


DOMAIN = Domain(
    name="port_bulk",
    tables=TABLES,
    indicators=(PORT_BULK_GREEN_SHARE,),
    labels=LABELS,
    report_section=report_section,
    write_samples=write_samples,
    readme_section=readme_section,
    readme_figures=readme_figures,
)
