"""Texts of the port-bulk domain in Chinese and English (keys ``port_bulk.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # cargo classes (port_bulk_flows.cargo)
    "port_bulk.cargo_all": {"zh": "全部大宗货物", "en": "All bulk cargo"},
    "port_bulk.coal": {"zh": "煤炭", "en": "Coal"},
    "port_bulk.iron_ore": {"zh": "铁矿石", "en": "Iron ore"},
    "port_bulk.coke": {"zh": "焦炭", "en": "Coke"},
    "port_bulk.bauxite": {"zh": "铝土矿", "en": "Bauxite"},
    "port_bulk.other_ore": {"zh": "其他矿石", "en": "Other ores"},
    "port_bulk.grain": {"zh": "粮食", "en": "Grain"},
    "port_bulk.crude_oil": {"zh": "原油", "en": "Crude oil"},
    "port_bulk.oil_products": {"zh": "成品油", "en": "Oil products"},
    "port_bulk.other": {"zh": "其他", "en": "Other"},
    # flows (port_bulk_flows.flow)
    "port_bulk.to_port": {"zh": "集港", "en": "Collected to the port"},
    "port_bulk.from_port": {"zh": "疏港", "en": "Distributed from the port"},
    # modes (port_bulk_flows.mode)
    "port_bulk.rail": {"zh": "铁路", "en": "Rail"},
    "port_bulk.waterway": {"zh": "水路", "en": "Waterway"},
    "port_bulk.belt_conveyor": {"zh": "封闭式皮带廊道", "en": "Closed belt corridor"},
    "port_bulk.pipeline": {"zh": "管道", "en": "Pipeline"},
    "port_bulk.truck_nev": {"zh": "新能源货车", "en": "New-energy trucks"},
    "port_bulk.truck_diesel": {"zh": "柴油货车", "en": "Diesel trucks"},
    "port_bulk.truck_lng": {"zh": "LNG货车", "en": "LNG trucks"},
    "port_bulk.truck_other": {"zh": "其他货车", "en": "Other trucks"},
    "port_bulk.terminal_unknown": {"zh": "未填港区", "en": "Port area not given"},
    # axes, legends, column headers
    "port_bulk.cargo": {"zh": "货类", "en": "Cargo"},
    "port_bulk.flow": {"zh": "集疏运方向", "en": "Flow"},
    "port_bulk.mode": {"zh": "运输方式", "en": "Mode"},
    "port_bulk.terminal": {"zh": "港区", "en": "Port area"},
    "port_bulk.green_share": {"zh": "绿色运输方式比例", "en": "Green transport share"},
    "port_bulk.green_tonnes": {"zh": "绿色方式运量（万吨）", "en": "By green modes (10,000 t)"},
    "port_bulk.tonnes": {"zh": "集疏运量（万吨）", "en": "Collected and distributed (10,000 t)"},
    "port_bulk.mode_share": {"zh": "占比", "en": "Share"},
    "port_bulk.green": {"zh": "绿色方式", "en": "Green mode"},
    "port_bulk.vs_target": {"zh": "达到{target}", "en": "Reaches {target}"},
    "port_bulk.yes": {"zh": "是", "en": "yes"},
    "port_bulk.no": {"zh": "否", "en": "no"},
    # titles and notes
    "port_bulk.section": {
        "zh": "港口大宗货物绿色集疏运",
        "en": "Green collection and distribution of port bulk cargo",
    },
    "port_bulk.title_share": {
        "zh": "港口大宗货物绿色运输方式比例（按货类）",
        "en": "Green transport share of port bulk cargo, by cargo",
    },
    "port_bulk.title_mode_mix": {
        "zh": "大宗货物集疏运方式构成（万吨，集港与疏港合计）",
        "en": "Bulk cargo by mode (10,000 t, both flows)",
    },
    "port_bulk.heading_by_cargo": {
        "zh": "{year}年：按货类的绿色运输方式比例",
        "en": "{year}: green transport share by cargo",
    },
    "port_bulk.heading_by_flow": {
        "zh": "{year}年：按港区和集疏运方向",
        "en": "{year}: by port area and flow",
    },
    "port_bulk.note_method": {
        "zh": "大宗货物：{cargoes}；绿色运输方式：{modes}。集港与疏港均计入；一年12个月均有数据时为全年值。",
        "en": (
            "Bulk cargo: {cargoes}; green modes: {modes}. Both flows count; a year is complete when "
            "all twelve months have rows."
        ),
    },
    "port_bulk.note_incomplete": {
        "zh": "{year}年仅有{months}个月的数据，数值为临时值。",
        "en": "{year} has rows for {months} months only; the value is provisional.",
    },
    "port_bulk.no_rows": {
        "zh": "没有港口大宗货物集疏运数据（port_bulk_flows）。",
        "en": "No port bulk cargo flows (port_bulk_flows) were loaded.",
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
