"""The site's two Sarabun files (400 and 700), each one woff2 holding the Thai letters and only the
Latin characters a Thai line needs (space, digits, punctuation), made from the @fontsource/sarabun package's Thai and Latin
subsets (scripts/vendor-assets.sh fetches the package and runs this):

    .venv/bin/python -m thamniap.devtools.fonts PACKAGE/files docs/assets/fonts

Why one file per weight: a phone on a slow link fetches two files instead of four (42 KB -> 23 KB),
all preloaded before the first paint. The Latin part keeps ASCII digits, spaces and punctuation and
the marks the pages print (–, —, ·, ¶, …); the few English words (QR, CSV, GitHub) and anything
else come from the phone's own font. The Thai part is the package's Thai subset whole, with its mark
positioning (GPOS mark/mkmk) and composition (GSUB ccmp/liga) for stacked vowels and tone marks.
Developer tool (needs fontTools and brotli, requirements-dev.txt); the site only serves the
committed files. The output is the same bytes every run (no timestamps), so --check can compare.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

WEIGHTS = (400, 700)
# Latin characters kept beside the Thai subset: printable ASCII but its letters (a third of the
# Latin bytes, for a few words a page), no-break space, and the punctuation found in the built
# site's text (§ ¶ · × – — ‘ ’ “ ” … ›).
ASCII_LETTERS = frozenset(range(0x41, 0x5B)) | frozenset(range(0x61, 0x7B))
LATIN = (frozenset(range(0x20, 0x7F)) - ASCII_LETTERS) | {0xA0, 0xA7, 0xB6, 0xB7, 0xD7, 0x2013, 0x2014, 0x2018, 0x2019,
                                        0x201C, 0x201D, 0x2026, 0x203A}
# Thai shaping (ccmp, liga, mark, mkmk) and Latin kerning; the rest (fractions, locl) is not used here.
FEATURES = ["ccmp", "liga", "kern", "mark", "mkmk"]


def output_name(weight: int) -> str:
    return f"sarabun-{weight}.woff2"


def merged_face(thai: Path, latin: Path) -> bytes:
    """One woff2: the Thai subset file THAI whole, plus the LATIN characters of the file LATIN."""
    from fontTools import subset
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    fonts = [TTFont(source, recalcTimestamp=False) for source in (thai, latin)]
    thai_font = fonts[0]
    thai_characters = set(thai_font.getBestCmap())
    created, modified = thai_font["head"].created, thai_font["head"].modified
    plain = []
    for font in fonts:                    # the merger reads TrueType, not woff2
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        plain.append(buffer)
    merged = Merger().merge(plain)
    merged.recalcTimestamp = False        # the Thai file's dates, not today's: the same bytes every run
    merged["head"].created, merged["head"].modified = created, modified
    buffer = io.BytesIO()
    merged.save(buffer)                   # round trip: the merger's tables compiled before subsetting
    buffer.seek(0)
    font = TTFont(buffer, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = FEATURES
    options.name_IDs = ["*"]              # keeps the copyright and licence entries (OFL)
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=thai_characters | LATIN)
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def make(package_files: Path, target: Path) -> list[Path]:
    """Write the two faces from the package's files folder PACKAGE_FILES into TARGET; their paths."""
    written = []
    for weight in WEIGHTS:
        data = merged_face(package_files / f"sarabun-thai-{weight}-normal.woff2",
                           package_files / f"sarabun-latin-{weight}-normal.woff2")
        path = target / output_name(weight)
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m thamniap.devtools.fonts PACKAGE_FILES_DIR TARGET_DIR", file=sys.stderr)
        return 2
    for path in make(Path(argv[0]), Path(argv[1])):
        print(f"{path} {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
