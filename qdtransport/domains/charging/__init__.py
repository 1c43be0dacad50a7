"""Charging: charger coverage of expressway service areas (registers and the OpenStreetMap check).

Contract ``contract.py``; SQL ``queries/charging/``; texts ``labels.py``; charts ``charts.py``;
report section ``report.py``; the network check ``network/`` and its warehouse tables
``network_tables.py``; sample sites, stations and network ``samples/``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from qdtransport.domains.base import DerivedTable, Domain, Indicator, Target
from qdtransport.domains.charging.contract import TABLES
from qdtransport.domains.charging.labels import LABELS

SERVICE_AREA_CHARGER_COVERAGE = Indicator(
    target=Target(
        indicator_id="service_area_charger_coverage",
        name_zh="高速公路服务区充电设施覆盖率",
        name_en="Expressway service areas with charging",
        target_year=2025,
        comparator=">=",
        target_value=1.0,
        unit="share",
        plan_text="全市高速公路服务区充电设施实现100%全覆盖",
    ),
    view="service_area_charger_coverage",
    input_tables=("service_areas", "charging_stations"),
    plan_order=1,
    months_view="int_charging_months",
)


def report_section(con: Any, **options: Any) -> list[Any]:
    """The charging section of the report; see :func:`qdtransport.domains.charging.report.section`."""
    from qdtransport.domains.charging.report import section

    return section(con, **options)


def build_tables(ingested: Any, **options: Any) -> dict[str, DerivedTable]:
    """The network check's tables; see :func:`qdtransport.domains.charging.network_tables.build_tables`."""
    from qdtransport.domains.charging.network_tables import build_tables as tables

    return tables(ingested, **options)


def write_samples(out_dir: Path, rng: random.Random) -> dict[str, Path]:
    """Sample sites, stations and OSM network; see :mod:`qdtransport.domains.charging.samples`."""
    from qdtransport.domains.charging.samples import write

    return write(out_dir, rng)


def readme_section(rng: random.Random) -> str:
    """The sites', stations' and network's part of the sample README."""
    from qdtransport.domains.charging.samples import readme_section as section

    return section(rng)


def readme_figures(rng: random.Random) -> str:
    """The published figures that shaped the sample sites and stations."""
    from qdtransport.domains.charging.samples import readme_figures as figures

    return figures(rng)


DOMAIN = Domain(
    name="charging",
    tables=TABLES,
    indicators=(SERVICE_AREA_CHARGER_COVERAGE,),
    labels=LABELS,
    report_section=report_section,
    write_samples=write_samples,
    readme_section=readme_section,
    readme_figures=readme_figures,
    build_tables=build_tables,
)
