"""Port bulk: green transport share of bulk cargo collected to and distributed from the port.

Contract ``contract.py``; SQL ``queries/port_bulk/``; texts ``labels.py``.
"""

from __future__ import annotations

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
    plan_order=3,
)

DOMAIN = Domain(
    name="port_bulk",
    tables=TABLES,
    indicators=(PORT_BULK_GREEN_SHARE,),
    labels=LABELS,
)
