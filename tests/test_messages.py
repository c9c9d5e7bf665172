"""Messages a first-timer can act on (issue 11, section 7).

`--lang en` gives English messages and hints everywhere: every diagnostic of every invalid fixture has an English message, an English hint wherever the Thai one has a hint,
and no Thai text in them except data values (quoted in backticks, or names and places the data
holds) — the English message keeps the village and person names the Thai one carries."""
from __future__ import annotations

import re
from pathlib import Path

import shutil

import pytest

from helpers import REPO
from test_fixtures import BASE, apply_edits, invalid_cases, materialise, run_validate

THAI_RUN = re.compile(r"[\u0E00-\u0E7F][\u0E00-\u0E7F .()]*[\u0E00-\u0E7F.)]|[\u0E00-\u0E7F]")
QUOTED = re.compile(r"`[^`]*`")


def _data_text(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*"))
                     if p.is_file())


def _in_data(word: str, data: str) -> bool:
    """WORD is written in the data, whole or as two values joined (a title and a first name)."""
    return word in data or any(word[:i] in data and word[i:] in data for i in range(1, len(word)))


def _foreign_thai(text: str, data: str) -> list[str]:
    """Thai words of TEXT outside backticks that are not data values (names, places, posts)."""
    words = [w.strip(".()") for run in THAI_RUN.findall(QUOTED.sub("", text)) for w in run.split()]
    return [w for w in words if w and not _in_data(w, data)]


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: p.name)
def test_english_messages_and_hints(case: Path, tmp_path: Path):
    _, root = materialise(case, tmp_path)
    _, diags, _ = run_validate(root, "--lang", "en")
    data = _data_text(root)
    for d in diags:
        where = f"{d['rule']} at line {d['line']}"
        assert d["message_en"].strip(), f"{where}: no English message"
        if d["hint"].strip():
            assert d["hint_en"].strip(), f"{where}: Thai hint without an English one: {d['hint']}"
        for field in ("message_en", "hint_en"):
            foreign = _foreign_thai(d[field], data)
            assert not foreign, f"{where}: Thai words in the English {field}: {foreign} ({d[field]})"


def _club_with_holder(tmp_path: Path, written: str) -> list[dict]:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, [{"file": "42-loei/4214-nong-hin/club.yaml", "replace": "holder: 4214-0001",
                        "with": f"holder:{written}"}])
    return run_validate(root)[1]


def test_empty_holder_asks_for_an_id_or_vacant(tmp_path: Path):
    [d] = [d for d in _club_with_holder(tmp_path, "") if d["path"].endswith("club.yaml")]
    assert "vacant: true" in d["hint"] and "holder: 4214-0001" in d["hint"] and '"null"' not in d["hint"]
    assert "vacant: true" in d["hint_en"]


@pytest.mark.parametrize("word", ["ว่าง", "ตำแหน่งว่าง"])
def test_vacant_written_as_holder_points_to_vacant(tmp_path: Path, word: str):
    found = [d for d in _club_with_holder(tmp_path, f" {word}") if d["path"].endswith("club.yaml")]
    assert found and all("vacant: true" in d["hint"] for d in found)


def test_no_jargon_key_in_messages():
    """A district official says ชื่อช่อง (field name), not คีย์ (key)."""
    offenders = [str(p.relative_to(REPO)) for p in (REPO / "scripts" / "thamniap").rglob("*.py")
                 if "คีย์" in p.read_text(encoding="utf-8")]
    assert not offenders
