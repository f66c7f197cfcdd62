#!/usr/bin/env python3
"""Build vitrine-cjk-metrics.ttf: the advance widths of Noto Sans CJK SC, without outlines.

vitrine measures chart labels with this font (through ab_glyph) so that the chart layout does not
depend on the fonts of the machine that builds the site. Readers' browsers draw the text with
their own CJK fonts; only the widths come from here.

Usage: python3 make-metrics-font.py [SOURCE.ttc [FONT_NUMBER [OUT.ttf]]]
Defaults: Debian's fonts-noto-cjk, face 2 (Noto Sans CJK SC Regular), ./vitrine-cjk-metrics.ttf.
Needs fontTools (tested with 4.68.0). The output is byte-identical from one run to the next.
"""
import sys

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_NUMBER = int(sys.argv[2]) if len(sys.argv) > 2 else 2
OUT = sys.argv[3] if len(sys.argv) > 3 else "vitrine-cjk-metrics.ttf"
FAMILY = "Vitrine CJK Metrics"

# Code point ranges kept: Latin, punctuation, symbols used in statistics, CJK punctuation and
# compatibility units (㎡), CJK Unified Ideographs (URO and Extension A), full-width forms.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x0370, 0x03FF), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x3000, 0x303F), (0x3200, 0x33FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


def main():
    src = TTFont(SOURCE, fontNumber=FONT_NUMBER, lazy=True)
    cmap = src.getBestCmap()
    hmtx = src["hmtx"]
    kept = [cp for lo, hi in RANGES for cp in range(lo, hi + 1) if cp in cmap]
    # Ideographs last, in code point order: contiguous glyph ids give a compact cmap, and equal
    # trailing advances let hmtx store one advance for all of them.
    kept.sort(key=lambda cp: (hmtx[cmap[cp]][0] == 1000 and cp >= 0x3400, cp))
    names = [".notdef"] + ["uni%04X" % cp if cp <= 0xFFFF else "u%05X" % cp for cp in kept]

    fb = FontBuilder(src["head"].unitsPerEm, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({cp: name for cp, name in zip(kept, names[1:])})
    empty = TTGlyphPen(None).glyph()  # no outline: the font only carries metrics
    fb.setupGlyf({name: empty for name in names})
    metrics = {".notdef": (hmtx[".notdef"][0], 0)}
    metrics.update({name: (hmtx[cmap[cp]][0], 0) for cp, name in zip(kept, names[1:])})
    fb.setupHorizontalMetrics(metrics)
    hhea = src["hhea"]
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    os2 = src["OS/2"]
    fb.setupOS2(
        sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
        sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent, achVendID=os2.achVendID,
        usWeightClass=os2.usWeightClass, sxHeight=os2.sxHeight, sCapHeight=os2.sCapHeight,
        fsType=0,
    )
    copyright_ = src["name"].getDebugName(0)
    fb.setupNameTable({
        "copyright": copyright_ + " Metrics-only subset for vitrine (outlines removed).",
        "familyName": FAMILY,
        "styleName": "Regular",
        "uniqueFontIdentifier": "VitrineCJKMetrics-Regular;derived from NotoSansCJKsc-Regular 2.004",
        "fullName": FAMILY + " Regular",
        "psName": "VitrineCJKMetrics-Regular",
        "version": "Version 2.004; metrics only",
        "licenseDescription": src["name"].getDebugName(13),
        "licenseInfoURL": src["name"].getDebugName(14),
    })
    fb.setupPost(keepGlyphNames=False)
    # Fixed timestamps so that the output does not change between runs.
    fb.updateHead(created=src["head"].created, modified=src["head"].created)
    fb.save(OUT)


if __name__ == "__main__":
    main()
