"""Open-data exports (thamniap.render.exports): golden files, privacy, formula injection, reproducibility.

Golden files live in tests/golden/exports/ and mirror the output tree (downloads/42-loei/...):
every CSV and JSON is compared byte for byte; each Excel file is compared as its cell values,
sheet by sheet, read back with openpyxl (`<name>.xlsx.cells.json`), and its bytes are checked to
be identical across two builds. After an intended change, re-bless (rewrites every golden file,
removes stale ones) and review the diff:

    THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_exports.py
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from helpers import BASE, REPO
from test_fixtures import FIXTURES, apply_edits
from thamniap.build.exports import write_exports
from thamniap.render import exports
from thamniap.check.validate import load_dataset

GOLDEN = Path(__file__).parent / "golden" / "exports"
BLESS = os.environ.get("THAMNIAP_BLESS") == "1"
BOM = b"\xef\xbb\xbf"
PHONE = "081 234 5678"
HOSTILE = '=HYPERLINK("http://evil.example/","คลิก")'

# Every key any JSON export may contain. A new key must be added here on purpose, after checking
# it is public (DOMAIN.md: name with title, role, area, term, club post; phone only with consent).
PUBLIC_JSON_KEYS = {
    # meta
    "meta", "schema_version", "generated_from", "province", "sample", "licence", "credit", "dates",
    # places, offices, clubs
    "districts", "code", "name", "office", "unit", "address", "phone", "email", "website", "hours", "location", "lat", "lon",
    "officials", "club", "kind", "registration_no", "term", "start", "end", "appointment",
    "order_no", "date", "by", "confirmed_on", "posts", "post", "vacant", "holder_id", "holder_name", "since",
    "subdistricts", "leaders", "villages", "moo", "volunteers",
    "nominations", "meeting", "submitted_on", "representatives",
    # people and officials
    "id", "title", "first_name", "last_name", "sex", "roles", "role", "end_reason", "club_posts",
    "position", "responsible_for_volunteers", "work_phone",
}
NEVER = ("consent", "phone_consent", "method", "note", "maintainers", "national", "birth", "religion", "where", "path", "line", "listed_as")


def build(root: Path, out: Path) -> list[exports.Export]:
    ds = load_dataset(root)
    assert ds.provinces, f"no province under {root}"
    return write_exports(ds.provinces, out)


def edited_copy(tmp_path: Path, edits: list[dict]) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, edits)
    return root


def case_edits(case: str) -> list[dict]:
    """The edits of a fixture case (tests/fixtures/*/<case>/case.yaml)."""
    found = list(FIXTURES.glob(f"*/{case}/case.yaml"))
    assert len(found) == 1, case
    return yaml.safe_load(found[0].read_text(encoding="utf-8"))["edits"]


def xlsx_cells(path: Path) -> dict[str, list[list]]:
    wb = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def cells_text(cells: dict[str, list[list]]) -> str:
    """Cell values as JSON with one spreadsheet row per line (readable golden diffs)."""
    sheets = [f" {json.dumps(name, ensure_ascii=False)}: [\n"
              + ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows) + "\n ]"
              for name, rows in cells.items()]
    return "{\n" + ",\n".join(sheets) + "\n}\n"


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def json_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in json_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in json_keys(v)}
    return set()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[exports.Export]]:
    out = tmp_path_factory.mktemp("site")
    return out, build(BASE, out)


# ------------------------------------------------------------------ golden files

def test_golden_files(built):
    out, written = built
    expected: dict[str, bytes] = {}
    for export in written:
        if export.format == "xlsx":
            expected[export.rel + ".cells.json"] = cells_text(xlsx_cells(export.path)).encode("utf-8")
        else:
            expected[export.rel] = export.path.read_bytes()
    if BLESS:
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for rel, data in expected.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    have = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert have == set(expected), "golden files differ in name: re-bless (see module docstring)"
    for rel, data in expected.items():
        assert (GOLDEN / rel).read_bytes() == data, f"{rel} differs from its golden file"


