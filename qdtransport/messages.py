"""Texts of statuses, reasons, warnings, the workbook and the command line, in Chinese and English.

:mod:`qdtransport.i18n` merges this table with its shared texts and the domains' labels; read a
text with :func:`qdtransport.i18n.text`, never from here. Key groups:

- ``status.<status>``: a target's status (``met``, ``not_met``, ``provisional``, ``no_input``,
  ``no_data``), as view ``target_status`` gives it.
- ``status_reason.<reason_code>``: the reason templates of view ``target_status``; placeholders
  ``{value}``, ``{target}``, ``{months}``, ``{year}``, ``{first_year}``, ``{last_year}``,
  ``{tables}``, ``{example}`` are filled in SQL (the build copies these templates into table
  ``status_texts``).
- ``reject.<reason_code>`` and ``warning.<warning_code>``: what a reject or warning code means.
- ``cli.*``, ``build.*``, ``identify.*``, ``xlsx.*``: the command line, the build's progress, the
  identification of files by their headers, the scorecard workbook.
"""

from __future__ import annotations

STATUS_TEXTS: dict[str, dict[str, str]] = {
    "status.met": {"zh": "达标", "en": "met"},
    "status.not_met": {"zh": "未达标", "en": "not met"},
    "status.provisional": {"zh": "暂定（年度未完）", "en": "provisional (year not complete)"},
    "status.no_input": {"zh": "无输入", "en": "no input"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "status_reason.met": {
        "zh": "达标：{value}，目标 {target}。",
        "en": "Met: {value} against a target of {target}.",
    },
    "status_reason.not_met": {
        "zh": "未达标：{value}，目标 {target}。",
        "en": "Not met: {value} against a target of {target}.",
    },
    "status_reason.provisional": {
        "zh": "年度未完：缺 {months} 月的数据，{value} 为临时值（目标 {target}）。"
        "如导出数据已覆盖全年，"
        "请在 dataset.toml 中写入导出日期 as_of 确认；否则补齐缺少的月份。",
        "en": "Year not complete: months {months} have no data, so {value} is provisional (target "
        "{target}). If your exports cover the whole year, confirm it with the export date as_of in "
        "dataset.toml; otherwise add the missing months.",
    },
    "status_reason.provisional_partial": {
        "zh": "年度未完：输入数据未覆盖至 {year} 年 12 月 31 日，{value} 为临时值（目标 "
        "{target}）。"
        "如导出数据已覆盖全年，请在 dataset.toml 中写入导出日期 as_of 确认。",
        "en": "Year not complete: the inputs do not reach 31 December {year}, so {value} is "
        "provisional (target {target}). If your exports cover the whole year, confirm it with the "
        "export date as_of in dataset.toml.",
    },
    "status_reason.no_input": {
        "zh": "无输入：数据目录中没有 {tables} 的文件（以表名命名，例如 {example}.csv、"
        "{example}.xlsx 或文件夹 {example}/）。",
        "en": "No input: the data directory has no file for {tables} (named after the table, "
        "e.g. {example}.csv, {example}.xlsx or a folder {example}/).",
    },
    "status_reason.no_data_all_rejected": {
        "zh": "无数据：{tables} 的所有行均被拒收（括号内为读取行数），原因见 rejects 表。",
        "en": "No data: every row of {tables} was rejected (rows read in brackets); table rejects "
            "says why.",
    },
    "status_reason.no_data_input_absent": {
        "zh": "无数据：缺少输入表 {tables} 的文件。",
        "en": "No data: no file for input table {tables}.",
    },
    "status_reason.no_data_no_values": {
        "zh": "无数据：输入表 {tables} 在任何年份都没有给出数值。",
        "en": "No data: the input tables {tables} give no value for any year.",
    },
    "status_reason.no_data_before_series": {
        "zh": "无数据：该指标自 {first_year} 年起才有数值。",
        "en": "No data: the indicator's first value is for {first_year}.",
    },
    "status_reason.no_data_after_series": {
        "zh": "无数据：输入数据只给出到 {last_year} 年的数值。",
        "en": "No data: the inputs give values up to {last_year} only.",
    },
    "status_reason.no_data_year": {
        "zh": "无数据：输入数据没有 {year} 年的数值（例如该年没有相关登记或记录）。",
        "en": "No data: the inputs give no value for {year} (e.g. nothing of the kind was "
        "registered or recorded that year).",
    },
}
"""Target statuses and the reason templates of view ``target_status``."""

PROBLEM_TEXTS: dict[str, dict[str, str]] = {
    "reject.missing_value": {"zh": "必填列为空", "en": "a required column is empty"},
    "reject.bad_date": {"zh": "日期无法识别", "en": "not a date in a known form"},
    "reject.bad_month": {"zh": "月份无法识别", "en": "not a month in a known form"},
    "reject.bad_number": {
        "zh": "不是数字（或应为整数）",
        "en": "not a number (or not whole where an integer is expected)",
    },
    "reject.bad_bool": {"zh": "不是“是/否”值", "en": "not a yes/no value"},
    "reject.bad_enum": {
        "zh": "不是该列可接受的取值",
        "en": "not one of the column's accepted values",
    },
    "reject.out_of_range": {"zh": "超出取值范围", "en": "outside the column's domain"},
    "reject.excel_error": {
        "zh": "必填单元格是 Excel 错误值（#N/A、#DIV/0! 等）",
        "en": "a required cell holds an Excel error (#N/A, #DIV/0! …)",
    },
    "reject.after_extract_date": {
        "zh": "日期晚于导出日期（as_of，未设置时为构建日期）",
        "en": "a date after the extract date (as_of, else the build date)",
    },
    "reject.bad_plate": {"zh": "号牌号码格式不符（GA 36）", "en": "not a plate of the GA 36 form"},
    "reject.runaway_quote": {
        "zh": "未闭合的引号吞并了后面的行",
        "en": "an unclosed quote swallowed the lines after it",
    },
    "reject.undecodable_line": {
        "zh": "该行无法按文件编码解码",
        "en": "the line does not decode in the file's encoding",
    },
    "reject.field_too_long": {"zh": "单元格过长", "en": "a cell longer than the reader's limit"},
    "warning.excel_error": {
        "zh": "可选单元格是 Excel 错误值，按空值载入",
        "en": "an optional cell holds an Excel error; loaded as empty",
    },
    "reject.bad_vin": {
        "zh": "车辆识别代号校验失败（GB 16735）",
        "en": "VIN fails the GB 16735 check",
    },
    "reject.bad_container_no": {
        "zh": "集装箱箱号校验失败（ISO 6346）",
        "en": "container number fails the ISO 6346 check",
    },
    "reject.bad_iso_type": {
        "zh": "箱型代码无法识别（ISO 6346）",
        "en": "not an ISO 6346 size-type code",
    },
    "reject.bad_row_shape": {
        "zh": "该行的单元格数与表头列数不符",
        "en": "the row has another number of cells than the header",
    },
    "reject.duplicate_conflict": {
        "zh": "主键相同但其他列不同的重复记录",
        "en": "records share the key but differ in other columns",
    },
    "reject.date_order": {"zh": "日期先后顺序不合理", "en": "dates in the wrong order"},
    "warning.plate_powertrain_mismatch": {
        "zh": "号牌类型与动力类型不符（新能源号牌配非新能源动力，或相反）",
        "en": "plate and powertrain disagree (new-energy plate with another powertrain, or the "
            "reverse)",
    },
}
"""What each reject and warning code means (the row's own reason, in English, is in the table)."""

BUILD_TEXTS: dict[str, dict[str, str]] = {
    "build.reading": {"zh": "读取 {data_dir}", "en": "reading {data_dir}"},
    "build.note": {"zh": "  提示：{note}", "en": "  note: {note}"},
    "build.file": {
        "zh": "  {file}：读取 {read} 行，载入 {loaded}，拒收 {rejected}，合并重复 {duplicates}",
        "en": "  {file}: {read} rows read, {loaded} loaded, {rejected} rejected, {duplicates} "
            "duplicates collapsed",
    },
    "build.extra_columns": {
        "zh": "；忽略多余列：{columns}",
        "en": "; extra columns ignored: {columns}",
    },
    "build.top_reason": {
        "zh": "      拒收 {count} 行：{code}（{meaning}），例如第 {row} 行：{reason}",
        "en": "      {count} rejected: {code} ({meaning}), e.g. row {row}: {reason}",
    },
    "build.more_reasons": {
        "zh": "      另有 {count} 行拒收：{codes}",
        "en": "      {count} more rejected: {codes}",
    },
    "build.loading": {"zh": "载入数据表", "en": "loading tables"},
    "build.views": {"zh": "创建视图", "en": "creating views"},
    "build.wrote": {"zh": "已写入 {db}", "en": "wrote {db}"},
    "build.layer": {"zh": "  {layer}：{views} 个视图", "en": "  {layer}: {views} views"},
    "build.network": {"zh": "在 {file} 上做路网检查", "en": "network check on {file}"},
    "build.network_table": {"zh": "  {table}：{rows} 行", "en": "  {table}: {rows} rows"},
    "build.summary": {
        "zh": "已构建 {db}，用时 {seconds} 秒：载入 {loaded}；拒收 {rejected} 行，合并重复 "
        "{duplicates} 行，"
        "数据质量提示 {warnings} 条；路网检查{network}",
        "en": "built {db} in {seconds} s: loaded {loaded}; {rejected} rejected, {duplicates} "
        "duplicates "
        "collapsed, {warnings} warnings; network check {network}",
    },
    "build.loaded_nothing": {"zh": "无", "en": "nothing"},
    "build.network_done": {"zh": "已完成", "en": "done"},
    "build.network_skipped": {"zh": "已跳过（osm/ 中没有文件）", "en": "skipped (no osm/ file)"},
    "identify.mapped": {
        "zh": "{file}：按 dataset.toml [files] 作为 {table} 表读取",
        "en": "{file}: read as table {table} (dataset.toml [files])",
    },
    "identify.identified": {
        "zh": "{file}：表头与 {table} 表一致，作为 {table} 表读取",
        "en": "{file}: its headers are those of table {table}; read as {table}",
    },
    "identify.taken": {
        "zh": "{file}：表头与 {table} 表一致，但 {table} 已有以表名命名的输入，未读取。"
        "如需一并读取，"
        '请把两个文件放进文件夹 {table}/，或在 dataset.toml 中写入 [files] "{file}" = "{table}"',
        "en": "{file}: its headers are those of table {table}, but {table} already has an input "
        "named "
        "after it; not read. To read both, put them in a folder {table}/ or add to dataset.toml: "
        '[files] "{file}" = "{table}"',
    },
    "identify.ambiguous": {
        "zh": "{file}：表头同时符合 {tables} 多个表，未读取；请在 dataset.toml 中用 [files] 指定，"
        '例如 [files] "{file}" = "表名"',
        "en": "{file}: its headers fit several tables ({tables}); not read. Say which in "
        "dataset.toml, "
        'e.g. [files] "{file}" = "<table>"',
    },
    "identify.closest": {
        "zh": "{file}：未读取。表头最接近 {table} 表（对上 {matched} 列），但缺少必填列 {missing}。"
        "请补上这些列（英文列名或其中文别名），文件会被自动识别；也可在 dataset.toml 中写入 "
        '[files] "{file}" = "{table}"，构建时会逐列说明缺什么',
        "en": "{file}: not read. Its headers come closest to table {table} ({matched} columns "
        "match) "
        "but lack the required {missing}. Add those columns (the English name or a Chinese alias) "
        'and the file is recognised; or add to dataset.toml [files] "{file}" = "{table}" and '
        "the build says what each column lacks",
    },
    "identify.nothing": {
        "zh": "{file}：表头与任何输入表都不符，未读取（输入表见 README“输入数据”）",
        "en": "{file}: its headers match no input table; not read (see Input data in the README)",
    },
    "identify.unreadable": {
        "zh": "{file}：无法读取表头，未读取：{error}",
        "en": "{file}: cannot read its headers; not read: {error}",
    },
}
"""The build's progress lines and its notes on files kept under their own names."""

CLI_TEXTS: dict[str, dict[str, str]] = {
    "cli.description": {
        "zh": "青岛市交通运输领域是否按计划实现碳达峰目标？从原始导出数据构建 DuckDB 数据库，"
        "输出指标记分卡，生成报告。",
        "en": "Is Qingdao's transport sector on track for its carbon-peak targets? Build the "
        "DuckDB "
        "warehouse from raw exports, print the scorecard, write the report.",
    },
    "cli.epilog": {
        "zh": "输出语言：--lang zh|en（默认随系统语言环境）。",
        "en": "Language: --lang zh|en (default from the locale).",
    },
    "cli.help_lang": {
        "zh": "输出语言：zh（中文）或 en（英文）；默认随系统语言环境",
        "en": "language of messages and output: zh or en; default from the locale",
    },
    "cli.help_version": {"zh": "显示版本号并退出", "en": "show the version and exit"},
    "cli.help_help": {"zh": "显示本帮助并退出", "en": "show this help and exit"},
    "cli.commands": {"zh": "命令", "en": "commands"},
    "cli.build": {
        "zh": "把数据目录载入 DuckDB 文件（原子操作）",
        "en": "load a data directory into a DuckDB file (atomic)",
    },
    "cli.build_description": {
        "zh": "载入、校验并核对 DIR 中的每个输入表；DIR/osm/ 有 OpenStreetMap 文件时做路网检查；"
        "创建所有视图。只有整个构建成功才替换 FILE。",
        "en": "Load, validate and reconcile every input table of DIR, run the network check when "
        "DIR/osm/ has an OpenStreetMap file, and create every view. FILE is replaced only when "
        "the whole build succeeds.",
    },
    "cli.help_data": {
        "zh": "数据目录（见 README“输入数据”）",
        "en": "data directory (see Input data in the README)",
    },
    "cli.help_db_out": {"zh": "要写入的 DuckDB 文件", "en": "DuckDB file to write"},
    "cli.help_db_in": {"zh": "已构建的 DuckDB 文件", "en": "built DuckDB file"},
    "cli.help_settings": {
        "zh": "要覆盖的方法设置（TOML，见 qdtransport.settings）",
        "en": "methodology settings to override (TOML; see qdtransport.settings)",
    },
    "cli.scorecard": {
        "zh": "输出指标记分卡（全部目标及其状态）",
        "en": "print the scorecard (every target with its status)",
    },
    "cli.scorecard_description": {
        "zh": "table：每个规划目标每年一行，含数值、目标、状态及原因；json/csv：scorecard "
        "视图的原始数值；"
        "xlsx：供人阅读的工作簿（需 --output）。",
        "en": "table: one row per plan target and year with value, target, status and reason; "
        "json/csv: the raw values of the scorecard view; xlsx: a workbook for people (needs "
        "--output).",
    },
    "cli.help_year": {"zh": "只输出该年份", "en": "only this year"},
    "cli.help_format": {"zh": "输出格式", "en": "output format"},
    "cli.help_output": {
        "zh": "写入该文件而不是标准输出（xlsx 必须指定）",
        "en": "write to this file instead of standard output (required for xlsx)",
    },
    "cli.report": {"zh": "生成 HTML 报告（papermill）", "en": "write the HTML report (papermill)"},
    "cli.report_description": {
        "zh": "用 papermill 运行报告笔记本，把执行后的笔记本和独立 HTML 页面写入 DIR。",
        "en": "Run the report notebook with papermill and write the executed notebook and a "
        "standalone HTML page to DIR.",
    },
    "cli.help_report_year": {"zh": "报告年份", "en": "report year"},
    "cli.help_out": {"zh": "输出文件夹", "en": "output folder"},
    "cli.coverage": {
        "zh": "在 OpenStreetMap 文件上检查充电覆盖",
        "en": "check charger coverage on an OpenStreetMap file",
    },
    "cli.coverage_description": {
        "zh": "对一个 OSM 文件（.osm、.osm.gz、.osm.bz2、.osm.pbf）做路网覆盖检查，"
        "可使用已构建数据库中的"
        "服务区和充电站登记，输出摘要。",
        "en": "Run the network coverage check on one OSM file (.osm, .osm.gz, .osm.bz2, .osm.pbf), "
        "using the service-area and charging-station register of a built database, and print a "
        "summary.",
    },
    "cli.help_osm": {"zh": "OpenStreetMap 文件", "en": "OpenStreetMap file"},
    "cli.help_coverage_db": {
        "zh": "含登记数据的已构建数据库（可选）",
        "en": "built database with the register (optional)",
    },
    "cli.help_rule": {
        "zh": "覆盖规则：cn（青岛方案）、afir（欧盟）、nevi（美国）",
        "en": "coverage rule: cn (Qingdao plan), afir (EU), nevi (US)",
    },
    "cli.error": {"zh": "错误：{message}", "en": "error: {message}"},
    "cli.no_database": {
        "zh": "{path}：数据库不存在；请先运行 qdtransport build",
        "en": "{path}: no such database; run 'qdtransport build' first",
    },
    "cli.xlsx_needs_output": {
        "zh": "--format xlsx 需要 --output FILE",
        "en": "--format xlsx needs --output FILE",
    },
    "cli.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "cli.report_written": {
        "zh": "报告已生成，用时 {seconds} 秒",
        "en": "report written in {seconds} s",
    },
    "cli.coverage_done": {"zh": "覆盖检查用时 {seconds} 秒", "en": "coverage check in {seconds} s"},
    "cli.no_status_rows": {
        "zh": "没有任何指标有数值，无法列出目标状态（请先用数据构建）",
        "en": "no indicator has a value, so there is no target status (build with data first)",
    },
    "cli.no_values_in_year": {
        "zh": "{year} 年没有任何指标有数值；有数值的年份：{first}–{last}",
        "en": "no indicator has a value for {year}; years with values: {first}-{last}",
    },
    "cli.no_values_at_all": {
        "zh": "数据库中没有任何指标有数值（输入数据见构建输出）",
        "en": "no indicator has a value in this database (see the build's output for the inputs)",
    },
    "cli.col_status": {"zh": "状态", "en": "Status"},
    "cli.col_reason": {"zh": "说明", "en": "Reason"},
    "argparse.usage": {"zh": "用法：", "en": "usage: "},
    "argparse.options": {"zh": "选项", "en": "options"},
    "argparse.positional": {"zh": "位置参数", "en": "positional arguments"},
    "argparse.error": {
        "zh": "%(prog)s：错误：%(message)s\n",
        "en": "%(prog)s: error: %(message)s\n",
    },
    "argparse.required": {
        "zh": "缺少必需的参数：%s",
        "en": "the following arguments are required: %s",
    },
    "argparse.invalid_choice": {
        "zh": "无效的取值：%(value)r（可选：%(choices)s）",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "argparse.invalid_value": {
        "zh": "无效的 %(type)s 值：%(value)r",
        "en": "invalid %(type)s value: %(value)r",
    },
    "argparse.unrecognized": {"zh": "无法识别的参数：%s", "en": "unrecognized arguments: %s"},
    "argparse.expected_one": {"zh": "需要一个参数值", "en": "expected one argument"},
    "argparse.argument": {
        "zh": "参数 %(argument_name)s：%(message)s",
        "en": "argument %(argument_name)s: %(message)s",
    },
}
"""The command line: help, messages and argparse's own words."""

XLSX_TEXTS: dict[str, dict[str, str]] = {
    "xlsx.sheet_scorecard": {"zh": "记分卡", "en": "Scorecard"},
    "xlsx.sheet_about": {"zh": "说明", "en": "About"},
    "xlsx.sheet_quality": {"zh": "数据质量", "en": "Data quality"},
    "xlsx.col_indicator_id": {"zh": "指标代码", "en": "Indicator id"},
    "xlsx.col_numerator": {"zh": "分子", "en": "Numerator"},
    "xlsx.col_denominator": {"zh": "分母", "en": "Denominator"},
    "xlsx.col_comparator": {"zh": "比较", "en": "Comparator"},
    "xlsx.col_status": {"zh": "状态", "en": "Status"},
    "xlsx.col_reason": {"zh": "原因", "en": "Reason"},
    "xlsx.col_code": {"zh": "代码", "en": "Code"},
    "xlsx.about_dataset": {"zh": "数据集", "en": "Dataset"},
    "xlsx.about_synthetic": {"zh": "合成数据", "en": "Synthetic data"},
    "xlsx.about_as_of": {"zh": "导出日期（as_of）", "en": "Export date (as_of)"},
    "xlsx.about_built_at": {"zh": "构建时间（UTC）", "en": "Built (UTC)"},
    "xlsx.about_version": {"zh": "qdtransport 版本", "en": "qdtransport version"},
    "xlsx.about_database": {"zh": "数据库", "en": "Database"},
    "xlsx.about_years": {"zh": "年份", "en": "Years"},
    "xlsx.all_years": {"zh": "全部年份", "en": "all years"},
    "xlsx.status_help.met": {
        "zh": "全年数据，数值达到目标",
        "en": "a complete year whose value reaches the target",
    },
    "xlsx.status_help.not_met": {
        "zh": "全年数据，数值未达到目标",
        "en": "a complete year whose value falls short",
    },
    "xlsx.status_help.provisional": {
        "zh": "输入数据未覆盖全年，数值为临时值（原因列出缺少的月份及确认方法）",
        "en": "the inputs do not cover the whole year; the value is provisional (the reason names "
        "the months missing and how to confirm the year)",
    },
    "xlsx.status_help.no_input": {
        "zh": "未提供该目标的任何输入表",
        "en": "no file for any input table of the target",
    },
    "xlsx.status_help.no_data": {
        "zh": "有输入，但该年没有数值",
        "en": "inputs given, but no value that year",
    },
}
"""The scorecard workbook's sheet names, headers and notes."""

MESSAGES: dict[str, dict[str, str]] = {
    **STATUS_TEXTS,
    **PROBLEM_TEXTS,
    **BUILD_TEXTS,
    **CLI_TEXTS,
    **XLSX_TEXTS,
}
"""Every text of this module; merged into :func:`qdtransport.i18n.all_labels`."""
