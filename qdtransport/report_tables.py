"""Report tables and HTML fragments formatted for people, in Chinese or English.

Every table function takes rows as the warehouse returns them (polars or pandas) and returns a
polars frame of display strings whose column names are the headers in the chosen language;
:func:`html_table` turns such a frame into an HTML table. The report notebook
(``notebooks/report.ipynb``) and the exploration notebooks call these; :mod:`qdtransport.report`
runs the report.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import duckdb
import polars as pl

from qdtransport.charts import check_lang, label

SYNTHETIC_BANNER = "演示数据：合成数据，非官方统计 / Demo data: synthetic, not official statistics"
"""Shown on the first screen of every report built from data marked ``synthetic = true``."""

MISSING = "–"
"""Shown for a value that does not exist (no data, not applicable)."""

REPORT_TEXT: dict[str, tuple[str, str]] = {
    "report_title": ("青岛市交通运输领域碳达峰指标报告（{year}年）", "Qingdao transport carbon-peak indicators, {year}"),
    "report_subtitle": ("数据集：{dataset}；构建时间 {built_at}（UTC）", "Dataset: {dataset}; built {built_at} UTC"),
    "unnamed_dataset": ("未命名", "unnamed"),
    "section_scorecard": ("一、指标与目标", "1. Indicators and targets"),
    "section_history": ("近五年：{first}–{last}年", "Last five years: {first}-{last}"),
    "section_fleet": ("二、公交车与出租车新能源化", "2. New-energy buses and taxis"),
    "section_charging": ("三、高速公路服务区充电设施", "3. Charging at expressway service areas"),
    "section_sites": ("{year}年末各服务区充电设施", "Charging at each site on 31 December {year}"),
    "section_network": ("OpenStreetMap 路网核查", "OpenStreetMap network check"),
    "section_verdicts": ("各行车方向充电间隔：中国、欧盟 AFIR、美国 NEVI 规则", "Gaps along each carriageway: Chinese, EU AFIR and US NEVI rules"),
    "section_quality": ("四、数据质量", "4. Data quality"),
    "section_rejects": ("拒收行（按文件和原因）", "Rejected rows by file and reason"),
    "section_warnings": ("数据质量提示（按文件）", "Data-quality warnings by file"),
    "section_provenance": ("五、数据来源与方法", "5. Sources and method"),
    "section_manifest": ("输入文件", "Input files"),
    "section_build": ("构建信息", "Build"),
    "section_settings": ("方法设置", "Methodology settings"),
    "footnote_incomplete": ("† 年度未完：输入数据尚未覆盖至该年12月31日，数值为截至数据日期的临时值。",
                            "† Year not complete: the inputs do not reach 31 December of that year; the value is provisional."),
    "note_no_rows": ("无数据。", "No rows."),
    "note_charging_views_missing": ("本数据库尚无充电设施指标视图（service_area_charger_coverage、sa_site_charging），本节从略。请用新版 qdtransport 重新构建数据库。",
                                    "This database has no charging views yet (service_area_charger_coverage, sa_site_charging); section skipped. Rebuild the database with a newer qdtransport."),
    "note_no_network": ("未进行 OpenStreetMap 路网核查（构建时数据目录中没有 osm/ 文件）。下图为登记服务区位置。",
                        "No OpenStreetMap network check (the data directory had no osm/ file at build time). The map shows the registered sites."),
    "note_verdicts": ("间隔：相邻充电设施之间最长距离是否不超过限值（首末段不计）；全规则：另计功率、与主线距离及首末段。",
                      "Gap: the longest distance between consecutive chargers within the limit (lead and tail not counted); whole rule: also power, distance from the carriageway, lead and tail."),
    "note_space_rule": ("充电车位占比规则：每个服务区充电车位不少于小客车车位的 {share}（2022年国家行动方案）。",
                        "Charging-space rule: charging spaces at least {share} of small-car parking spaces per site (2022 national action plan)."),
    "note_no_rejects": ("所有输入行均已载入，没有拒收行。", "Every input row was loaded; no rows were rejected."),
    "note_no_warnings": ("没有数据质量提示。", "No data-quality warnings."),
    # column headers
    "col_indicator": ("指标", "Indicator"),
    "col_year": ("年份", "Year"),
    "col_value": ("数值", "Value"),
    "col_fraction": ("分子 / 分母", "Numerator / denominator"),
    "col_target": ("目标", "Target"),
    "col_met": ("达标", "Met"),
    "col_year_data": ("年度数据", "Year data"),
    "col_site_id": ("编号", "Id"),
    "col_name": ("名称", "Name"),
    "col_route": ("高速", "Route"),
    "col_direction": ("方向", "Direction"),
    "col_kind": ("类型", "Kind"),
    "col_covered": ("有充电设施", "Has charging"),
    "col_stations": ("充电站", "Stations"),
    "col_dc": ("直流枪", "DC connectors"),
    "col_ac": ("交流枪", "AC connectors"),
    "col_max_kw": ("最大功率 kW", "Max kW"),
    "col_charging_spaces": ("充电车位", "Charging spaces"),
    "col_car_spaces": ("小客车车位", "Car spaces"),
    "col_space_share": ("充电车位占比", "Charging-space share"),
    "col_space_rule": ("充电车位 ≥ {share}", "Charging spaces ≥ {share}"),
    "col_chargers": ("充电设施数", "Chargers"),
    "col_nearest_km": ("最近充电设施 km", "Nearest charger km"),
    "col_register_site": ("登记编号", "Register id"),
    "col_length_km": ("长度 km", "Length km"),
    "col_max_gap_km": ("最长间隔 km", "Longest gap km"),
    "col_lead_km": ("首段 km", "Lead km"),
    "col_tail_km": ("末段 km", "Tail km"),
    "col_cn_compliant": ("中国规则", "Chinese rule"),
    "col_meets_afir": ("AFIR 间隔≤60km", "AFIR gap ≤ 60 km"),
    "col_afir_compliant": ("欧盟 AFIR 全规则", "EU AFIR, whole rule"),
    "col_meets_nevi": ("NEVI 间隔≤50英里", "NEVI gap ≤ 50 mi"),
    "col_nevi_compliant": ("美国 NEVI 全规则", "US NEVI, whole rule"),
    "col_file": ("文件", "File"),
    "col_table": ("数据表", "Table"),
    "col_reason": ("原因代码", "Reason code"),
    "col_warning": ("提示代码", "Warning code"),
    "col_rows": ("行数", "Rows"),
    "col_example": ("示例（行号：原始内容）", "Example (row: raw content)"),
    "col_explanation": ("说明", "Explanation"),
    "col_format": ("格式", "Format"),
    "col_encoding": ("编码", "Encoding"),
    "col_rows_read": ("读取", "Read"),
    "col_rows_loaded": ("载入", "Loaded"),
    "col_rows_rejected": ("拒收", "Rejected"),
    "col_duplicates": ("重复合并", "Duplicates"),
    "col_warnings": ("提示", "Warnings"),
    "col_size": ("字节", "Bytes"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_item": ("项目", "Item"),
    "col_setting": ("设置", "Setting"),
    "col_meaning": ("含义", "Meaning"),
    "both_directions": ("双向", "both"),
    "year_complete": ("全年", "full year"),
    "year_incomplete": ("年度未完 †", "not complete †"),
    "no_value": ("无数据", "no data"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}  # fmt: skip
"""Headings, notes and column headers of the report: key -> (Chinese, English)."""


def text(key: str, *, lang: str = "zh", **values: object) -> str:
    """The report text for ``key`` in ``lang`` (else the chart label), filled from ``values``."""
    if key not in REPORT_TEXT:
        return label(key, lang=lang, **values)
    check_lang(lang)
    words = REPORT_TEXT[key][0 if lang == "zh" else 1]
    return words.format(**values) if values else words


# --- reading the database ---------------------------------------------------------------------


def relation_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when the database has a table or view called ``name``."""
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = ?", [name]
    ).fetchall()
    return found[0][0] > 0


