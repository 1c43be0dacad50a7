"""Charts are laid out with the bundled font, whatever fonts the machine has.

Each check renders in a fresh Python whose fontconfig knows only an empty folder
(``FONTCONFIG_FILE``), so on Linux vl-convert finds no font of the machine at all; it then has
its own Liberation Sans (no Chinese) and whatever the package registers.

Worked out by hand: the bundled font's ideographs are 1 em wide (Noto Sans CJK SC: advance
1000 of 1000 units per em). Legend titles are 11 px, so a legend whose title is its widest part
grows by 4 x 11 = 44 px when four characters are added to the title, and the chart's SVG with
it. Measured as missing glyphs (no Chinese font) the four characters added 33 px: the SVG was
11 px too narrow and a browser that has a Chinese font drew the title past its edge.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from qdtransport.chart_font import CHART_FONT, FONT_DIR

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{folder}</dir></fontconfig>
"""

LEGEND_WIDTHS = """
import json, re
import altair as alt
import polars as pl
{setup}

def width(title):
    rows = pl.DataFrame({{"x": [1, 2], "status": ["全年", "全年"]}})
    chart = (
        alt.Chart(rows).mark_point()
        .encode(x="x:Q", shape=alt.Shape("status:N", title=title))
        .properties(width=100)
        .configure(font=FONT)
    )
    svg = vl_convert.vegalite_to_svg(chart.to_dict(), vl_version="{vl_version}")
    return float(re.search(r'<svg[^>]*? width="([0-9.]+)"', svg).group(1))

print(json.dumps({{"short": width("年度未完"), "long": width("年度未完年度未完")}}))
"""

WITH_PACKAGE = "import vl_convert\nfrom qdtransport.charts import FONT_STACK as FONT"
WITHOUT_PACKAGE = "import vl_convert\nFONT = 'sans-serif'"

REAL_CHART = """
import polars as pl
from qdtransport import charts
from qdtransport.domains.fleet.charts import nev_share_chart
shares = pl.DataFrame({"year": [2023, 2024, 2025], "value": [0.5, 0.75, 0.8],
                       "complete": [True, True, False]})
print(charts.to_svg(nev_share_chart(shares, use_type="bus", target_value=1.0, target_year=2025)))
"""


def _vl_version() -> str:
    import altair as alt

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def _run(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def no_system_fonts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Return the environment of a process whose fontconfig lists one empty folder."""
    folder = tmp_path_factory.mktemp("no_fonts")
    config = folder / "fonts.conf"
    (folder / "empty").mkdir()
    config.write_text(FONTCONFIG.format(folder=folder / "empty"), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def test_the_font_files_and_their_licence_ship_with_the_package() -> None:
    """Both weights and the OFL lie in the package, together under 5 MB."""
    sizes = {p.name: p.stat().st_size for p in FONT_DIR.glob("*.otf")}
    assert sorted(sizes) == ["QDTSansSC-Bold.otf", "QDTSansSC-Regular.otf"]
    assert sum(sizes.values()) < 5_000_000
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_DIR / "OFL.txt").read_text("utf-8")


def test_four_more_ideographs_widen_a_legend_by_four_em(no_system_fonts: dict[str, str]) -> None:
    """With the package's font, each ideograph of an 11 px legend title is 11 px wide."""
    code = LEGEND_WIDTHS.format(setup=WITH_PACKAGE, vl_version=_vl_version())
    widths = json.loads(_run(code, no_system_fonts))
    assert widths["long"] - widths["short"] == 44


@pytest.mark.skipif(sys.platform != "linux", reason="FONTCONFIG_FILE hides fonts on Linux only")
def test_without_the_bundled_font_the_same_legend_is_measured_wrong(
    no_system_fonts: dict[str, str],
) -> None:
    """Control: the subprocess really sees no Chinese font of the machine."""
    code = LEGEND_WIDTHS.format(setup=WITHOUT_PACKAGE, vl_version=_vl_version())
    widths = json.loads(_run(code, no_system_fonts))
    assert widths["long"] - widths["short"] != 44


def test_a_chart_is_the_same_with_and_without_the_machines_fonts(
    no_system_fonts: dict[str, str],
) -> None:
    """A chart with Chinese labels renders to the same SVG with or without the system fonts."""
    isolated = _run(REAL_CHART, no_system_fonts)
    usual = _run(REAL_CHART, dict(os.environ))
    assert "年度未完" in isolated and "目标年 2025" in isolated
    assert isolated == usual


def test_svg_text_names_the_bundled_font_first(no_system_fonts: dict[str, str]) -> None:
    """Every text of the SVG asks for the bundled family first."""
    svg = _run(REAL_CHART, no_system_fonts)
    families = {
        part.split('"', 1)[0] for part in svg.split('font-family="')[1:]
    }  # e.g. &quot;QDT Sans SC&quot;, &quot;Noto Sans CJK SC&quot;, ...
    assert families and all(f.replace("&quot;", "").startswith(CHART_FONT) for f in families)
