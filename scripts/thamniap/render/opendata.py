"""The open-data description published with the site: a dataset record for the national catalogue
(data.go.th, GD-Catalog), a Frictionless Data Package describing every CSV download, and the page
that shows both (opendata/index.md).

* ``downloads/<province>/catalog.json``: the GD-Catalog fields (title, owner organisation, maintainer
  and contact, tags, objective, update frequency, geographic coverage, data source, format, data
  category, licence, language, created and last-updated dates), keyed by the catalogue's field ids
  where it has one (``title``, ``owner_org``, ``maintainer``, ``tag_string``, ``notes``, ``objective``,
  ``update_frequency_unit`` …). ASSUMPTION: the ids and choices are those of the GD-Catalog (CKAN)
  template as we know it; check them against the catalogue's own form before registering.
* ``downloads/<province>/datapackage.json``: one resource per CSV download, its columns from
  ``exports.COLUMNS`` (the same definitions that write the header rows), its size as written.

Dates come from the data, never from the clock: created = the day the first reporting round opened
(the first collection); last updated = the latest commit that changed a district's data (the change
history), or without git the latest date written in the data (``exports.data_date``).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from thamniap.core.dates import thai_date
from thamniap.core.national_id import mask_national_ids
from thamniap.core.phones import format_phone
from thamniap.model import Province
from thamniap.render.exports import (COLUMNS, DATA_LICENCE, DOWNLOADS, FOREIGN_KEYS, GEO_CREDIT, LICENCE_ID,
                                     LICENCE_TITLE, LICENCE_URL, PRIMARY_KEYS, Column, Export, data_date)
from thamniap.render.front_matter import front_matter, page_file
from thamniap.render.markup import CARDS, SAMPLE_NOTICE, h, table

PAGE = page_file("opendata")
# The Data Package licence: the exports' one licence (render/exports.py states it).
LICENCE = {"name": LICENCE_ID, "title": LICENCE_TITLE, "path": LICENCE_URL}
TAGS = ("อาสาพัฒนาชุมชน", "อช.", "ผู้นำ อช.", "ชมรมผู้นำ อช.", "ทำเนียบ", "พัฒนาชุมชน")
FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
# A CSV download as written by exports.csv_bytes: UTF-8 with BOM, comma, CRLF, minimal quoting.
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


@dataclass(frozen=True)
class Field:
    """One field of the catalogue record: its id, its Thai label and its value (text, number or list)."""
    id: str
    label: str
    value: object


@dataclass(frozen=True)
class DatasetDates:
    created: dt.date | None
    created_from: str          # Thai: where the date comes from
    updated: dt.date
    updated_from: str


def dataset_dates(province: Province, histories: dict | None) -> DatasetDates:
    """Created: the first reporting round's opening day (else its deadline, else the circular's date).
    Updated: the newest commit of any district's change history; without git, the data's latest date."""
    rounds = sorted((r for r in province.rounds if r.opens or r.deadline), key=lambda r: r.opens or r.deadline)
    if rounds:
        first = rounds[0]
        created = first.opens or first.deadline
        created_from = f"วันเปิดรอบการรายงานแรก {first.id}" if first.opens else f"กำหนดส่งของรอบการรายงานแรก {first.id}"
    elif province.circular and province.circular.date:
        created, created_from = province.circular.date, "วันที่ของหนังสือเวียน"
    else:
        created, created_from = None, "ไม่ทราบ"
    commits = [entry.date for entries in (histories or {}).values() for entry in entries or []]
    if commits:
        return DatasetDates(created, created_from, max(commits), "วันที่ของการแก้ไขข้อมูลอำเภอครั้งล่าสุดในที่เก็บ git")
    return DatasetDates(created, created_from, data_date(province, province.districts),
                        "วันที่ล่าสุดที่บันทึกในข้อมูล (ข้อมูลชุดนี้ไม่ได้สร้างจากที่เก็บ git)")


def _sample(province: Province) -> bool:
    return province.sample or any(d.sample or (d.club.sample if d.club else False) for d in province.districts)


def catalog_fields(province: Province, exports: list[Export], dates: DatasetDates, site_url: str,
                   repo_url: str) -> list[Field]:
    """The GD-Catalog record of the province's directory (plain values; escaped where shown)."""
    office = province.office
    where = f"จังหวัด{province.name}"
    contact = " ".join(part for part in (office.name if office else "", office.unit if office and office.unit else "") if part)
    circular = province.circular
    because = (f" ตามหนังสือเวียน {circular.number} ลงวันที่ {thai_date(circular.date)} เรื่อง {circular.subject}"
               if circular else "")
    formats = sorted({FORMAT_NAMES.get(e.format, e.format.upper()) for e in exports if e.kind in COLUMNS or e.kind == "all"})
    phone = None
    if office and office.phone:
        try:
            phone = format_phone(office.phone)
        except ValueError:
            phone = office.phone
    return [
        Field("title", "ชื่อชุดข้อมูล", f"ทำเนียบอาสาพัฒนาชุมชน (อช.) ผู้นำ อช. และชมรมผู้นำ อช. {where}"),
        Field("name", "ชื่อย่อของชุดข้อมูล (ใช้ใน URL)", f"thamniap-{province.code}"),
        Field("owner_org", "หน่วยงานเจ้าของข้อมูล", office.name if office else ""),
        Field("maintainer", "ผู้ติดต่อ", contact),
        Field("maintainer_email", "อีเมลผู้ติดต่อ", office.email if office else None),
        Field("maintainer_phone", "โทรศัพท์ผู้ติดต่อ", phone),
        Field("maintainer_address", "ที่อยู่ผู้ติดต่อ (สำนักงาน)", office.address if office else None),
        Field("tag_string", "คำสำคัญ", [*TAGS, where]),
        Field("notes", "รายละเอียด",
              f"รายชื่ออาสาพัฒนาชุมชน (อช.) รายหมู่บ้าน ผู้นำ อช. รายตำบล คณะกรรมการชมรม/สมาคมผู้นำ อช. ระดับอำเภอและจังหวัด "
              f"และเจ้าหน้าที่ผู้รับผิดชอบของสำนักงานพัฒนาชุมชน {where} เฉพาะข้อมูลที่เผยแพร่ได้ (ชื่อ บทบาท พื้นที่ วาระ "
              "ตำแหน่งในชมรม; โทรศัพท์ส่วนตัวเฉพาะผู้ที่ยินยอม)"),
        Field("objective", "วัตถุประสงค์",
              f"เผยแพร่ทำเนียบและโครงสร้างชมรมผู้นำ อช. ของ{where}ให้เป็นปัจจุบัน ให้ประชาชนและหน่วยงานติดต่อ อช. ได้{because}"),
        Field("update_frequency_unit", "หน่วยความถี่ของการปรับปรุงข้อมูล", "ปี"),
        Field("update_frequency_interval", "ความถี่ของการปรับปรุงข้อมูล", 1),
        Field("update_frequency_note", "การปรับปรุงข้อมูล",
              "ทุกปีงบประมาณตามรอบการรายงานของจังหวัด และทุกครั้งที่อำเภอแก้ไขข้อมูล (เว็บไซต์และไฟล์สร้างใหม่ทุกครั้ง)"),
        Field("geo_coverage", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", f"จังหวัด: {where} ({len(province.districts)} อำเภอ)"),
        Field("data_source", "แหล่งที่มา",
              f"สำนักงานพัฒนาชุมชนอำเภอใน{where} กรอกและยืนยันข้อมูลในไฟล์ YAML (โฟลเดอร์ data/ ของที่เก็บข้อมูล {repo_url}); "
              + GEO_CREDIT),
        Field("data_format", "รูปแบบการเก็บข้อมูล", formats),
        Field("data_category", "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูล", "ข้อมูลสาธารณะ"),
        Field("license_id", "สัญญาอนุญาต", DATA_LICENCE),
        Field("data_language", "ภาษาที่ใช้", ["ไทย"]),
        Field("created_date", "วันที่เริ่มต้นสร้าง", dates.created.isoformat() if dates.created else None),
        Field("last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด", dates.updated.isoformat()),
        Field("url", "URL ของชุดข้อมูล", site_url),
    ]


def _field_schema(column: Column) -> dict:
    field = {"name": column.name, "title": column.name, "type": column.type,
             "description": f"{column.description} — {column.description_en}"}
    if column.type == "boolean":
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    constraints = {}
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _resource_name(export: Export) -> str:
    return PurePosixPath(export.rel).stem.lower()


def _table_schema(export: Export, names: dict[tuple[str, str], str]) -> dict:
    """The Table Schema of one CSV: its columns, the key of its rows (exports.PRIMARY_KEYS) and the
    columns that name a row of another CSV of the same scope (exports.FOREIGN_KEYS; NAMES: (scope,
    kind) -> resource name); a reference to a file the package does not have is left out."""
    schema = {"fields": [_field_schema(c) for c in COLUMNS[export.kind]], "missingValues": [""]}
    if export.kind in PRIMARY_KEYS:
        schema["primaryKey"] = [c.name for c in PRIMARY_KEYS[export.kind]]
    foreign = [{"fields": [column.name], "reference": {"resource": names[(export.scope, kind)], "fields": [target.name]}}
               for column, kind, target in FOREIGN_KEYS.get(export.kind, ()) if (export.scope, kind) in names]
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def csv_exports(exports: list[Export]) -> list[Export]:
    """The CSV downloads a datapackage describes (every CSV whose columns exports.COLUMNS defines)."""
    return [e for e in exports if e.format == "csv" and e.kind in COLUMNS]


def datapackage(province: Province, exports: list[Export], fields: list[Field], dates: DatasetDates,
                folder: str) -> dict:
    """A Frictionless (tabular) Data Package of the CSV downloads under FOLDER (e.g. downloads/42-loei)."""
    record = {f.id: f.value for f in fields}
    resources = []
    names = {(e.scope, e.kind): _resource_name(e) for e in csv_exports(exports)}
    for export in csv_exports(exports):
        path = PurePosixPath(export.rel).relative_to(folder).as_posix()
        resources.append({
            "name": names[(export.scope, export.kind)],
            "path": path,
            "profile": "tabular-data-resource",
            "title": export.title_th,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": export.size,
            "dialect": CSV_DIALECT,
            "schema": _table_schema(export, names),
        })
    package = {
        "profile": "tabular-data-package",
        "name": record["name"],
        "title": record["title"],
        "description": record["notes"],
        "homepage": record["url"],
        "keywords": record["tag_string"],
        "licenses": [LICENCE],
        "sources": [{"title": record["data_source"]}],
        "contributors": [{"title": record["owner_org"], "role": "publisher"}],
        "sample": _sample(province),
        "resources": resources,
    }
    if dates.created:
        package["created"] = f"{dates.created.isoformat()}T00:00:00+07:00"
    return package


def _json(doc: dict) -> str:
    return mask_national_ids(json.dumps(doc, ensure_ascii=False, indent=1)) + "\n"


def _value_html(value) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, list):
        return ", ".join(h(v) for v in value)
    return h(value)


