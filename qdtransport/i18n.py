"""Every text people read, in Chinese and English, from one place.

:func:`text` looks a key up in :data:`SHARED` (report headings, column headers, chart axes common
to all domains) merged with every registered domain's ``labels`` (keys ``"<domain>.…"``, in
``qdtransport/domains/<domain>/labels.py``). A key that is not there is an error, never a silent
fallback; a key two places define is an error too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

LANGS: tuple[str, ...] = ("zh", "en")
"""Languages of every text."""

SHARED: dict[str, dict[str, str]] = {
    "year": {
        "zh": "年份",
        "en": "Year",
    },
    "rows_rejected": {
        "zh": "拒收行数",
        "en": "Rows rejected",
    },
    "source_file": {
        "zh": "文件",
        "en": "File",
    },
    "reason_code": {
        "zh": "原因",
        "en": "Reason",
    },
    "year_status": {
        "zh": "年度数据",
        "en": "Year",
    },
    "complete_year": {
        "zh": "全年",
        "en": "Full year",
    },
    "incomplete_year": {
        "zh": "年度未完",
        "en": "Year not complete",
    },
    "target": {
        "zh": "目标",
        "en": "Target",
    },
    "target_year": {
        "zh": "目标年",
        "en": "Target year",
    },
    "no_data": {
        "zh": "无数据",
        "en": "No data",
    },
    "map_scale_km": {
        "zh": "{km} 公里",
        "en": "{km} km",
    },
    "title_rejects": {
        "zh": "拒收行：按文件和原因",
        "en": "Rejected rows by file and reason",
    },
    "report_title": {
        "zh": "青岛市交通运输领域碳达峰指标报告（{year}年）",
        "en": "Qingdao transport carbon-peak indicators, {year}",
    },
    "report_subtitle": {
        "zh": "数据集：{dataset}；构建时间 {built_at}（UTC）",
        "en": "Dataset: {dataset}; built {built_at} UTC",
    },
    "unnamed_dataset": {
        "zh": "未命名",
        "en": "unnamed",
    },
    "section_scorecard": {
        "zh": "指标与目标",
        "en": "Indicators and targets",
    },
    "section_history": {
        "zh": "近五年：{first}–{last}年",
        "en": "Last five years: {first}-{last}",
    },
    "section_quality": {
        "zh": "数据质量",
        "en": "Data quality",
    },
    "section_rejects": {
        "zh": "拒收行（按文件和原因）",
        "en": "Rejected rows by file and reason",
    },
    "section_warnings": {
        "zh": "数据质量提示（按文件）",
        "en": "Data-quality warnings by file",
    },
    "section_provenance": {
        "zh": "数据来源与方法",
        "en": "Sources and method",
    },
    "section_manifest": {
        "zh": "输入文件",
        "en": "Input files",
    },
    "section_build": {
        "zh": "构建信息",
        "en": "Build",
    },
    "section_settings": {
        "zh": "方法设置",
        "en": "Methodology settings",
    },
    "footnote_incomplete": {
        "zh": "† 年度未完：输入数据尚未覆盖至该年12月31日，数值为截至数据日期的临时值。",
        "en": "† Year not complete: the inputs do not reach 31 December of that year; the value is provisional.",
    },
    "note_no_rows": {
        "zh": "无数据。",
        "en": "No rows.",
    },
    "note_no_rejects": {
        "zh": "所有输入行均已载入，没有拒收行。",
        "en": "Every input row was loaded; no rows were rejected.",
    },
    "note_no_warnings": {
        "zh": "没有数据质量提示。",
        "en": "No data-quality warnings.",
    },
    "col_indicator": {
        "zh": "指标",
        "en": "Indicator",
    },
    "col_year": {
        "zh": "年份",
        "en": "Year",
    },
    "col_value": {
        "zh": "数值",
        "en": "Value",
    },
    "col_fraction": {
        "zh": "分子 / 分母",
        "en": "Numerator / denominator",
    },
    "col_target": {
        "zh": "目标",
        "en": "Target",
    },
    "col_met": {
        "zh": "达标",
        "en": "Met",
    },
    "col_year_data": {
        "zh": "年度数据",
        "en": "Year data",
    },
    "col_file": {
        "zh": "文件",
        "en": "File",
    },
    "col_table": {
        "zh": "数据表",
        "en": "Table",
    },
    "col_reason": {
        "zh": "原因代码",
        "en": "Reason code",
    },
    "col_warning": {
        "zh": "提示代码",
        "en": "Warning code",
    },
    "col_rows": {
        "zh": "行数",
        "en": "Rows",
    },
    "col_example": {
        "zh": "示例（行号：原始内容）",
        "en": "Example (row: raw content)",
    },
    "col_explanation": {
        "zh": "说明",
        "en": "Explanation",
    },
    "col_format": {
        "zh": "格式",
        "en": "Format",
    },
    "col_encoding": {
        "zh": "编码",
        "en": "Encoding",
    },
    "col_rows_read": {
        "zh": "读取",
        "en": "Read",
    },
    "col_rows_loaded": {
        "zh": "载入",
        "en": "Loaded",
    },
    "col_rows_rejected": {
        "zh": "拒收",
        "en": "Rejected",
    },
    "col_duplicates": {
        "zh": "重复合并",
        "en": "Duplicates",
    },
    "col_warnings": {
        "zh": "提示",
        "en": "Warnings",
    },
    "col_size": {
        "zh": "字节",
        "en": "Bytes",
    },
    "col_sha256": {
        "zh": "SHA-256",
        "en": "SHA-256",
    },
    "col_item": {
        "zh": "项目",
        "en": "Item",
    },
    "col_setting": {
        "zh": "设置",
        "en": "Setting",
    },
    "col_meaning": {
        "zh": "含义",
        "en": "Meaning",
    },
    "year_complete": {
        "zh": "全年",
        "en": "full year",
    },
    "year_incomplete": {
        "zh": "年度未完 †",
        "en": "not complete †",
    },
    "no_value": {
        "zh": "无数据",
        "en": "no data",
    },
    "yes": {
        "zh": "是",
        "en": "yes",
    },
    "no": {
        "zh": "否",
        "en": "no",
    },
    "section_number": {
        "zh": "{numeral}、{title}",
        "en": "{number}. {title}",
    },
    "synthetic_banner": {
        "zh": "演示数据：合成数据，非官方统计 / Demo data: synthetic, not official statistics",
        "en": "演示数据：合成数据，非官方统计 / Demo data: synthetic, not official statistics",
    },
    "row_number": {
        "zh": "第{row}行",
        "en": "row {row}",
    },
    "target_with_year": {
        "zh": "{sign} {amount}（{year}年）",
        "en": "{sign} {amount} ({year})",
    },
}
"""Texts shared by every domain: key -> {"zh": …, "en": …}."""


COLUMNS: dict[str, dict[str, str]] = {
    "column.year": {"zh": "年份", "en": "Year"},
    "column.month": {"zh": "月份", "en": "Month"},
    "column.value": {"zh": "数值", "en": "Value"},
    "column.numerator": {"zh": "分子", "en": "Numerator"},
    "column.denominator": {"zh": "分母", "en": "Denominator"},
    "column.target_value": {"zh": "目标值", "en": "Target"},
    "column.met": {"zh": "达标", "en": "Met"},
    "column.complete": {"zh": "全年数据", "en": "Full year"},
    "column.indicator_id": {"zh": "指标", "en": "Indicator"},
    "column.use_type": {"zh": "车辆类型", "en": "Vehicle type"},
    "column.district": {"zh": "区市", "en": "District"},
    "column.operator": {"zh": "运营企业", "en": "Operator"},
    "column.powertrain": {"zh": "动力类型", "en": "Powertrain"},
    "column.is_nev": {"zh": "新能源", "en": "New-energy"},
    "column.vehicles": {"zh": "车辆数", "en": "Vehicles"},
    "column.nev_vehicles": {"zh": "新能源车辆数", "en": "New-energy vehicles"},
    "column.nev_share": {"zh": "新能源占比", "en": "New-energy share"},
    "column.registrations": {"zh": "登记数", "en": "Registrations"},
    "column.share": {"zh": "占比", "en": "Share"},
    "column.coverage": {"zh": "覆盖率", "en": "Coverage"},
    "column.kind": {"zh": "类型", "en": "Kind"},
    "column.sites": {"zh": "站点数", "en": "Sites"},
    "column.covered_sites": {"zh": "有充电设施站点", "en": "Sites with charging"},
    "column.stations": {"zh": "充电站", "en": "Stations"},
    "column.route_ref": {"zh": "高速", "en": "Route"},
    "column.direction": {"zh": "方向", "en": "Direction"},
    "column.name": {"zh": "名称", "en": "Name"},
    "column.tonnes": {"zh": "吨数", "en": "Tonnes"},
    "column.green_tonnes": {"zh": "绿色运输吨数", "en": "Tonnes moved green"},
    "column.cargo": {"zh": "货类", "en": "Cargo"},
    "column.flow": {"zh": "流向", "en": "Flow"},
    "column.mode": {"zh": "运输方式", "en": "Mode"},
    "column.terminal": {"zh": "码头", "en": "Terminal"},
    "column.source_file": {"zh": "文件", "en": "File"},
    "column.source_row": {"zh": "行号", "en": "Row"},
    "column.reason_code": {"zh": "原因代码", "en": "Reason code"},
    "column.reason": {"zh": "原因", "en": "Reason"},
    "column.warning_code": {"zh": "提示代码", "en": "Warning code"},
    "column.warning": {"zh": "提示", "en": "Warning"},
    "column.raw_row": {"zh": "原始内容", "en": "Row as given"},
    "column.relation": {"zh": "表或视图", "en": "Table or view"},
    "column.column_name": {"zh": "列", "en": "Column"},
    "column.data_type": {"zh": "类型", "en": "Type"},
    "column.comment": {"zh": "含义", "en": "Meaning"},
    "column.sites_meeting_space_rule": {"zh": "充电车位达标站点", "en": "Sites meeting the space rule"},
    "column.sites_with_space_data": {"zh": "有车位数据站点", "en": "Sites with space data"},
    "column.service_area_id": {"zh": "服务区编号", "en": "Site id"},
    "column.in_service": {"zh": "在营", "en": "In service"},
    "column.covered": {"zh": "有充电设施", "en": "Has charging"},
    "column.dc_connectors": {"zh": "直流枪", "en": "DC connectors"},
    "column.ac_connectors": {"zh": "交流枪", "en": "AC connectors"},
    "column.charging_space_share": {"zh": "充电车位占比", "en": "Charging-space share"},
    "column.meets_space_rule": {"zh": "充电车位达标", "en": "Meets the space rule"},
    "column.station_id": {"zh": "充电站编号", "en": "Station id"},
    "column.site_match": {"zh": "匹配方式", "en": "How matched"},
    "column.commissioned_date": {"zh": "投运日期", "en": "In service since"},
    "note_rows_left_out": {
        "zh": "仅显示前 {shown:,} 行，共 {total:,} 行。",
        "en": "First {shown:,} of {total:,} rows shown.",
    },
}
"""Headers of the columns the notebooks show most (``qdtransport.report.people``) and the notes
of those tables: key -> {"zh": …, "en": …}."""


def check_lang(lang: str) -> None:
    """Raise ValueError unless ``lang`` is one of :data:`LANGS`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")


