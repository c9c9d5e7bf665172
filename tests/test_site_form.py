"""The district page offers the import form (issue 11, section 9): the site build writes each
district's Excel form into the downloads, the page links it apart from the open data, and the
file is exactly what `template-xlsx` writes, so `import-xlsx` takes it back unchanged."""
from __future__ import annotations

from helpers import Roster, run_cli
from test_pages import render
from test_spreadsheet import ROSTER, import_, template

FORM = "downloads/42-loei/4214-form.xlsx"


def test_the_site_offers_the_import_form_of_each_district(base_copy, tmp_path):
    out = tmp_path / "pages"
    render(base_copy, out)
    made = tmp_path / "4214.xlsx"
    template(base_copy, "4214", made)
    assert (out / FORM).read_bytes() == made.read_bytes()
    page = (out / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert f'href="../../{FORM}">แบบฟอร์ม Excel สำหรับส่งข้อมูล</a>' in page
    assert 'href="../../submit/#excel"' in page
    # the open data list and the downloads page do not present the form as open data
    downloads = (out / "downloads/index.md").read_text(encoding="utf-8")
    assert "4214-form.xlsx" not in downloads
    assert page.count("4214-form.xlsx") == 1
    assert "{#excel}" in (out / "submit/index.md").read_text(encoding="utf-8")


def test_the_downloaded_form_imports_back_unchanged(base_copy, tmp_path):
    out = tmp_path / "pages"
    render(base_copy, out)
    before = Roster(base_copy / ROSTER).read_bytes()
    rc, said = import_(base_copy, "4214", out / FORM)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in said, said
    assert Roster(base_copy / ROSTER).read_bytes() == before


def test_the_public_export_is_still_refused_by_the_importer(base_copy, tmp_path):
    out = tmp_path / "pages"
    render(base_copy, out)
    before = Roster(base_copy / ROSTER).read_bytes()
    rc, said = import_(base_copy, "4214", out / "downloads/42-loei/4214.xlsx")
    assert rc == 1 and Roster(base_copy / ROSTER).read_bytes() == before, said


def test_template_command_still_writes_the_form(base_copy, tmp_path):
    rc, out, err = run_cli("template-xlsx", "4214", "-o", str(tmp_path / "x" / "f.xlsx"), "--data", str(base_copy))
    assert rc == 0 and "สร้างแบบฟอร์มแล้ว" in out and (tmp_path / "x" / "f.xlsx").stat().st_size > 5000, err


def test_a_note_typed_like_a_formula_stays_text_in_the_published_form(base_copy, tmp_path):
    """The form is public and prefilled from the data: a note starting with `=` must not become a
    formula (the open-data exports guard the same way)."""
    import zipfile
    roster = Roster(base_copy / ROSTER).file_with("- id: 4214-0001")
    text = roster.read_text(encoding="utf-8")
    at = text.index("  last_name: ", text.index("- id: 4214-0001"))
    end = text.index("\n", at) + 1
    roster.write_text(text[:end] + "  note: '=HYPERLINK(\"https://example.org\",\"คลิก\")'\n" + text[end:],
                      encoding="utf-8")
    out = tmp_path / "pages"
    render(base_copy, out)
    with zipfile.ZipFile(out / FORM) as z:
        sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
        strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
    assert "<f>" not in sheets and "HYPERLINK" in sheets + strings