def read_relation(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame | None:
    """All rows of table or view ``name`` as a polars frame; ``None`` when the database lacks it."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueError(f"not a relation name: {name!r}")
    if not relation_exists(con, name):
        return None
    return con.sql(f'select * from "{name}"').pl()


def column_comments(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, str]:
    """Column name -> comment of table or view ``name`` (empty when it has none)."""
    rows = con.execute(
        "select column_name, comment from duckdb_columns() "
        "where table_name = ? order by column_index",
        [name],
    ).fetchall()
    return {column: comment or "" for column, comment in rows}


# --- values for people ------------------------------------------------------------------------


def format_share(value: float | None) -> str:
    """A fraction as a percentage with one decimal (``0.6667`` -> ``66.7%``); ``–`` for None."""
    return MISSING if value is None else f"{value:.1%}"


def format_value(value: float | None, unit: str) -> str:
    """An indicator value in its unit: shares as %, TEU with separators; ``–`` for None."""
    if value is None:
        return MISSING
    if unit == "share":
        return format_share(value)
    return f"{value:,.0f} {unit}"


def format_target(
    comparator: str, target_value: float, unit: str, target_year: int, *, lang: str = "zh"
) -> str:
    """``≥ 80%（2025年）`` / ``≥ 80% (2025)``: the plan target as people read it."""
    sign = {">=": "≥", ">": ">"}.get(comparator, comparator)
    amount = f"{target_value:.0%}" if unit == "share" else f"{target_value:,.0f} {unit}"
    return (
        f"{sign} {amount}（{target_year}年）"
        if lang == "zh"
        else f"{sign} {amount} ({target_year})"
    )


def format_check(flag: bool | None) -> str:
    """✓ for True, ✗ for False, ``–`` for None (not decided)."""
    return MISSING if flag is None else ("✓" if flag else "✗")


def _number(value: float | None, digits: int = 0) -> str:
    return MISSING if value is None else f"{value:,.{digits}f}"


def _rows(frame: Any) -> pl.DataFrame:
    return frame if isinstance(frame, pl.DataFrame) else pl.from_pandas(frame)


def _table(columns: Mapping[str, list[str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {name: pl.Series(values, dtype=pl.String) for name, values in columns.items()}
    )


def _direction(value: str | None, lang: str) -> str:
    if value is None:
        return MISSING
    return text("both_directions", lang=lang) if value == "both" else value


# --- tables -----------------------------------------------------------------------------------


def scorecard_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The scorecard for people: one row per indicator and year.

    Parameters
    ----------
    rows
        Rows with the columns of view ``scorecard``: ``indicator_id``, ``year``, ``value``,
        ``numerator``, ``denominator``, ``target_value``, ``comparator``, ``unit``, ``met``,
        ``complete``, ``target_year``, ``name_zh``, ``name_en``. ``value`` may be null (an
        indicator without data in the year: shown as "no data").
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        String columns Indicator, Year, Value (shares as ``66.7%``, TEU as ``2,200,000 TEU``),
        Numerator / denominator, Target (``≥ 80% (2025)``), Met (✓/✗, ``–`` without a value),
        Year data ("full year" or "not complete †"). No rows gives an empty frame with these
        columns.
    """
    rows = _rows(rows)
    columns: dict[str, list[str]] = {
        text(k, lang=lang): []
        for k in (
            "col_indicator",
            "col_year",
            "col_value",
            "col_fraction",
            "col_target",
            "col_met",
            "col_year_data",
        )
    }
    out = list(columns.values())
    for row in rows.iter_rows(named=True):
        has_value = row["value"] is not None
        out[0].append(row["name_zh"] if lang == "zh" else row["name_en"])
        out[1].append(str(row["year"]))
        out[2].append(
            format_value(row["value"], row["unit"]) if has_value else text("no_value", lang=lang)
        )
        out[3].append(
            f"{row['numerator']:,} / {row['denominator']:,}"
            if row.get("denominator") is not None
            else MISSING
        )
        out[4].append(
            format_target(
                row["comparator"], row["target_value"], row["unit"], row["target_year"], lang=lang
            )
        )
        out[5].append(format_check(row["met"]) if has_value else MISSING)
        if not has_value:
            out[6].append(MISSING)
        else:
            out[6].append(
                text("year_complete" if row["complete"] else "year_incomplete", lang=lang)
            )
    return _table(columns)


def site_charging_table(rows: Any, *, space_share_min: float, lang: str = "zh") -> pl.DataFrame:
    """Charging at each register site at one year-end, with the charging-space rule.

    Parameters
    ----------
    rows
        Rows of view ``sa_site_charging`` for one year (``service_area_id``, ``name``,
        ``route_ref``, ``direction``, ``kind``, ``covered``, ``stations``, ``dc_connectors``,
        ``ac_connectors``, ``max_power_kw``, ``charging_spaces``, ``car_parking_spaces``,
        ``charging_space_share``, ``meets_space_rule``).
    space_share_min
        The rule's least share (``settings.charging_space_share_min``), for the header.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per site: id, name, route, direction, kind, has charging (✓/✗), stations,
        DC and AC connectors, max kW, charging spaces, car spaces, charging-space share (%) and
        the rule (✓/✗, ``–`` where spaces are unknown). No rows gives an empty frame.
    """
    rows = _rows(rows)
    share = f"{space_share_min:.0%}"
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("col_site_id", lang=lang), lambda r: str(r["service_area_id"])),
        (text("col_name", lang=lang), lambda r: str(r["name"])),
        (text("col_route", lang=lang), lambda r: str(r["route_ref"])),
        (text("col_direction", lang=lang), lambda r: _direction(r["direction"], lang)),
        (text("col_kind", lang=lang), lambda r: label(r["kind"], lang=lang)),
        (text("col_covered", lang=lang), lambda r: format_check(r["covered"])),
        (text("col_stations", lang=lang), lambda r: _number(r["stations"])),
        (text("col_dc", lang=lang), lambda r: _number(r["dc_connectors"])),
        (text("col_ac", lang=lang), lambda r: _number(r["ac_connectors"])),
        (text("col_max_kw", lang=lang), lambda r: _number(r.get("max_power_kw"))),
        (text("col_charging_spaces", lang=lang), lambda r: _number(r["charging_spaces"])),
        (text("col_car_spaces", lang=lang), lambda r: _number(r["car_parking_spaces"])),
        (text("col_space_share", lang=lang), lambda r: format_share(r["charging_space_share"])),
        (
            text("col_space_rule", lang=lang, share=share),
            lambda r: format_check(r["meets_space_rule"]),
        ),
    ]
    return _table({header: [cell(r) for r in rows.iter_rows(named=True)] for header, cell in spec})


