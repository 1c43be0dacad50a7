"""The transport targets of the Qingdao Carbon Peak Work Plan (task 5), as the warehouse stores them.

Shares are fractions (0.8), TEU are TEU. ``comparator`` is ``>=`` or ``>`` (strictly above: the
plan's green-travel target reads 超过70%).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Target:
    """One plan target; the columns of warehouse table ``targets``."""

    indicator_id: str
    name_zh: str
    name_en: str
    target_year: int
    comparator: str
    target_value: float
    unit: str
    plan_text: str


TARGETS: tuple[Target, ...] = (
    Target("service_area_charger_coverage", "高速公路服务区充电设施覆盖率",
           "Expressway service areas with charging", 2025, ">=", 1.0, "share",
           "全市高速公路服务区充电设施实现100%全覆盖"),
    Target("sea_rail_teu", "集装箱海铁联运量", "Container sea-rail intermodal volume", 2025, ">=",
           2_200_000.0, "TEU", "全年集装箱海铁联运量达到220万标准箱"),
    Target("port_bulk_green_share", "港口大宗货物绿色运输方式比例",
           "Green transport share of port bulk cargo", 2025, ">=", 0.80, "share",
           "港口大宗货物绿色运输方式比例达到80%"),
    Target("green_travel_share", "绿色出行比例", "Green travel share", 2025, ">", 0.70, "share",
           "绿色出行比例超过70%"),
    Target("bus_nev_share_new", "城市建成区新增、更新公交车新能源占比",
           "New-energy share of new and renewed buses in the urban built-up area", 2025, ">=", 1.0,
           "share", "城市建成区年新增、更新公交车辆新能源占比达到100%"),
    Target("taxi_nev_share_new", "城市建成区新增、更新巡游出租车新能源占比",
           "New-energy share of new and renewed cruising taxis in the urban built-up area", 2025, ">=",
           0.80, "share", "城市建成区年新增、更新巡游出租车辆新能源占比达到80%"),
)  # fmt: skip
"""All six targets, in the order of the plan's wording in spec/indicators.md."""


def target_rows() -> list[dict[str, object]]:
    """The targets as rows for table ``targets``."""
    return [asdict(t) for t in TARGETS]