def merge_labels(
    sources: Iterable[tuple[str, Mapping[str, Mapping[str, str]]]],
) -> dict[str, Mapping[str, str]]:
    """Merge label tables, refusing a key defined twice or a text missing a language.

    Parameters
    ----------
    sources
        ``(name, labels)`` pairs: a name for error messages (``shared``, a domain name) and its
        key -> ``{"zh": …, "en": …}`` table.

    Returns
    -------
    dict
        Every key -> its texts.

    Raises
    ------
    ValueError
        A key appears in two sources, or a text lacks one of :data:`LANGS`.
    """
    merged: dict[str, Mapping[str, str]] = {}
    owner: dict[str, str] = {}
    for name, labels in sources:
        for key, texts in labels.items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined by both {owner[key]} and {name}")
            missing = [lang for lang in LANGS if lang not in texts]
            if missing:
                raise ValueError(f"text key {key!r} of {name} has no {', '.join(missing)} text")
            merged[key], owner[key] = texts, name
    return merged


def _shared_sources() -> list[tuple[str, Mapping[str, Mapping[str, str]]]]:
    """The label tables that name no domain: :data:`SHARED`, :data:`COLUMNS` and the messages."""
    from qdtransport.messages import MESSAGES

    return [("shared", SHARED), ("columns", COLUMNS), ("messages", MESSAGES)]


