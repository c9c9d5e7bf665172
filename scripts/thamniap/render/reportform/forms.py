"""GitHub issue forms (.github/ISSUE_TEMPLATE/<report>.yml) made from the report fields (fields.py).

The syntax is GitHub's issue-form schema: top-level `name`, `description`, `title`, `labels`,
`body`; each body element a `type` (markdown, input, textarea, checkboxes) with `id`,
`attributes` (label, description, placeholder, options) and `validations`. `thamniap issue-forms`
writes them; tests/test_report_forms.py fails when a committed form differs from this output.
"""
from __future__ import annotations

import yaml

from thamniap.core.digits import to_thai_digits
from thamniap.intake.reportform.fields import AFTER_NOTE, REPORTS, Field, Report

HEADER = ("# สร้างด้วย `thamniap issue-forms` จาก scripts/thamniap/intake/reportform/fields.py — อย่าแก้ไฟล์นี้ด้วยมือ\n"
          "# (generated; tests/test_report_forms.py fails when this file and fields.py differ)\n")


def _element(field: Field) -> dict:
    attributes: dict = {"label": field.label}
    if field.description:
        attributes["description"] = field.description
    if field.kind == "checkboxes":
        # not required by GitHub: the report page's ticks come in the `ticked` field instead, and the bot
        # requires every option (intake/reportform/body.py)
        attributes["options"] = [{"label": option, "required": False} for option in field.options]
        return {"type": "checkboxes", "id": field.id, "attributes": attributes}
    if field.placeholder:
        attributes["placeholder"] = field.placeholder
    return {"type": field.kind, "id": field.id, "attributes": attributes,
            "validations": {"required": field.required}}


def form(report: Report) -> dict:
    """The issue form of REPORT as data."""
    body = [{"type": "markdown", "attributes": {"value": report.intro + "\n\n" + AFTER_NOTE + "\n"}}]
    body += [_element(f) for f in report.fields]
    return {"name": report.name, "description": report.about, "title": report.title,
            "labels": [report.label], "body": body}


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (`|`), as a person would write the form."""


def _str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def form_text(report: Report) -> str:
    return HEADER + yaml.dump(form(report), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def issue_forms() -> dict[str, str]:
    """File name (under .github/ISSUE_TEMPLATE/) → text, for every report."""
    return {f"{r.id}.yml": form_text(r) for r in REPORTS}


CHOOSER_HEADER = ("# สร้างด้วย `thamniap issue-forms` จากที่อยู่เว็บไซต์ใน mkdocs.yml และสำนักงานใน province.yaml "
                  "— อย่าแก้ไฟล์นี้ด้วยมือ\n")


def chooser_config(site_url: str, office: str | None, phone: str | None) -> str:
    """The issue chooser's config.yml: no blank issues (the public uses the correction form), and links to
    the site's privacy and submit pages, which follow SITE_URL (mkdocs.yml) wherever the site moves."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    about = "สำหรับคำขอที่ไม่ต้องการให้เป็นสาธารณะ" + (f" โทร {to_thai_digits(phone)}" if phone else "")
    config = {"blank_issues_enabled": False, "contact_links": [
        {"name": "การคุ้มครองข้อมูลส่วนบุคคล", "url": base + "privacy/",
         "about": "ข้อมูลที่เผยแพร่ ข้อมูลที่ไม่เก็บ และช่องทางขอแก้ไขหรือลบข้อมูล"},
        {"name": f"ติดต่อ{office or 'สำนักงานพัฒนาชุมชนจังหวัด'} (แจ้งเป็นการส่วนตัว)", "url": base + "submit/",
         "about": about}]}
    return (CHOOSER_HEADER + "# Issues from the public go through the form (correction.yml); no blank issues.\n"
            + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000))
