"""Texts of the sea-rail domain in Chinese and English (keys ``sea_rail.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "sea_rail.section_sea_rail": {
        "zh": "四、集装箱海铁联运",
        "en": "4. Container sea-rail intermodal transport",
    },
    "sea_rail.teu": {"zh": "标准箱（TEU）", "en": "TEU"},
    "sea_rail.title_annual": {
        "zh": "集装箱海铁联运量（按年）",
        "en": "Container sea-rail volume by year",
    },
    "sea_rail.title_monthly": {
        "zh": "{first}–{last}年逐月海铁联运量（按数据来源）",
        "en": "Sea-rail volume by month, {first}-{last}, by source",
    },
    "sea_rail.month": {"zh": "月份", "en": "Month"},
    "sea_rail.source": {"zh": "数据来源", "en": "Source"},
    "sea_rail.source_moves": {"zh": "作业记录统计", "en": "Counted from moves"},
    "sea_rail.source_reported": {"zh": "月报数据", "en": "Reported figure"},
    "sea_rail.target_pace": {
        "zh": "目标月均 {amount} TEU（全年 {target} TEU）",
        "en": "Target pace {amount} TEU a month ({target} a year)",
    },
    "sea_rail.title_inland": {
        "zh": "{year}年按内陆港统计的海铁联运量（{months}个月作业记录）",
        "en": "Sea-rail volume by inland port, {year} ({months} month(s) of move records)",
    },
    "sea_rail.inland_node": {"zh": "内陆港", "en": "Inland port"},
    "sea_rail.inland_node_unknown": {"zh": "未填内陆港", "en": "Inland port not given"},
    "sea_rail.direction": {"zh": "方向", "en": "Direction"},
    "sea_rail.rail_to_ship": {"zh": "集港（铁转海）", "en": "Rail to ship"},
    "sea_rail.ship_to_rail": {"zh": "疏港（海转铁）", "en": "Ship to rail"},
    "sea_rail.note_no_moves": {
        "zh": "{year}年没有作业记录，各月采用月报数据，无法按内陆港细分。",
        "en": "No move records in {year}: every month comes from the reported figures, with no inland-port breakdown.",
    },
    "sea_rail.section_reconciliation": {
        "zh": "作业记录与月报核对",
        "en": "Counted against reported volume",
    },
    "sea_rail.moves_teu": {"zh": "作业记录统计（TEU）", "en": "Counted (TEU)"},
    "sea_rail.reported_teu": {"zh": "月报（TEU）", "en": "Reported (TEU)"},
    "sea_rail.boxes": {"zh": "自然箱", "en": "Boxes"},
    "sea_rail.difference": {"zh": "差额（TEU）", "en": "Difference (TEU)"},
    "sea_rail.relative_difference": {"zh": "相对差额", "en": "Relative difference"},
    "sea_rail.section_growth": {
        "zh": "年度增速（国家要求年均增长15%以上）",
        "en": "Growth by year (the national plans ask for more than 15 % a year)",
    },
    "sea_rail.value": {"zh": "海铁联运量（TEU）", "en": "Sea-rail volume (TEU)"},
    "sea_rail.growth": {"zh": "同比增长", "en": "Growth"},
    "sea_rail.above_growth_target": {"zh": "高于增速要求", "en": "Above the growth ask"},
    "sea_rail.complete": {"zh": "两年均完整", "en": "Both years complete"},
    "sea_rail.note_duplicates": {
        "zh": (
            "重复导出的作业 {moves} 箱次只计一次，其中 {conflicting} 箱次的副本内容不一致"
            "（见视图 sea_rail_duplicate_moves）。"
        ),
        "en": (
            "{moves} moves exported more than once are counted once; the copies of {conflicting} of "
            "them disagree (see view sea_rail_duplicate_moves)."
        ),
    },
    "sea_rail.note_no_data": {
        "zh": "本数据库没有海铁联运数据（sea_rail_moves 与 sea_rail_monthly 均无记录）。",
        "en": "No sea-rail data in this database (sea_rail_moves and sea_rail_monthly are empty).",
    },
    "sea_rail.note_views_missing": {
        "zh": "本数据库尚无海铁联运视图（sea_rail_teu_monthly），本节从略。请用新版 qdtransport 重新构建数据库。",
        "en": (
            "This database has no sea-rail views yet (sea_rail_teu_monthly); section skipped. "
            "Rebuild the database with a newer qdtransport."
        ),
    },
}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
