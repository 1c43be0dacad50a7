"""Texts of the fleet domain in Chinese and English (keys ``fleet.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "fleet.bus": {
        "zh": "公交车",
        "en": "Buses",
    },
    "fleet.cruising_taxi": {
        "zh": "巡游出租车",
        "en": "Cruising taxis",
    },
    "fleet.ride_hailing": {
        "zh": "网约车",
        "en": "Ride-hailing cars",
    },
    "fleet.other": {
        "zh": "其他",
        "en": "Other",
    },
    "fleet.nev_share": {
        "zh": "新能源占比",
        "en": "New-energy share",
    },
    "fleet.use_type": {
        "zh": "车辆类型",
        "en": "Vehicle type",
    },
    "fleet.district": {
        "zh": "区市",
        "en": "District",
    },
    "fleet.district_unknown": {
        "zh": "未填区市",
        "en": "District not given",
    },
    "fleet.vehicles": {
        "zh": "车辆数",
        "en": "Vehicles",
    },
    "fleet.nev_vehicles": {
        "zh": "新能源车辆数",
        "en": "New-energy vehicles",
    },
    "fleet.title_nev_share": {
        "zh": "{use_type}：城市建成区新增、更新车辆新能源占比",
        "en": "{use_type}: new-energy share of new and renewed vehicles, urban built-up area",
    },
    "fleet.title_stock": {
        "zh": "{year}年末在册车辆新能源占比（按区市）",
        "en": "New-energy share of the fleet in service on 31 December {year}, by district",
    },
    "fleet.section_fleet": {
        "zh": "公交车与出租车新能源化",
        "en": "New-energy buses and taxis",
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
