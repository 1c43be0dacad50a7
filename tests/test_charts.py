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
        font.startswith('"Noto Sans CJK SC"')
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