@cache
def shared_labels() -> dict[str, Mapping[str, str]]:
    """The texts that name no domain, merged (the command line needs no more, nor the domains' imports)."""
    return merge_labels(_shared_sources())


@cache
def all_labels() -> dict[str, Mapping[str, str]]:
    """Every text: :data:`SHARED`, :data:`COLUMNS`, the messages and the domains' labels, merged.

    The messages are :data:`qdtransport.messages.MESSAGES`.
    """
    from qdtransport.domains import DOMAINS

    return merge_labels([*_shared_sources(), *((d.name, d.labels) for d in DOMAINS)])


def text(key: str, lang: str = "zh", **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Parameters
    ----------
    key
        A key of :data:`SHARED` or of a domain's labels (``"fleet.title_stock"``).
    lang
        ``"zh"`` or ``"en"``.
    **values
        Values for the placeholders.

    Raises
    ------
    KeyError
        When no table defines ``key``.
    ValueError
        When ``lang`` is not one of :data:`LANGS`.
    """
    check_lang(lang)
    labels = shared_labels()
    if key not in labels:
        labels = all_labels()
    if key not in labels:
        raise KeyError(f"no text for key {key!r}")
    words = labels[key][lang]
    return words.format(**values) if values else words


def has_text(key: str) -> bool:
    """True when ``key`` has a text."""
    return key in shared_labels() or key in all_labels()


def text_or(key: str, default: str, lang: str = "zh", **values: object) -> str:
    """The text for ``key``, or ``default`` when there is none (for codes read from data)."""
    return text(key, lang, **values) if has_text(key) else default
