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
    # reasons of view target_status for the new-energy shares of new registrations
    "fleet.status_reason.no_data_year": {
        "zh": "无数据：{year} 年城市建成区没有该类车辆的新增、更新登记。",
        "en": "No data: no vehicle of this kind was newly registered in the urban built-up area in {year}.",
    },
    "fleet.status_reason.no_data_before_series": {
        "zh": "无数据：登记中该类车辆最早的新增登记在 {first_year} 年。",
        "en": "No data: the register's first new registration of this kind is in {first_year}.",
    },
    "fleet.status_reason.no_data_after_series": {
        "zh": "无数据：{last_year} 年之后登记中没有该类车辆的新增登记。",
        "en": "No data: the register has no new registration of this kind after {last_year}.",
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
