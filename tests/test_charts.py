"""Chart primitives: fonts that cover Chinese, offline SVG with ids unique across charts.

The frames are written out here; every expected number below is read off them by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

import altair as alt
import polars as pl
import pytest

from qdtransport import charts
from qdtransport.report.sections import rejects_chart


def test_charts_use_a_font_list_that_covers_chinese() -> None:
    spec = rejects_chart(
        pl.DataFrame({"source_file": ["a.csv"], "reason_code": ["bad_vin"]})
    ).to_dict()
    font = spec["config"]["font"]
    assert (
        font.startswith('"QDT Sans SC", "Noto Sans CJK SC"')
        and "Microsoft YaHei" in font
        and font.endswith("sans-serif")
    )


@pytest.fixture
def restore_renderer() -> Iterator[None]:
    active = alt.renderers.active
    yield
    alt.renderers.enable(active)


def test_svg_renderer_needs_no_network(restore_renderer: None) -> None:
    charts.enable_svg_renderer()
    bundle = rejects_chart(
        pl.DataFrame({"source_file": ["a.csv"], "reason_code": ["bad_vin"]})
    )._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["image/svg+xml"].startswith("<svg")
    assert not any("html" in kind or "vegalite" in kind for kind in data)


def test_renderer_gives_vega5_for_jupyterlab_and_svg_for_everything_else(
    restore_renderer: None,
) -> None:
    """JupyterLab 4 draws Vega 5 with the Vega it bundles; nbconvert and others take the SVG."""
    charts.enable_renderer()
    chart = rejects_chart(pl.DataFrame({"source_file": ["a.csv"], "reason_code": ["bad_vin"]}))
    data, metadata = chart._repr_mimebundle_()
    vega = data[charts.VEGA_MIMETYPE]
    assert "/vega/v5" in vega["$schema"]
    assert data["image/svg+xml"].startswith("<svg")
    assert data["text/plain"] == "<chart: 拒收行：按文件和原因>"
    assert metadata[charts.VEGA_MIMETYPE]["embed_options"] == {"actions": False, "renderer": "svg"}
    # the bars keep their tooltip (file, reason, rows) in the compiled Vega
    assert "tooltip" in repr(vega) and "a.csv" in repr(vega)
    # nothing in the bundle loads anything from the network
    assert "http" not in repr({k: v for k, v in vega.items() if k != "$schema"})


def test_volume_by_year_is_not_a_share_axis() -> None:
    # 2.546 million TEU in 2024 against 2.2 million in 2025: the y axis runs from 0 past the
    # larger of the two (2,546,000 * 1.1 = 2,800,600), labelled in whole TEU, not percent
    frame = pl.DataFrame({"year": [2023, 2024], "value": [2_100_000.0, 2_546_000.0], "complete": [True, True]})
    spec = charts.volume_by_year(
        frame, target_value=2_200_000.0, target_year=2025, title="TEU", y_title="TEU", unit="TEU", lang="en"
    ).to_dict()
    line = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    y = line["encoding"]["y"]
    assert y["scale"]["domain"] == [0, pytest.approx(2_800_600.0)]
    assert y["axis"]["format"] == ",.0f"
    texts = [row["text"] for layer in spec["layer"] for row in layer.get("data", {}).get("values", [])]
    datasets = [row.get("text") for rows in spec.get("datasets", {}).values() for row in rows]
    assert "Target 2,200,000 TEU" in texts + datasets
