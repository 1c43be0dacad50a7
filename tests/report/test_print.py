"""The report printed on A4 in a headless Chromium, as Chrome's "Save as PDF" lays it out.

A4 is 210 mm wide; the page style leaves 11 mm margins, so the content is 188 mm =
188 / 25.4 x 96 = 710.6 CSS px wide. Laid out at that width for print, every table and chart
must fit inside it (the scorecard's 达标 and 年度数据 columns used to fall off the page), rows,
charts and headings must be kept whole, and tables repeat their header on every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, needs_chromium

from qdtransport.report.run import write_report
from qdtransport.warehouse import build

DATA = Path(__file__).parents[1] / "data" / "report"
A4_CONTENT_PX = 710

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Return a browser showing the zh report of tests/data/report/ as printed on A4."""
    folder = tmp_path_factory.mktemp("print")
    build(DATA, folder / "qingdao.duckdb")
    paths = write_report(folder / "qingdao.duckdb", year=2025, out_dir=folder / "out")
    browser = Browser(width=A4_CONTENT_PX, height=1000)
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=A4_CONTENT_PX, height=1000, deviceScaleFactor=1, mobile=False,
    )  # fmt: skip
    browser.send("Emulation.setEmulatedMedia", media="print")
    browser.open(paths.html.as_uri())
    yield browser
    browser.close()


def test_every_table_and_chart_fits_the_page_width(printed: Browser) -> None:
    """No table, cell or chart reaches past the 710 px of an A4 page's content."""
    overflow = printed.evaluate(
        """(() => {
          const limit = document.documentElement.clientWidth + 0.5;
          const out = [];
          for (const el of document.querySelectorAll('table.qd-table, table.qd-table th, '
                                                     + 'table.qd-table td, .jp-RenderedSVG svg')) {
            const right = el.getBoundingClientRect().right;
            if (right > limit) out.push([el.tagName, el.textContent.slice(0, 30), right]);
          }
          return out;
        })()"""
    )
    assert printed.evaluate("document.documentElement.clientWidth") == A4_CONTENT_PX
    assert printed.evaluate("document.querySelectorAll('table.qd-table').length") >= 5
    assert overflow == []


def test_scorecard_columns_are_all_on_the_page(printed: Browser) -> None:
    """The last columns of the scorecard (its status and the reason) are inside the page."""
    headers = printed.evaluate(
        """Array.from(document.querySelector('table.qd-table').querySelectorAll('th'))
             .map(th => [th.textContent, th.getBoundingClientRect().right])"""
    )
    assert [h for h, _ in headers][:2] == ["指标", "年份"] and len(headers) >= 7
    assert all(right <= A4_CONTENT_PX + 0.5 for _, right in headers)


def test_rows_charts_and_headings_are_kept_whole_and_headers_repeat(printed: Browser) -> None:
    """Print styles: no break inside a row or chart, none after a heading; thead repeats."""
    styles = printed.evaluate(
        """(() => {
          const style = (selector, property) =>
            getComputedStyle(document.querySelector(selector))[property];
          return {
            thead: style('table.qd-table thead', 'display'),
            row: style('table.qd-table tbody tr', 'breakInside'),
            chart: style('.jp-RenderedSVG', 'breakInside'),
            heading: style('h2', 'breakAfter'),
          };
        })()"""
    )
    assert styles == {
        "thead": "table-header-group",
        "row": "avoid",
        "chart": "avoid",
        "heading": "avoid",
    }


def test_saved_as_pdf_on_a4(printed: Browser, tmp_path: Path) -> None:
    """Chrome's PDF of the page takes the page size from the style: A4, 595 x 842 pt."""
    pdf = printed.print_pdf(tmp_path / "report.pdf").read_bytes()
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)