def opendata_files(province: Province, exports: list[Export], histories: dict | None, site_url: str,
                   repo_url: str) -> dict[str, str]:
    """{path in the site: text} of the catalogue record, the datapackage and the page that shows them."""
    folder = f"{DOWNLOADS}/{province.folder.name}"
    dates = dataset_dates(province, histories)
    fields = catalog_fields(province, exports, dates, site_url, repo_url)
    sample = _sample(province)
    record = {"sample": sample, **{f.id: f.value for f in fields},
              "resources": [{"title": e.title_th, "format": FORMAT_NAMES.get(e.format, e.format.upper()),
                             "path": PurePosixPath(e.rel).relative_to(folder).as_posix()}
                            for e in exports if e.kind in COLUMNS or e.kind == "all"]}
    package = datapackage(province, exports, fields, dates, folder)
    return {f"{folder}/catalog.json": _json(record), f"{folder}/datapackage.json": _json(package),
            PAGE: opendata_page(province, exports, fields, dates, folder, sample)}


def opendata_page(province: Province, exports: list[Export], fields: list[Field], dates: DatasetDates,
                  folder: str, sample: bool) -> str:
    out = [front_matter("ข้อมูลเปิด", f"คำอธิบายชุดข้อมูลทำเนียบ อช. จังหวัด{province.name} สำหรับบัญชีข้อมูลภาครัฐ (data.go.th)"),
           "# ข้อมูลเปิด: คำอธิบายชุดข้อมูล", ""]
    if sample:
        out += [SAMPLE_NOTICE, "",
                "<p><strong>ชุดข้อมูลนี้ยังมีข้อมูลตัวอย่าง (สมมุติ)</strong> "
                "ยังไม่ควรลงทะเบียนในบัญชีข้อมูลภาครัฐจนกว่าอำเภอจะกรอกข้อมูลจริงครบ</p>", ""]
    out += ["<p>คำอธิบายชุดข้อมูลตามช่องของบัญชีข้อมูลภาครัฐ (data.go.th, GD-Catalog) "
            "สำหรับผู้ดูแลที่จะลงทะเบียนชุดข้อมูล และคำอธิบายคอลัมน์ของไฟล์ CSV ทุกไฟล์ "
            "(Frictionless Data Package) สำหรับโปรแกรมที่อ่านข้อมูล</p>",
            '<ul data-pagefind-ignore>'
            f'<li><a href="../{h(folder)}/catalog.json">catalog.json</a> — ช่องของบัญชีข้อมูลภาครัฐ (JSON)</li>'
            f'<li><a href="../{h(folder)}/datapackage.json">datapackage.json</a> — Frictionless Data Package ของไฟล์ CSV</li>'
            '<li><a href="../downloads/">ดาวน์โหลดข้อมูล</a> — ไฟล์ทั้งหมด</li></ul>', ""]
    rows = [[h(f.label), f"<code>{h(f.id)}</code>", _value_html(f.value)] for f in fields]
    out += ["## ช่องของบัญชีข้อมูลภาครัฐ {#catalog}", "", table(["ช่อง", "รหัสช่อง", "ข้อมูล"], rows, cls="tn-kv"), "",
            f"<p>วันที่เริ่มต้นสร้าง: {h(thai_date(dates.created))} ({h(dates.created_from)}) — "
            f"วันที่ปรับปรุงข้อมูลล่าสุด: {h(thai_date(dates.updated))} ({h(dates.updated_from)})</p>", ""]
    out += ["## คอลัมน์ของไฟล์ CSV {#columns}", ""]
    titles = {"people": "รายชื่อ อช. และผู้นำ อช.", "clubs": "คณะกรรมการชมรม/สมาคม", "officials": "เจ้าหน้าที่"}
    for kind, columns in COLUMNS.items():
        files = [PurePosixPath(e.rel).name for e in csv_exports(exports) if e.kind == kind]
        if not files:
            continue
        shown = ", ".join(files[:3]) + (f" และอีก {len(files) - 3} ไฟล์" if len(files) > 3 else "")
        rows = [[h(c.name), h(c.type), h(c.description)] for c in columns]
        out += [f"### {titles[kind]} {{#columns-{kind}}}", "", f"<p>ไฟล์: {h(shown)}</p>",
                table(["คอลัมน์", "ชนิด", "ความหมาย"], rows, cls=CARDS), ""]
    return "\n".join(out)