def test_file_list_and_metadata(built):
    out, written = built
    rels = [e.rel for e in written]
    assert rels == [
        "downloads/42-loei/people.csv", "downloads/42-loei/clubs.csv", "downloads/42-loei/officials.csv",
        "downloads/42-loei/thamniap-42.xlsx", "downloads/42-loei/thamniap-42.json",
        "downloads/42-loei/4214-people.csv", "downloads/42-loei/4214-club.csv",
        "downloads/42-loei/4214.xlsx", "downloads/42-loei/4214.json",
    ]
    for e in written:
        assert e.path.is_absolute() and e.path == (out / e.rel).resolve()
        assert e.size == e.path.stat().st_size > 0
        assert e.format == e.rel.rsplit(".", 1)[1]
        assert e.scope in ("province", "4214")
        assert (e.kind == "all") == (e.format != "csv")
        assert e.title_th.endswith({"csv": "(CSV)", "xlsx": "(Excel)", "json": "(JSON)"}[e.format])
    kinds = {(e.scope, e.rel.rsplit("/", 1)[1]): e.kind for e in written}
    assert kinds[("province", "people.csv")] == "people"
    assert kinds[("province", "clubs.csv")] == "clubs"
    assert kinds[("province", "officials.csv")] == "officials"
    assert kinds[("4214", "4214-club.csv")] == "clubs"
    titles = {e.rel: e.title_th for e in written}
    assert titles["downloads/42-loei/4214-people.csv"] == "รายชื่อ อช. และผู้นำ อช. อำเภอหนองหิน (CSV)"


# ------------------------------------------------------------------ CSV

def test_csv_is_excel_friendly(built):
    out, written = built
    for e in (e for e in written if e.format == "csv"):
        data = e.path.read_bytes()
        assert data.startswith(BOM), e.rel
        assert not data.startswith(BOM + BOM)
        body = data[len(BOM):].decode("utf-8")
        lines = body.split("\r\n")
        assert lines[-1] == "", "every row ends with CRLF"
        assert "\n" not in "".join(lines) and "\r" not in "".join(lines)
        header = lines[0]
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in header), "Thai header row"
    people = csv_rows(out / "downloads/42-loei/people.csv")
    assert people[0] == list(exports.PEOPLE_HEADERS)
    rows = {r[0]: dict(zip(people[0], r)) for r in people[1:]}
    assert len(rows) == len(people) - 1 == 30, "one row per person"
    leader = rows["4214-0001"]
    assert leader["บทบาทและวาระ"] == "ผู้นำ อช. 2023-10-01–2027-09-30"
    assert leader["เพศ"] == "ชาย" and leader["หมู่ที่"] == "" and leader["ข้อมูลตัวอย่าง"] == "true"
    assert leader["ตำแหน่งในชมรม/สมาคม"] == (
        "ประธาน (ชมรมผู้นำอาสาพัฒนาชุมชนอำเภอหนองหิน); ประธาน (สมาคมผู้นำอาสาพัฒนาชุมชนจังหวัดเลย)")
    volunteer = rows["4214-0003"]
    assert (volunteer["ตำบล"], volunteer["หมู่ที่"], volunteer["หมู่บ้าน"]) == ("หนองหิน", "1", "บ้านภูป่าไผ่")
    assert volunteer["เพศ"] == "หญิง"  # implied by the title นางสาว


def test_vacant_post_shows_vacant(tmp_path):
    root = edited_copy(tmp_path, [{"file": "42-loei/4214-nong-hin/club.yaml",
                                   "replace": "    holder: 4214-0022\n", "with": "    vacant: true\n"}])
    build(root, tmp_path / "site")
    rows = csv_rows(tmp_path / "site/downloads/42-loei/4214-club.csv")
    post = next(dict(zip(rows[0], r)) for r in rows[1:] if r[rows[0].index("ตำแหน่ง")] == "ประชาสัมพันธ์")
    assert post["ผู้ดำรงตำแหน่ง"] == "ว่าง" and post["รหัสผู้ดำรงตำแหน่ง"] == ""
    doc = json.loads((tmp_path / "site/downloads/42-loei/4214.json").read_text(encoding="utf-8"))
    vacant = [p for p in doc["districts"][0]["club"]["posts"] if p["vacant"]]
    assert vacant == [{"post": "ประชาสัมพันธ์", "vacant": True, "holder_id": None, "holder_name": None,
                       "since": None, "appointment": None}]


# ------------------------------------------------------------------ JSON

def test_json_shape(built):
    out, _ = built
    raw = (out / "downloads/42-loei/thamniap-42.json").read_text(encoding="utf-8")
    assert raw.endswith("}\n") and "\\u0e" not in raw and raw.startswith('{"meta":{"schema_version":1')
    doc = json.loads(raw)
    assert doc["meta"] == {
        "schema_version": 1, "generated_from": "data/", "province": {"code": "42", "name": "เลย"},
        "sample": True, "licence": exports.DATA_LICENCE,
        "credit": "ข้อมูลเขตการปกครอง: GeoThai (CC BY 4.0)", "dates": "ISO 8601, ค.ศ.",
    }
    district = doc["districts"][0]
    assert [s["code"] for s in district["subdistricts"]] == ["421401", "421402", "421403"]
    assert doc["province"]["club"]["posts"][0]["holder_name"] == "นายเสกสรร คำภา"
    one = json.loads((out / "downloads/42-loei/4214.json").read_text(encoding="utf-8"))
    assert one["province"] is None and one["districts"] == doc["districts"]


