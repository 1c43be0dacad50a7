"""A scheduled report: ``qdtransport report`` as cron runs it, from another working directory.

cron starts a command with almost no environment (PATH=/usr/bin:/bin, HOME, no virtualenv
activated, no LANG) in the user's home directory. The report must come out all the same: the
kernel is this environment's Python, relative paths are taken from the working directory, the
output folder is created, and the HTML page is written beside the executed notebook.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qdtransport.warehouse import build

DATA = Path(__file__).parents[1] / "data" / "report"


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a database built from tests/data/report/ (synthetic)."""
    db = tmp_path_factory.mktemp("schedule_db") / "qingdao.duckdb"
    build(DATA, db)
    return db


def _cron_environment(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "SHELL": "/bin/sh", "LOGNAME": "report"}


def _console_script() -> Path:
    found = Path(sys.executable).parent / (
        "qdtransport.exe" if sys.platform == "win32" else "qdtransport"
    )
    if not found.is_file():
        pytest.skip(f"no console script beside {sys.executable} (package not installed with pip)")
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="cron's environment is a Unix one")
def test_report_from_cron_in_another_directory(report_db: Path, tmp_path: Path) -> None:
    """Relative --db and --out from the working directory, folders created, HTML written."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    (work / "data").mkdir(parents=True)
    (work / "data" / "qingdao.duckdb").write_bytes(report_db.read_bytes())
    done = subprocess.run(
        [str(_console_script()), "report", "--db", "data/qingdao.duckdb", "--year", "2025",
         "--out", "reports/2025/monthly", "--lang", "zh"],
        cwd=work,
        env=_cron_environment(home),
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = work / "reports" / "2025" / "monthly"
    html = Path(done.stdout.strip())
    assert html.parent == out and html.suffix == ".html"
    # cron sets no locale: the language comes from --lang, as the README's crontab line gives it
    assert sorted(p.name for p in out.iterdir()) == ["report_2025_zh.html", "report_2025_zh.ipynb"]
    page = html.read_text(encoding="utf-8")
    assert "青岛市交通运输领域碳达峰指标报告（2025年）" in page and "<svg" in page


@pytest.mark.skipif(sys.platform == "win32", reason="cron's environment is a Unix one")
def test_papermill_as_the_readme_gives_it_from_another_directory(
    report_db: Path, tmp_path: Path
) -> None:
    """Absolute paths, the folder made first, no --cwd: the executed notebook comes out."""
    papermill = Path(sys.executable).parent / "papermill"
    if not papermill.is_file():
        pytest.skip(f"no papermill script beside {sys.executable}")
    home, elsewhere, out = tmp_path / "home", tmp_path / "elsewhere", tmp_path / "out"
    for folder in (home, elsewhere, out):
        folder.mkdir()
    notebook = Path(__file__).parents[2] / "notebooks" / "report.ipynb"
    done = subprocess.run(
        [str(papermill), str(notebook), str(out / "report_2025_zh.ipynb"),
         "-p", "db", str(report_db), "-p", "year", "2025", "-p", "lang", "zh"],
        cwd=elsewhere,
        env=_cron_environment(home),
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    executed = (out / "report_2025_zh.ipynb").read_text(encoding="utf-8")
    assert "青岛市交通运输领域碳达峰指标报告（2025年）" in executed and '"ename"' not in executed