def network_sites_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """Service-area sites found on the OpenStreetMap motorway network.

    Parameters
    ----------
    rows
        Rows of table ``sa_network_coverage``: ``site_id``, ``name``, ``route_ref``,
        ``direction`` (compass point or ``both``), ``has_charger``, ``chargers``,
        ``nearest_charger_km``, ``register_site_id``; ``kind`` when present.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per site: id, name, route, direction, kind (when given), has charging
        (✓/✗), chargers, nearest charger (km, one decimal), register id (``–`` when unmatched).
    """
    rows = _rows(rows)
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("col_site_id", lang=lang), lambda r: str(r["site_id"])),
        (text("col_name", lang=lang), lambda r: r["name"] or MISSING),
        (text("col_route", lang=lang), lambda r: r["route_ref"] or MISSING),
        (text("col_direction", lang=lang), lambda r: _direction(r["direction"], lang)),
    ]
    if "kind" in rows.columns:
        spec.append(
            (
                text("col_kind", lang=lang),
                lambda r: label(r["kind"], lang=lang) if r["kind"] else MISSING,
            )
        )
    spec += [
        (text("col_covered", lang=lang), lambda r: format_check(r["has_charger"])),
        (text("col_chargers", lang=lang), lambda r: _number(r["chargers"])),
        (text("col_nearest_km", lang=lang), lambda r: _number(r["nearest_charger_km"], 1)),
        (text("col_register_site", lang=lang), lambda r: r["register_site_id"] or MISSING),
    ]
    return _table({header: [cell(r) for r in rows.iter_rows(named=True)] for header, cell in spec})


