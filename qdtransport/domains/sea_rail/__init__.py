"""Sea-rail: container sea-rail intermodal volume (TEU) at the port.

Contract ``contract.py``; SQL ``queries/sea_rail/``; texts ``labels.py``.
"""

from __future__ import annotations

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

DOMAIN = Domain(
    name="sea_rail",
    tables=TABLES,
    indicators=(SEA_RAIL_TEU,),
    labels=LABELS,
)
