"""Write the chart font: Noto Sans CJK SC cut down to the characters Chinese reports use.

Charts are laid out in the Python process by vl-convert, which measures every label with the
fonts it finds. Where the machine has no Chinese font, Chinese labels are measured as missing
glyphs and the chart comes out too narrow (a legend title cut at the page edge). The package
therefore ships its own font, registered with vl-convert before any chart is rendered
(:mod:`qdtransport.charts`), so that the layout is the same on every machine.

The full Noto Sans CJK is 16-20 MB per weight; this keeps what Simplified Chinese reports use:

- Regular: every character of GB 2312 (6,763 hanzi, 682 symbols, Latin, Greek, Cyrillic, kana),
  Latin-1, general punctuation, CJK punctuation, full-width forms and a few signs (≥ ≤ ✓ ✗);
- Bold (titles): the same without GB 2312's second level (the 3,008 rarer hanzi), plus every
  Chinese character that appears in the package's own text.

The family is renamed (``QDT Sans SC``): the OFL asks modified versions not to use reserved
names, and a name of its own keeps vl-convert from mixing it up with an installed Noto.

Run from the repository root, with fontTools installed (``pip install fonttools``) and the
source fonts of Debian's ``fonts-noto-cjk`` package (version 1:20220127, Noto Sans CJK 2.004):

    python qdtransport/resources/fonts/subset_chart_font.py /usr/share/fonts/opentype/noto
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FAMILY = "QDT Sans SC"
"""Family name of the subset fonts (``qdtransport.charts.CHART_FONT``)."""

POSTSCRIPT = "QDTSansSC"
OUT_DIR = Path(__file__).resolve().parent
SC_INDEX = 2
"""Index of Noto Sans CJK SC in NotoSansCJK-<weight>.ttc (JP, KR, SC, TC, HK, then Mono)."""

EXTRA = (
    list(range(0x20, 0x7F))  # ASCII
    + list(range(0xA0, 0x100))  # Latin-1
    + list(range(0x2000, 0x2070))  # general punctuation
    + list(range(0x3000, 0x3040))  # CJK symbols and punctuation
    + list(range(0xFF00, 0xFFF0))  # full-width forms
    + [0x2190, 0x2191, 0x2192, 0x2193, 0x2103, 0x2116, 0x2212, 0x2260, 0x2264, 0x2265]
    + [0x2713, 0x2714, 0x2715, 0x2717, 0x33A1]
)
"""Code points kept besides GB 2312."""


def gb2312(last_row: int) -> set[int]:
    """Characters of GB 2312 rows 0xA1-0xA9 (symbols) and 0xB0..``last_row`` (hanzi)."""
    rows = [*range(0xA1, 0xAA), *range(0xB0, last_row + 1)]
    found = set()
    for high in rows:
        for low in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def package_characters(root: Path) -> set[int]:
    """Every CJK ideograph in the package's Python files and notebooks."""
    found: set[int] = set()
    for path in [*root.glob("qdtransport/**/*.py"), *root.glob("notebooks/*.ipynb")]:
        text = path.read_text(encoding="utf-8")
        found.update(ord(c) for c in re.findall(r"[\u3400-\u9fff]", text))
    return found


def rename(font: TTFont, style: str) -> None:
    """Give ``font`` the family :data:`FAMILY` in ``style``, keeping copyright and licence."""
    names = font["name"]
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    version = names.getDebugName(5) or ""
    values = {
        1: FAMILY,
        2: style,
        3: f"{POSTSCRIPT}-{style};subset of Noto Sans CJK SC {version}",
        4: full,
        5: f"{version}; subset for qdtransport charts",
        6: f"{POSTSCRIPT}-{style}",
    }
    names.names = [
        record for record in names.names if record.nameID not in (*values, 16, 17, 18, 21, 22)
    ]
    for name_id, value in values.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [f"{POSTSCRIPT}-{style}"]
    top = cff.topDictIndex[0]
    top.FamilyName, top.FullName = FAMILY, full


def write(source: Path, style: str, characters: set[int], out: Path) -> int:
    """Subset the SC face of ``source`` to ``characters``, rename it and save it to ``out``."""
    font = TTCollection(str(source)).fonts[SC_INDEX]
    options = subset.Options()
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    options.layout_features = ["kern", "palt", "locl"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters))
    subsetter.subset(font)
    rename(font, style)
    font.save(str(out))
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    """Write QDTSansSC-Regular.otf and QDTSansSC-Bold.otf from the Noto Sans CJK collections."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("noto_dir", type=Path, help="folder with NotoSansCJK-Regular/Bold.ttc")
    args = parser.parse_args(argv)
    extra = set(EXTRA)
    plans = {
        "Regular": gb2312(0xF7) | extra,
        "Bold": gb2312(0xD7) | extra | package_characters(Path.cwd()),
    }
    for style, characters in plans.items():
        out = OUT_DIR / f"{POSTSCRIPT}-{style}.otf"
        size = write(args.noto_dir / f"NotoSansCJK-{style}.ttc", style, characters, out)
        print(f"{out}: {len(characters)} characters, {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