def corridor_verdicts_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The Chinese, EU AFIR and US NEVI verdicts side by side, one row per carriageway.

    Parameters
    ----------
    rows
        Rows of table ``corridor_gaps``: ``route_ref``, ``direction``, ``length_km``,
        ``max_gap_km``, ``lead_km``, ``tail_km``; the spacing verdicts ``meets_afir`` and
        ``meets_nevi`` (``max_gap_km`` against 60 km and 50 miles); the whole-rule verdicts
        ``cn_compliant``, ``afir_compliant``, ``nevi_compliant`` (a column the database lacks
        shows as ``–``).
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        String rows: route, direction, length, longest gap, lead and tail (km, one decimal),
        then ✓/✗ for the Chinese rule, AFIR spacing, AFIR as a whole, NEVI spacing, NEVI as a
        whole (``–`` where nothing visible decides it or the column is absent).
    """
    rows = _rows(rows)

    def verdict(column: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: format_check(r[column]) if column in r else MISSING

    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("col_route", lang=lang), lambda r: str(r["route_ref"])),
        (text("col_direction", lang=lang), lambda r: _direction(r["direction"], lang)),
        (text("col_length_km", lang=lang), lambda r: _number(r["length_km"], 1)),
        (text("col_max_gap_km", lang=lang), lambda r: _number(r["max_gap_km"], 1)),
        (text("col_lead_km", lang=lang), lambda r: _number(r["lead_km"], 1)),
        (text("col_tail_km", lang=lang), lambda r: _number(r["tail_km"], 1)),
        (text("col_cn_compliant", lang=lang), verdict("cn_compliant")),
        (text("col_meets_afir", lang=lang), verdict("meets_afir")),
        (text("col_afir_compliant", lang=lang), verdict("afir_compliant")),
        (text("col_meets_nevi", lang=lang), verdict("meets_nevi")),
        (text("col_nevi_compliant", lang=lang), verdict("nevi_compliant")),
    ]
    return _table({header: [cell(r) for r in rows.iter_rows(named=True)] for header, cell in spec})


def _shorten(value: str | None, limit: int = 160) -> str:
    if value is None:
        return MISSING
    return value if len(value) <= limit else value[: limit - 1] + "…"


def problem_table(
    rows: Any, *, code_column: str, text_column: str, lang: str = "zh"
) -> pl.DataFrame:
    """Rejected rows or warnings counted per file and code, each with its first example.

    Parameters
    ----------
    rows
        Rows of table ``rejects`` (``code_column="reason_code"``, ``text_column="reason"``) or
        ``data_quality_warnings`` (``"warning_code"``, ``"warning"``): ``source_file``,
        ``source_row``, the code and text columns, ``raw_row`` (JSON of the row as given).
    code_column, text_column
        Names of the code and readable-text columns.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per file and code, ordered by file and code: file, code, rows (count),
        explanation (the first row's text), example (``row N: raw content``, cut at 160
        characters). No rows gives an empty frame.
    """
    rows = _rows(rows)
    grouped = (
        rows.sort("source_file", code_column, "source_row")
        .group_by("source_file", code_column, maintain_order=True)
        .agg(
            rows=pl.len(),
            first_text=pl.col(text_column).first(),
            first_row=pl.col("source_row").first(),
            first_raw=pl.col("raw_row").first(),
        )
    )
    code_header = text("col_reason" if code_column == "reason_code" else "col_warning", lang=lang)
    row_word = "第{}行" if lang == "zh" else "row {}"
    return _table(
        {
            text("col_file", lang=lang): grouped["source_file"].to_list(),
            code_header: grouped[code_column].to_list(),
            text("col_rows", lang=lang): [f"{n:,}" for n in grouped["rows"].to_list()],
            text("col_explanation", lang=lang): [
                t or MISSING for t in grouped["first_text"].to_list()
            ],
            text("col_example", lang=lang): [
                f"{row_word.format(n)}: {_shorten(raw)}"
                for n, raw in zip(
                    grouped["first_row"].to_list(), grouped["first_raw"].to_list(), strict=True
                )
            ],
        }
    )


def manifest_table(rows: Any, *, lang: str = "zh") -> pl.DataFrame:
    """The input files of the build, for provenance.

    Parameters
    ----------
    rows
        Rows of table ``load_manifest``.
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    polars.DataFrame
        One string row per file: file, table, format, encoding, rows read, loaded, rejected,
        duplicates collapsed, warnings, size in bytes (thousands separators) and the full
        SHA-256 (64 hex digits). No rows gives an empty frame.
    """
    rows = _rows(rows)
    spec: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (text("col_file", lang=lang), lambda r: str(r["source_file"])),
        (text("col_table", lang=lang), lambda r: str(r["table_name"])),
        (text("col_format", lang=lang), lambda r: r["format"] or MISSING),
        (text("col_encoding", lang=lang), lambda r: r["encoding"] or MISSING),
        (text("col_rows_read", lang=lang), lambda r: _number(r["rows_read"])),
        (text("col_rows_loaded", lang=lang), lambda r: _number(r["rows_loaded"])),
        (text("col_rows_rejected", lang=lang), lambda r: _number(r["rows_rejected"])),
        (text("col_duplicates", lang=lang), lambda r: _number(r["duplicates_collapsed"])),
        (text("col_warnings", lang=lang), lambda r: _number(r["warnings"])),
        (text("col_size", lang=lang), lambda r: _number(r["size_bytes"])),
        (text("col_sha256", lang=lang), lambda r: str(r["sha256"])),
    ]
    return _table({header: [cell(r) for r in rows.iter_rows(named=True)] for header, cell in spec})


def key_value_table(
    values: Mapping[str, object], *, descriptions: Mapping[str, str] | None = None, lang: str = "zh"
) -> pl.DataFrame:
    """One row per key: the key, its value as text (lists joined with commas) and its meaning.

    Used for ``build_info`` (descriptions from its column comments) and ``settings``.

    Returns
    -------
    polars.DataFrame
        String columns Item, Value and, when ``descriptions`` is given, Meaning.
    """

    def show(value: object) -> str:
        if value is None:
            return MISSING
        if isinstance(value, bool):
            return text("yes" if value else "no", lang=lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return str(value)

    columns = {
        text("col_item", lang=lang): list(values),
        text("col_value", lang=lang): [show(v) for v in values.values()],
    }
    if descriptions is not None:
        columns[text("col_meaning", lang=lang)] = [descriptions.get(k, "") for k in values]
    return _table(columns)


LONG_CELL = 24
"""Cells longer than this (characters) may wrap in the report's tables."""


