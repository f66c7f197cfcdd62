#!/usr/bin/env python3
"""Build vitrine-sans-cjk.otf: a subset of Noto Sans CJK SC Regular that can draw chart text.

vitrine rasterises its chart SVGs to PNG (src/raster.rs, with resvg) using only this font, so
that the images are the same bytes on every machine. It keeps the glyph outlines (CFF, without
hinting) of the characters listed below, and drops what a rasteriser of left-to-right chart
labels does not read (OpenType layout, vertical metrics, hinting).

Coverage: the RANGES below (Latin, punctuation, CJK symbols, full-width forms...), the 6,763
hanzi of GB 2312 (enumerated with Python's gb2312 codec), and every character of the example
site's content/, data/ and the default theme's i18n files that the source font has.

Usage: python3 make-outline-font.py [SOURCE.ttc [FONT_NUMBER [OUT.otf]]]
Defaults: Debian's fonts-noto-cjk, face 2 (Noto Sans CJK SC Regular), ./vitrine-sans-cjk.otf.
Needs fontTools 4.68.0. The output is byte-identical from one run to the next (run it from any
folder: the site's files are found relative to this script).
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_NUMBER = int(sys.argv[2]) if len(sys.argv) > 2 else 2
OUT = sys.argv[3] if len(sys.argv) > 3 else "vitrine-sans-cjk.otf"
FAMILY = "Vitrine Sans CJK"
PS_NAME = "VitrineSansCJK-Regular"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
# Folders (and files) of the example site whose characters must all be drawable.
SITE_TEXT = ["content", "data", os.path.join("themes", "default", "i18n"), "site.yaml", "glossary.yaml",
             "calendar.yaml"]

# Basic Latin, Latin-1, general punctuation, currency, letter-like symbols (‰ ℃ №), number
# forms, arrows (↑ ↓), mathematical operators (± ≤ ≥), enclosed numbers, geometric shapes (■ ●),
# CJK symbols and punctuation, enclosed CJK and compatibility units (㎡), CJK compatibility forms,
# half- and full-width forms.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F),
    (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
    (0x3000, 0x303F), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


def gb2312_hanzi():
    """The hanzi of GB 2312: rows 16-87 of the two-byte table."""
    out = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def site_characters():
    """Every character in the example site's texts (read as UTF-8), in a fixed order."""
    chars = set()
    for entry in SITE_TEXT:
        path = os.path.join(ROOT, entry)
        files = [path] if os.path.isfile(path) else [
            os.path.join(d, f) for d, _, fs in sorted(os.walk(path)) for f in sorted(fs)]
        for name in files:
            if name.endswith((".md", ".yaml", ".yml")):
                with open(name, encoding="utf-8") as f:
                    chars.update(ord(c) for c in f.read())
    return chars


def main():
    src = TTFont(SOURCE, fontNumber=FONT_NUMBER, lazy=False)
    cmap = src.getBestCmap()
    wanted = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)} | gb2312_hanzi() | site_characters()
    unicodes = sorted(cp for cp in wanted if cp in cmap)

    options = subset.Options()
    options.layout_features = []          # no GSUB/GPOS features: labels are drawn left to right
    options.hinting = False               # resvg does not hint; CFF hints only cost bytes
    options.desubroutinize = False        # subroutines keep the CFF small
    options.notdef_outline = True         # a missing character draws a box, never nothing
    options.name_IDs = []                 # the names are written below
    options.name_legacy = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "meta"]
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(src)

    # Renamed, as the SIL OFL asks of modified versions; copyright and licence kept.
    old = src["name"]
    copyright_ = old.getDebugName(0) if old.getDebugName(0) else ""
    licence = old.getDebugName(13) or ""
    licence_url = old.getDebugName(14) or ""
    trademark = old.getDebugName(7) or ""
    old.names = []
    names = {
        0: copyright_ + " Subset for vitrine (hinting and layout tables removed).",
        1: FAMILY,
        2: "Regular",
        3: PS_NAME + ";derived from NotoSansCJKsc-Regular 2.004",
        4: FAMILY + " Regular",
        5: "Version 2.004; vitrine subset",
        6: PS_NAME,
        7: trademark,
        13: licence,
        14: licence_url,
    }
    for name_id, text in names.items():
        if text:
            old.setName(text, name_id, 3, 1, 0x409)
    cff = src["CFF "].cff
    cff.fontNames = [PS_NAME]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY + " Regular"
    top.FamilyName = FAMILY
    if hasattr(top, "Notice"):
        top.Notice = copyright_
    # Fixed timestamps so that the output does not change between runs.
    src["head"].modified = src["head"].created
    src.recalcTimestamp = False
    src.save(OUT)
    print(f"{OUT}: {len(unicodes)} characters, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
