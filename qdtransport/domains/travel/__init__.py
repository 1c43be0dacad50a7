"""Travel: green travel share from the resident travel survey.

Contract ``contract.py``; SQL ``queries/travel/``; texts ``labels.py``.
"""

from __future__ import annotations

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

DOMAIN = Domain(
    name="travel",
    tables=TABLES,
    indicators=(GREEN_TRAVEL_SHARE,),
    labels=LABELS,
)