def html_table(table: pl.DataFrame, *, empty_note: str | None = None, lang: str = "zh") -> str:
    """A frame of display strings as an HTML ``<table>`` (every cell escaped).

    Cells holding ✓ or ✗ get the classes ``met`` or ``unmet`` (coloured by the report's style);
    cells longer than :data:`LONG_CELL` characters get ``long`` (they may wrap; shorter cells
    stay on one line). A frame without rows gives a paragraph with ``empty_note`` (default
    "No rows.").
    """
    if table.is_empty():
        return (
            f'<p class="qd-note">{html.escape(empty_note or text("note_no_rows", lang=lang))}</p>'
        )
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.iter_rows():
        cells = []
        for value in row:
            shown = MISSING if value is None else str(value)
            css = (
                ' class="met"' if shown == "✓"
                else ' class="unmet"' if shown == "✗"
                else ' class="long"' if len(shown) > LONG_CELL
                else ""
            )  # fmt: skip
            cells.append(f"<td{css}>{html.escape(shown)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    rows = "".join(body)
    return f'<table class="qd-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


# --- text blocks ------------------------------------------------------------------------------


def title_html(info: Mapping[str, Any], *, year: int, lang: str = "zh") -> str:
    """The report's title with the year, and a line naming the dataset and when it was built.

    ``info`` is the one row of table ``build_info`` as a mapping.
    """
    dataset = info.get("dataset_name") or text("unnamed_dataset", lang=lang)
    built_at = info.get("built_at")
    built = built_at.strftime("%Y-%m-%d %H:%M") if hasattr(built_at, "strftime") else str(built_at)
    subtitle = text("report_subtitle", lang=lang, dataset=dataset, built_at=built)
    return (
        f"<h1>{html.escape(text('report_title', lang=lang, year=year))}</h1>"
        f'<p class="qd-subtitle">{html.escape(subtitle)}</p>'
    )


def synthetic_banner_html(info: Mapping[str, Any]) -> str:
    """The demo-data banner when ``build_info.synthetic`` is true, else an empty string."""
    if not info.get("synthetic"):
        return ""
    return f'<div class="qd-synthetic" role="alert">{html.escape(SYNTHETIC_BANNER)}</div>'


def heading_html(key: str, *, lang: str = "zh", level: int = 2, **values: object) -> str:
    """A section heading from :data:`REPORT_TEXT`."""
    return f"<h{level}>{html.escape(text(key, lang=lang, **values))}</h{level}>"


def note_html(key: str, *, lang: str = "zh", **values: object) -> str:
    """A short note paragraph from :data:`REPORT_TEXT`."""
    return f'<p class="qd-note">{html.escape(text(key, lang=lang, **values))}</p>'


# --- running the notebook ---------------------------------------------------------------------
