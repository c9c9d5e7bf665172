"""check/validate: every problem in one run (issue 11, section 1): a YAML finding that leaves a readable document
goes on to the schema and the rules, and a schema error in one person, seat or village leaves out
only that item, so the cross-file rules still see the rest."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from thamniap.check.validate import check_root, load_dataset
from test_fixtures import BASE, TODAY, apply_edits, run_validate

ROSTER = "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"   # subdistrict หนองหิน
CLUB = "42-loei/4214-nong-hin/club.yaml"

MISTAKES = [
    # an ambiguous scalar (a phone without quotes) on the first volunteer
    {"file": ROSTER, "replace": "    last_name: สุขสวัสดิ์\n",
     "with": "    last_name: สุขสวัสดิ์\n    phone: 0812345678\n"},
    # an unknown key on the second
    {"file": ROSTER, "replace": "    last_name: อินทร์แก้ว\n",
     "with": "    last_name: อินทร์แก้ว\n    nickname: แสง\n"},
    # a Buddhist-era year on the third
    {"file": ROSTER, "replace": "start: 2024-09-27", "with": "start: 2567-09-27"},
    # two villages numbered หมู่ที่ 1
    {"file": ROSTER, "replace": "- moo: 2\n  name: บ้านนาเจริญ\n", "with": "- moo: 1\n  name: บ้านนาเจริญ\n"},
    # and a rule error in another file: a seat held by an id nobody has
    {"file": CLUB, "replace": "holder: 4214-0001", "with": "holder: 4214-0999"},
]
# a schema error inside one person: the fourth volunteer has no first_name
NO_FIRST_NAME = {"file": ROSTER, "replace": "    first_name: ปัญญา\n", "with": ""}


def _dataset(tmp_path: Path, edits: list[dict]) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, edits)
    return root


def _found(root: Path, diags: list[dict]) -> set[tuple[str, str]]:
    return {(d["rule"], Path(d["path"]).resolve().relative_to(root.resolve()).as_posix()) for d in diags}


def test_every_problem_of_a_file_in_one_run(tmp_path: Path):
    root = _dataset(tmp_path, MISTAKES)
    code, diags, raw = run_validate(root)
    found = _found(root, diags)
    for want in [("yaml.ambiguous-scalar", ROSTER), ("schema.unknown-key", ROSTER),
                 ("date.buddhist-year", ROSTER), ("roster.duplicate-moo", ROSTER),
                 ("club.holder-not-in-roster", CLUB)]:
        assert want in found, f"{want} missing from one run: {sorted(found)}"
    assert code == 1


def test_duplicate_key_goes_on_to_schema_and_rules(tmp_path: Path):
    """A duplicate key leaves a readable document: its schema problems and rule findings come too."""
    root = _dataset(tmp_path, [
        {"file": ROSTER, "replace": "\nname: หนองหิน\n", "with": "\nname: หนองหิน\nname: หนองหิน\n"},
        MISTAKES[1], MISTAKES[3]])
    _, diags, _ = run_validate(root)
    found = _found(root, diags)
    assert {("yaml.duplicate-key", ROSTER), ("schema.unknown-key", ROSTER),
            ("roster.duplicate-moo", ROSTER)} <= found


def test_a_person_with_a_schema_error_is_left_out_alone(tmp_path: Path):
    root = _dataset(tmp_path, [NO_FIRST_NAME])
    ds = load_dataset(root)
    district = ds.provinces[0].district("4214")
    ids = {p.id for p in district.people()}
    assert "4214-0005" not in ids                       # the person without a first_name
    assert {"4214-0001", "4214-0003", "4214-0004", "4214-0006"} <= ids
    assert district.left_out_ids == {"4214-0005"}
    assert district.club is not None and district.nominations is not None


def test_a_field_error_leaves_the_person_in(tmp_path: Path):
    """A value that fails its own check (a B.E. date) is reported; the person stays in the model
    (the date reads as unknown), as before."""
    root = _dataset(tmp_path, [MISTAKES[2]])
    district = load_dataset(root).provinces[0].district("4214")
    assert "4214-0005" in {p.id for p in district.people()} and not district.left_out_ids


def test_cross_file_rules_still_run_for_the_rest(tmp_path: Path):
    """With one person left out, a seat naming an unknown id is still an error, and the person
    left out is not called missing by the seat or the village counts."""
    root = _dataset(tmp_path, [NO_FIRST_NAME, MISTAKES[4]])
    _, diags = check_root(root, dt.date.fromisoformat(TODAY))
    rules = [(d.rule, d.message) for d in diags]
    assert any(rule == "club.holder-not-in-roster" and "4214-0999" in message for rule, message in rules)
    assert not any(rule == "club.holder-not-in-roster" and "4214-0005" in message for rule, message in rules)
    assert not any(rule == "roster.min-volunteers" and "บ้านภูป่าไผ่" in message for rule, message in rules)


def test_alias_and_merge_key_are_said_once(tmp_path: Path):
    """Where the schema would repeat a YAML finding in its own words (`<<` as an unknown key),
    only the YAML message is shown."""
    root = _dataset(tmp_path, [{"file": ROSTER, "replace": "  first_name: เสกสรร\n",
                                "with": "  first_name: เสกสรร\n  <<: {x: 1}\n"}])
    _, diags, _ = run_validate(root)
    at = [(d["rule"], d["line"]) for d in diags if d["path"].endswith("421401-nong-hin.yaml")]
    lines = [line for rule, line in at if rule == "yaml.merge-key"]
    assert lines and not [r for r, line in at if line in lines and r.startswith("schema.")]
