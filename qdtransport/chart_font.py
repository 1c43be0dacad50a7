"""The Chinese font charts are laid out with, shipped inside the package.

vl-convert lays a chart out in the Python process: it measures every title, label and legend
entry with the fonts it can find, and sizes the SVG to fit. On a machine without a Chinese font
every Chinese character was measured as a narrow missing glyph, so the SVG came out too small
and a browser (which has the font) drew text past its edge: legend titles lost their last
characters. Registering the bundled font makes every machine measure the same glyphs.

The font is ``QDT Sans SC``: Noto Sans CJK SC 2.004 (SIL Open Font License 1.1, see
``resources/fonts/OFL.txt``) cut down to GB 2312 (Regular, 2.9 MB) and to its first level of
3,755 common hanzi plus the package's own words (Bold, 1.6 MB) by
``qdtransport/resources/fonts/subset_chart_font.py``. A character outside the subset is measured with whatever
font of the machine has it, else as a missing glyph.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert

CHART_FONT = "QDT Sans SC"
"""Family name of the bundled font; first in :data:`qdtransport.charts.FONT_FAMILIES`."""

FONT_DIR = Path(__file__).parent / "resources" / "fonts"
"""Folder of the bundled font files (``QDTSansSC-Regular.otf``, ``QDTSansSC-Bold.otf``)."""

_registered: list[Path] = []


def register_chart_font() -> Path:
    """Make the bundled font available to vl-convert in this process (once); return its folder.

    Raises
    ------
    FileNotFoundError
        When the font files are missing from the installation.
    """
    if not _registered:
        if not any(FONT_DIR.glob("*.otf")):
            raise FileNotFoundError(f"{FONT_DIR}: chart font missing from the installation")
        vl_convert.register_font_directory(str(FONT_DIR))
        _registered.append(FONT_DIR)
    return FONT_DIR
