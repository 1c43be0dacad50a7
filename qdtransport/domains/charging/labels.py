"""Texts of the charging domain in Chinese and English (keys ``charging.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "charging.service_area": {
        "zh": "服务区",
        "en": "Service areas",
    },
    "charging.parking_area": {
        "zh": "停车区",
        "en": "Parking areas",
    },
    "charging.coverage": {
        "zh": "充电设施覆盖率",
        "en": "Share of sites with charging",
    },
    "charging.kind": {
        "zh": "类型",
        "en": "Kind",
    },
    "charging.covered": {
        "zh": "有充电设施",
        "en": "With charging",
    },
    "charging.not_covered": {
        "zh": "无充电设施",
        "en": "Without charging",
    },
    "charging.site_status": {
        "zh": "充电设施",
        "en": "Charging",
    },
    "charging.max_gap_km": {
        "zh": "最长充电间隔（公里）",
        "en": "Longest gap between chargers (km)",
    },
    "charging.map_note": {
        "zh": "灰色虚线：该方向充电设施不足两处，无间隔可计",
        "en": "Grey dashes: fewer than two chargers along the carriageway, no gap to measure",
    },
    "charging.title_coverage": {
        "zh": "高速公路服务区充电设施覆盖率",
        "en": "Expressway sites with charging",
    },
    "charging.title_map": {
        "zh": "高速公路充电设施：服务区与最长充电间隔",
        "en": "Expressway charging: sites and longest gaps between chargers",
    },
    "charging.section_charging": {
        "zh": "高速公路服务区充电设施",
        "en": "Charging at expressway service areas",
    },
    "charging.section_sites": {
        "zh": "{year}年末各服务区充电设施",
        "en": "Charging at each site on 31 December {year}",
    },
    "charging.section_network": {
        "zh": "OpenStreetMap 路网核查",
        "en": "OpenStreetMap network check",
    },
    "charging.section_verdicts": {
        "zh": "各行车方向充电间隔：中国、欧盟 AFIR、美国 NEVI 规则",
        "en": "Gaps along each carriageway: Chinese, EU AFIR and US NEVI rules",
    },
    "charging.note_charging_views_missing": {
        "zh": (
            "本数据库尚无充电设施指标视图（service_area_charger_coverage、sa_site_charging），本节从略。请用新版 "
            "qdtransport 重新构建数据库。"
        ),
        "en": (
            "This database has no charging views yet (service_area_charger_coverage, sa_site_charging); section "
            "skipped. Rebuild the database with a newer qdtransport."
        ),
    },
    "charging.note_no_network": {
        "zh": "未进行 OpenStreetMap 路网核查（构建时数据目录中没有 osm/ 文件）。下图为登记服务区位置。",
        "en": (
            "No OpenStreetMap network check (the data directory had no osm/ file at build time). The map shows the "
            "registered sites."
        ),
    },
    "charging.note_verdicts": {
        "zh": "间隔：相邻充电设施之间最长距离是否不超过限值（首末段不计）；全规则：另计功率、与主线距离及首末段。",
        "en": (
            "Gap: the longest distance between consecutive chargers within the limit (lead and tail not counted); "
            "whole rule: also power, distance from the carriageway, lead and tail."
        ),
    },
    "charging.note_space_rule": {
        "zh": "充电车位占比规则：每个服务区充电车位不少于小客车车位的 {share}（2022年国家行动方案）。",
        "en": (
            "Charging-space rule: charging spaces at least {share} of small-car parking spaces per site (2022 "
            "national action plan)."
        ),
    },
    "charging.col_site_id": {
        "zh": "编号",
        "en": "Id",
    },
    "charging.col_name": {
        "zh": "名称",
        "en": "Name",
    },
    "charging.col_route": {
        "zh": "高速",
        "en": "Route",
    },
    "charging.col_direction": {
        "zh": "方向",
        "en": "Direction",
    },
    "charging.col_kind": {
        "zh": "类型",
        "en": "Kind",
    },
    "charging.col_covered": {
        "zh": "有充电设施",
        "en": "Has charging",
    },
    "charging.col_stations": {
        "zh": "充电站",
        "en": "Stations",
    },
    "charging.col_dc": {
        "zh": "直流枪",
        "en": "DC connectors",
    },
    "charging.col_ac": {
        "zh": "交流枪",
        "en": "AC connectors",
    },
    "charging.col_max_kw": {
        "zh": "最大功率 kW",
        "en": "Max kW",
    },
    "charging.col_charging_spaces": {
        "zh": "充电车位",
        "en": "Charging spaces",
    },
    "charging.col_car_spaces": {
        "zh": "小客车车位",
        "en": "Car spaces",
    },
    "charging.col_space_share": {
        "zh": "充电车位占比",
        "en": "Charging-space share",
    },
    "charging.col_space_rule": {
        "zh": "充电车位 ≥ {share}",
        "en": "Charging spaces ≥ {share}",
    },
    "charging.col_chargers": {
        "zh": "充电设施数",
        "en": "Chargers",
    },
    "charging.col_nearest_km": {
        "zh": "最近充电设施 km",
        "en": "Nearest charger km",
    },
    "charging.col_register_site": {
        "zh": "登记编号",
        "en": "Register id",
    },
    "charging.col_length_km": {
        "zh": "长度 km",
        "en": "Length km",
    },
    "charging.col_max_gap_km": {
        "zh": "最长间隔 km",
        "en": "Longest gap km",
    },
    "charging.col_lead_km": {
        "zh": "首段 km",
        "en": "Lead km",
    },
    "charging.col_tail_km": {
        "zh": "末段 km",
        "en": "Tail km",
    },
    "charging.col_cn_compliant": {
        "zh": "中国规则",
        "en": "Chinese rule",
    },
    "charging.col_meets_afir": {
        "zh": "AFIR 间隔≤60km",
        "en": "AFIR gap ≤ 60 km",
    },
    "charging.col_afir_compliant": {
        "zh": "欧盟 AFIR 全规则",
        "en": "EU AFIR, whole rule",
    },
    "charging.col_meets_nevi": {
        "zh": "NEVI 间隔≤50英里",
        "en": "NEVI gap ≤ 50 mi",
    },
    "charging.col_nevi_compliant": {
        "zh": "美国 NEVI 全规则",
        "en": "US NEVI, whole rule",
    },
    "charging.both_directions": {
        "zh": "双向",
        "en": "both",
    },
    # compass points: a carriageway's direction of travel (the OpenStreetMap check)
    "charging.direction_N": {
        "zh": '往北',
        "en": 'northbound',
    },
    "charging.direction_NE": {
        "zh": '往东北',
        "en": 'northeast-bound',
    },
    "charging.direction_E": {
        "zh": '往东',
        "en": 'eastbound',
    },
    "charging.direction_SE": {
        "zh": '往东南',
        "en": 'southeast-bound',
    },
    "charging.direction_S": {
        "zh": '往南',
        "en": 'southbound',
    },
    "charging.direction_SW": {
        "zh": '往西南',
        "en": 'southwest-bound',
    },
    "charging.direction_W": {
        "zh": '往西',
        "en": 'westbound',
    },
    "charging.direction_NW": {
        "zh": '往西北',
        "en": 'northwest-bound',
    },
    # OpenStreetMap kinds of site (highway=services, highway=rest_area) and object ids
    "charging.services": {
        "zh": '服务区',
        "en": 'Service area',
    },
    "charging.rest_area": {
        "zh": '停车区',
        "en": 'Rest area',
    },
    "charging.osm_w": {
        "zh": 'OSM 路径 {id}',
        "en": 'OSM way {id}',
    },
    "charging.osm_n": {
        "zh": 'OSM 节点 {id}',
        "en": 'OSM node {id}',
    },
    "charging.osm_r": {
        "zh": 'OSM 关系 {id}',
        "en": 'OSM relation {id}',
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
