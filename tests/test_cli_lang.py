"""One language per run on the command line: --lang, the locale, help and messages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from qdtransport.cli import default_lang, main, requested_lang
from qdtransport.progress import file_lines

DATA = Path(__file__).parent / "data" / "status"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL first
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en"}, "zh"),
    ],
)
def test_default_lang_from_the_locale(environ: dict[str, str], lang: str) -> None:
    """The first locale variable set decides; Chinese locales give zh."""
    assert default_lang(environ) == lang


def test_requested_lang_wins_over_the_locale() -> None:
    """--lang anywhere on the line (either spelling) wins; an unknown value leaves the locale."""
    assert requested_lang(["scorecard", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}) == "en"
    assert requested_lang(["--lang=zh", "build"], {"LANG": "en_US"}) == "zh"
    assert requested_lang(["--lang", "fr"], {"LANG": "zh_CN.UTF-8"}) == "zh"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["用法：", "选项", "输出语言", "命令", "把数据目录载入 DuckDB 文件"]),
        ("en", ["usage: ", "options", "language of messages", "commands", "load a data directory"]),
    ],
)
def test_help_in_one_language(lang: str, words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """--help, argparse's own words included, is in the language asked for."""
    with pytest.raises(SystemExit) as exited:
        main(["--lang", lang, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert all(word in out for word in words), out
    other = "用法" if lang == "en" else "usage:"
    assert other not in out


def test_subcommand_help_and_usage_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """A subcommand's help and argparse's errors follow --lang zh."""
    with pytest.raises(SystemExit):
        main(["scorecard", "--help", "--lang", "zh"])
    out = capsys.readouterr().out
    assert "xlsx：供人阅读的工作簿" in out and "只输出该年份" in out
    with pytest.raises(SystemExit) as exited:
        main(["scorecard", "--lang", "zh"])
    assert exited.value.code == 2
    assert "缺少必需的参数：--db" in capsys.readouterr().err


def test_messages_in_one_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Build progress, the summary, the status table and errors follow --lang."""
    db = tmp_path / "qd.duckdb"
    assert main(["build", "--data", str(DATA), "--db", str(db), "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    assert "读取 6 行，载入 6，拒收 0" in err and "已构建" in err and "路网检查已跳过" in err
    assert "rows read" not in err
    assert main(["scorecard", "--db", str(db), "--year", "2024", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    # the six targets of 2024: buses 2/2 met, taxis 1/2 not met, four without value
    assert out.splitlines()[0].split() == ["指标", "年份", "数值", "目标", "状态", "说明"]
    bus = next(line for line in out.splitlines() if line.startswith("bus_nev_share_new"))
    assert bus.split()[:6] == ["bus_nev_share_new", "2024", "100.0%", "≥", "100.0%", "达标"]
    assert sum("无输入" in line for line in out.splitlines()) == 3
    assert main(["scorecard", "--db", str(tmp_path / "none.duckdb"), "--lang", "zh"]) == 1
    assert capsys.readouterr().err.startswith("错误：")


def test_a_year_without_values_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Scorecard and report for a year no indicator has a value name the years that have."""
    db = tmp_path / "qd.duckdb"
    assert main(["build", "--data", str(DATA), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--year", "2030", "--lang", "en"]) == 0
    assert capsys.readouterr().out == ("no indicator has a value for 2030; years with values: 2023-2025\n")
    out = tmp_path / "report"
    assert main(["report", "--db", str(db), "--year", "2030", "--out", str(out), "--lang", "zh"]) == 1
    assert "2030 年没有任何指标有数值；有数值的年份：2023–2025" in capsys.readouterr().err
    assert not (out / "report_2030.html").exists()


def test_build_lists_the_top_reject_reasons_per_file() -> None:
    """Per file: counts, then the most frequent reasons with the first row each hit."""
    manifest = pl.DataFrame(
        {
            "source_file": ["a.csv", "b.csv"],
            "rows_read": [10, 3],
            "rows_loaded": [4, 3],
            "rows_rejected": [6, 0],
            "duplicates_collapsed": [0, 0],
            "extra_columns": [["备注"], []],
        }
    )
    # a.csv: bad_vin 3 times (rows 5, 2, 9), bad_date twice, out_of_range once
    rejects = pl.DataFrame(
        {
            "source_file": ["a.csv"] * 6,
            "source_row": [5, 2, 9, 3, 4, 8],
            "reason_code": ["bad_vin"] * 3 + ["bad_date"] * 2 + ["out_of_range"],
            "reason": ["vin 5", "vin 2", "vin 9", "date 3", "date 4", "range 8"],
        }
    )
    lines = file_lines(manifest, rejects, lang="en", top=2)
    assert lines == [
        "  a.csv: 10 rows read, 4 loaded, 6 rejected, 0 duplicates collapsed; extra columns ignored: 备注",
        "      3 rejected: bad_vin (VIN fails the GB 16735 check), e.g. row 2: vin 2",
        "      2 rejected: bad_date (not a date in a known form), e.g. row 3: date 3",
        "      1 more rejected: out_of_range 1",
        "  b.csv: 3 rows read, 3 loaded, 0 rejected, 0 duplicates collapsed",
    ]
    zh = file_lines(manifest, rejects, lang="zh", top=1)
    assert zh[1] == "      拒收 3 行：bad_vin（车辆识别代号校验失败（GB 16735）），例如第 2 行：vin 2"
    assert zh[2] == "      另有 3 行拒收：bad_date 2, out_of_range 1"


def _documented_reject_codes() -> set[str]:
    """Reject codes named in the parsing docstring, by the rules and by the readers."""
    import re

    from qdtransport import parsing, rules

    section = parsing.__doc__.split("Reason codes\n------------\n", 1)[1]
    codes = {
        code.strip() for line in section.splitlines() if line and not line.startswith(" ") for code in line.split(",")
    }
    codes |= {
        getattr(rule, "code", None)
        for rule in vars(rules).values()
        if isinstance(rule, type) and getattr(rule, "severity", "reject") == "reject"
    } - {None}
    readers = Path(rules.__file__).with_name("delimited.py").read_text(encoding="utf-8")
    codes |= set(re.findall(r"``([a-z_]+)``", readers.split('"""', 2)[1]))
    return codes | {"duplicate_conflict"}


def test_every_reject_and_warning_code_has_both_texts() -> None:
    """The report, the workbook and the build explain each code in the run's language."""
    from qdtransport.i18n import has_text

    codes = _documented_reject_codes()
    assert {"bad_enum", "excel_error", "bad_vin", "bad_plate", "runaway_quote", "date_order"} <= codes
    assert sorted(c for c in codes if not has_text(f"reject.{c}")) == []
    assert has_text("warning.plate_powertrain_mismatch") and has_text("warning.excel_error")


def test_a_missing_database_is_named_in_the_run_s_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Scorecard and report on a database that does not exist: one line, in --lang."""
    missing = tmp_path / "none.duckdb"
    assert main(["scorecard", "--db", str(missing), "--lang", "zh"]) == 1
    assert capsys.readouterr().err == f"错误：{missing}：数据库不存在；请先运行 qdtransport build\n"
    out = tmp_path / "out"
    assert main(["report", "--db", str(missing), "--year", "2025", "--out", str(out), "--lang", "en"]) == 1
    assert capsys.readouterr().err == f"error: {missing}: no such database; run 'qdtransport build' first\n"