def test_json_shape_doc_names_every_key(built):
    out, written = built
    keys = set().union(*(json_keys(json.loads(e.path.read_text(encoding="utf-8")))
                         for e in written if e.format == "json"))
    missing = sorted(k for k in keys if f'"{k}"' not in exports.JSON_SHAPE_TH)
    assert not missing, f"JSON_SHAPE_TH does not describe {missing}"


# ------------------------------------------------------------------ Excel

def test_xlsx_layout(built):
    out, _ = built
    wb = load_workbook(out / "downloads/42-loei/thamniap-42.xlsx")
    assert wb.sheetnames[:3] == ["ทำเนียบ อช. และผู้นำ อช.", "คณะกรรมการชมรม", "เจ้าหน้าที่"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert all(cell.font.b for cell in ws[1]), ws.title
        assert all(ws.column_dimensions[c.column_letter].width for c in ws[1]), ws.title
    people = wb["ทำเนียบ อช. และผู้นำ อช."]
    assert [c.value for c in people[1]] == list(exports.PEOPLE_HEADERS)


def test_xlsx_bytes_are_reproducible(built, tmp_path):
    out, written = built
    again = build(BASE, tmp_path / "again")
    for first, second in zip(written, again):
        assert first.rel == second.rel
        assert first.path.read_bytes() == second.path.read_bytes(), first.rel
    with zipfile.ZipFile(out / "downloads/42-loei/4214.xlsx") as z:
        stamps = {info.date_time for info in z.infolist()}
        core = z.read("docProps/core.xml").decode()
    ds = load_dataset(BASE)
    day = exports.data_date(ds.provinces[0], ds.provinces[0].districts, False)
    assert stamps == {(day.year, day.month, day.day, 0, 0, 0)}
    assert f"{day.isoformat()}T00:00:00Z" in core and core.count(day.isoformat()) == 2


# ------------------------------------------------------------------ privacy: phone only with consent

def _all_text(site: Path) -> str:
    parts = []
    for path in sorted((site / "downloads").rglob("*")):
        if path.suffix == ".xlsx":
            parts.append(json.dumps(xlsx_cells(path), ensure_ascii=False, default=str))
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8-sig"))
    return "\n".join(parts)


def test_phone_without_consent_is_never_exported(tmp_path):
    root = edited_copy(tmp_path, case_edits("privacy-phone-without-consent"))
    person = next(p for p in load_dataset(root).provinces[0].people() if p.id == "4214-0001")
    assert person.phone == PHONE and person.consent_date is None  # the edit did what we think
    build(root, tmp_path / "site")
    text = _all_text(tmp_path / "site")
    assert PHONE not in text and PHONE.replace(" ", "") not in text.replace(" ", "")


def test_phone_with_consent_is_exported(tmp_path):
    root = edited_copy(tmp_path, case_edits("phone-with-consent"))
    build(root, tmp_path / "site")
    site = tmp_path / "site/downloads/42-loei"
    for name in ("people.csv", "4214-people.csv"):
        rows = csv_rows(site / name)
        row = next(dict(zip(rows[0], r)) for r in rows[1:] if r[0] == "4214-0001")
        assert row["โทรศัพท์ (ได้รับความยินยอม)"] == PHONE
        others = [r for r in rows[1:] if r[0] != "4214-0001"]
        assert all(r[rows[0].index("โทรศัพท์ (ได้รับความยินยอม)")] == "" for r in others)
    doc = json.loads((site / "4214.json").read_text(encoding="utf-8"))
    leader = doc["districts"][0]["subdistricts"][0]["leaders"][0]
    assert leader["id"] == "4214-0001" and leader["phone"] == PHONE
    assert set(leader) == {"id", "title", "first_name", "last_name", "sex", "roles", "club_posts", "phone"}
    assert "ลงนาม" not in _all_text(tmp_path / "site")  # the consent record itself stays out
    cells = xlsx_cells(site / "4214.xlsx")["ทำเนียบ อช. และผู้นำ อช."]
    assert cells[1][0] == "4214-0001" and cells[1][15] == PHONE


# ------------------------------------------------------------------ formula injection

@pytest.mark.parametrize("value, guarded", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("＝1+1", "'＝1+1"),
    # Decision: phones are guarded like any text. Valid phones start with 0 (unchanged); a
    # "+66…" (rejected by the validator) is shown as text rather than computed as a number.
    ("081 234 5678", "081 234 5678"), ("0 4241 1773", "0 4241 1773"), ("+66 81 234 5678", "'+66 81 234 5678"),
    ("นายสมชาย", "นายสมชาย"), ("2024-01-24", "2024-01-24"), ("ผู้นำ อช. 2023-10-01–2027-09-30", None),
])
def test_neutralise(value, guarded):
    assert exports.neutralise(value) == (value if guarded is None else guarded)


