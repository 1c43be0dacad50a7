"""Charts in JupyterLab: drawn by the Vega JupyterLab bundles, with tooltips, and no network.

A notebook holding one chart output, as :func:`qdtransport.charts.mimebundle` gives it, is
opened in a JupyterLab server of this environment by a headless Chromium (no kernel needed: the
output is already there, as in a notebook saved after running). The chart must be drawn by
JupyterLab's Vega renderer as SVG, show a tooltip when the pointer is on a bar, and the page
must ask nothing of any host but the local server.

The chart: rejected rows of a.csv, one bad_vin and two bad_date, one bar per file coloured
by reason; the tooltip of a part of the bar names the file, the reason and the count (the
first part, bad_date: 2).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import polars as pl
import pytest
from browser import Browser, needs_chromium

from qdtransport import charts
from qdtransport.report.sections import rejects_chart

pytestmark = needs_chromium

TOKEN = "qdtransport-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chart_notebook(path: Path) -> None:
    rejects = pl.DataFrame({"source_file": ["a.csv"] * 3, "reason_code": ["bad_vin", "bad_date", "bad_date"]})
    data, metadata = charts.mimebundle(rejects_chart(rejects, lang="en").to_dict())
    output = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
    cell = nbformat.v4.new_code_cell("rejects_chart(rejects)", outputs=[output], execution_count=1)
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Return the URL of the chart notebook in a JupyterLab server started for the test."""
    root = tmp_path_factory.mktemp("lab")
    _chart_notebook(root / "chart.ipynb")
    port = _free_port()
    settings = root / ".settings"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(settings / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings / "lab"),
        "JUPYTERLAB_WORKSPACES_DIR": str(settings / "workspaces"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={root}", "--allow-root"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status = f"http://127.0.0.1:{port}/api/status?token={TOKEN}"
                with urllib.request.urlopen(status, timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("JupyterLab did not start")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/lab/tree/chart.ipynb?token={TOKEN}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_chart_is_interactive_in_jupyterlab_and_offline(lab: str, tmp_path: Path) -> None:
    """JupyterLab's Vega draws the chart; hovering a bar shows its tooltip; only localhost asked.

    The screenshot is kept in ``QDTRANSPORT_SHOTS`` when that names a folder.
    """
    with Browser(width=1200, height=900) as browser:
        browser.send("Network.enable")
        browser.open(lab, settle_s=1)
        browser.wait_for(
            "document.querySelector('.jp-RenderedVega5 svg .mark-rect path') !== null",
            timeout_s=90,
        )
        # the notebook names no kernel: JupyterLab asks for one; the chart needs none
        try:
            browser.wait_for("document.querySelector('.jp-Dialog') !== null", timeout_s=15)
            browser.evaluate("document.querySelector('.jp-Dialog .jp-mod-reject').click()")
            browser.wait_for("document.querySelector('.jp-Dialog') === null", timeout_s=10)
        except TimeoutError:
            pass
        bar = browser.evaluate(
            """(() => {
              const bars = document.querySelectorAll('.jp-RenderedVega5 svg .mark-rect path');
              bars[0].scrollIntoView({block: 'center'});
              const box = bars[0].getBoundingClientRect();
              return [box.x + box.width / 2, box.y + box.height / 2, bars.length];
            })()"""
        )
        assert bar[2] == 2  # bad_date and bad_vin, stacked in one bar
        time.sleep(0.5)
        for dx in (-2, 0, 2):
            browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=bar[0] + dx, y=bar[1])
            time.sleep(0.3)
        tooltip = browser.wait_for(
            """(() => { const t = document.querySelector('#vg-tooltip-element.visible');
                        return t ? t.innerText : null; })()""",
            timeout_s=10,
        )
        shot = Path(os.environ.get("QDTRANSPORT_SHOTS", tmp_path)) / "jupyterlab_tooltip.png"
        browser.screenshot(shot, full_page=False)
        requested = {
            e["params"]["request"]["url"].split("/")[2]
            for e in browser.events
            if e.get("method") == "Network.requestWillBeSent" and e["params"]["request"]["url"].startswith("http")
        }
    # the part of the bar for bad_date: 2 rows; titles and the reason in the chart's language
    assert "a.csv" in tooltip and "Rows rejected" in tooltip and tooltip.rstrip().endswith("2")
    assert requested and all(host.startswith("127.0.0.1") for host in requested), requested