def test_hostile_values_are_neutralised(tmp_path):
    root = edited_copy(tmp_path, [
        {"file": "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml", "replace": "name: บ้านภูป่าไผ่",
         "with": "name: '" + HOSTILE.replace("'", "''") + "'"},
        {"file": "42-loei/4214-nong-hin/club.yaml", "replace": "order_no: 34/2566", "with": "order_no: '-2+3'"},
    ])
    ds = load_dataset(root)
    assert ds.provinces[0].districts[0].subdistricts[0].villages[0].name == HOSTILE
    build(root, tmp_path / "site")
    site = tmp_path / "site/downloads/42-loei"

    people = csv_rows(site / "4214-people.csv")
    villages = {r[people[0].index("หมู่บ้าน")] for r in people[1:]}
    assert "'" + HOSTILE in villages and HOSTILE not in villages
    clubs = csv_rows(site / "4214-club.csv")
    assert {r[clubs[0].index("เลขที่คำสั่งแต่งตั้ง")] for r in clubs[1:]} == {"'-2+3"}

    for name in ("4214.xlsx", "thamniap-42.xlsx"):
        wb = load_workbook(site / name)
        ws = wb["ทำเนียบ อช. และผู้นำ อช."]
        cell = next(c for c in ws["N"] if c.value == HOSTILE)   # column N: หมู่บ้าน
        assert cell.data_type == "s" and cell.quotePrefix
        order = next(c for c in wb["คณะกรรมการชมรม"]["I"] if c.value == "-2+3")
        assert order.data_type == "s" and order.quotePrefix
        with zipfile.ZipFile(site / name) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
            assert sheets and not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)

    # JSON keeps the value as written (not a spreadsheet format).
    doc = json.loads((site / "4214.json").read_text(encoding="utf-8"))
    assert doc["districts"][0]["subdistricts"][0]["villages"][0]["name"] == HOSTILE


# ------------------------------------------------------------------ the real data: public fields only

def test_real_data_exports_public_fields_only(tmp_path):
    ds = load_dataset(REPO / "data")
    written = write_exports(ds.provinces, tmp_path)
    assert {e.format for e in written} == {"csv", "xlsx", "json"}
    consented = {p.id for p in ds.provinces[0].people() if p.phone and p.consent_date}
    allowed_headers = set(exports.PEOPLE_HEADERS) | set(exports.CLUB_HEADERS) | set(exports.OFFICIAL_HEADERS)
    for e in written:
        if e.format == "json":
            doc = json.loads(e.path.read_text(encoding="utf-8"))
            extra = json_keys(doc) - PUBLIC_JSON_KEYS
            assert not extra, f"{e.rel}: non-public keys {sorted(extra)}"
            assert doc["meta"]["sample"] is True  # the shipped data is fictional
            for district in doc["districts"]:
                for sub in district["subdistricts"]:
                    for person in sub["leaders"] + [p for v in sub["villages"] for p in v["volunteers"]]:
                        assert person["phone"] is None or person["id"] in consented
        elif e.format == "csv":
            header = csv_rows(e.path)[0]
            assert set(header) <= allowed_headers, e.rel
        else:
            wb = load_workbook(e.path, read_only=True)
            for ws in wb.worksheets[:3]:
                header = next(ws.iter_rows(max_row=1, values_only=True))
                assert set(header) <= allowed_headers, (e.rel, ws.title)
            wb.close()
    text = "\n".join(e.path.read_text(encoding="utf-8") for e in written if e.format == "json")
    for word in NEVER:
        assert f'"{word}"' not in text, word


def test_every_row_field_has_exactly_one_column():
    """A column names its row field: a field without a column (or a column naming no field) fails here,
    so a value can never shift under another column's header."""
    from dataclasses import fields
    from thamniap.derive.exports import ClubRow, OfficialRow, PersonRow
    for kind, row_type in (("people", PersonRow), ("clubs", ClubRow), ("officials", OfficialRow)):
        named = [c.field for c in exports.COLUMNS[kind]]
        assert sorted(named) == sorted(f.name for f in fields(row_type)), kind
