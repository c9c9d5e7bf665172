"""The Excel form (import template) of a district, pre-filled from its roster files, with drop-downs
for the title, sex, subdistrict and role, text-formatted cells (so Excel keeps a phone number's
leading 0) and the instructions sheet. The bytes are the same every time for the same roster.

Two doors use it: `thamniap template-xlsx` (tools/spreadsheet/template.py) and the site build, which
offers each district's form as a download (build/sidejobs.py); `import-xlsx` reads it back.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from thamniap.core import geography
from thamniap.core.national_id import mask_national_ids
from thamniap.load.district_files import DistrictFiles, RosterInfo, read_roster, subdistrict_choices
from thamniap.intake.spreadsheet.form import (COMMON_TITLES, END_REASONS, HEADERS, HELP_SHEET, LEADER_KEYS, LEADER_SHEET, ROLES,
                                             SEXES, SUBDISTRICT_SHEET, TEMP_ID_PREFIX, VOLUNTEER_KEYS,
                                             VOLUNTEER_SHEET)

FORM_KIND = "form"       # Export.kind of a district's form on the site (not open data: the importer's input)
EXTRA_ROWS = 1000        # rows below the data that keep the drop-downs and text format
WIDTHS = {"id": 12, "sub_code": 10, "sub_name": 16, "moo": 8, "village": 20, "title": 14,
          "first_name": 16, "last_name": 18, "sex": 7, "role": 11, "start": 13, "end": 13, "end_reason": 14, "end_note": 24,
          "phone": 15, "consent_date": 13, "consent_method": 28, "note": 30}
# Python's openpyxl stamps the save time into the file; a fixed time keeps the template byte-stable.
FIXED_TIME = (2024, 1, 5, 0, 0, 0)


def template_rows(doc: dict) -> tuple[list[dict], list[dict]]:
    """(volunteer rows, leader rows) of a schema-valid roster document: one row per role."""
    volunteers: list[dict] = []
    leaders: list[dict] = []
    official = {}
    for sub in doc.get("subdistricts", []):
        code = sub["code"]
        official.setdefault(code, geography.subdistrict(code))
        sub_name = official[code].name_th if official[code] else sub["name"]
        area = {"sub_code": code, "sub_name": sub_name}
        for person in sub["leaders"]:
            leaders.extend(_person_rows(person, area))
        for village in sub["villages"]:
            place = {**area, "moo": village["moo"], "village": village["name"]}
            if not village["volunteers"]:
                volunteers.append(dict(place))        # a village without อช. yet
            for person in village["volunteers"]:
                volunteers.extend(_person_rows(person, place))
    return volunteers, leaders


def _person_rows(person: dict, place: dict) -> list[dict]:
    consent = person.get("phone_consent") or {}
    base = {**place, "id": person["id"], "title": person["title"], "first_name": person["first_name"],
            "last_name": person["last_name"], "sex": person.get("sex"), "phone": person.get("phone"),
            "consent_date": consent.get("date"), "consent_method": consent.get("method"),
            "note": person.get("note")}
    roles = person.get("roles") or [{}]
    return [{**base, "role": r.get("role"), "start": r.get("start"), "end": r.get("end"),
             "end_reason": r.get("end_reason"), "end_note": r.get("end_note")} for r in roles]


def build_template(code: str, doc: dict | None, subdistricts: dict[str, tuple[str, ...]]):
    """The workbook (openpyxl) for district CODE pre-filled from DOC (None: no people yet)."""
    volunteers, leaders = template_rows(doc) if doc else ([], [])
    wb = template_frame(code, subdistricts, len(volunteers), len(leaders))
    fill_people(wb[VOLUNTEER_SHEET], list(VOLUNTEER_KEYS), volunteers)
    fill_people(wb[LEADER_SHEET], list(LEADER_KEYS), leaders)
    return wb


def template_frame(code: str, subdistricts: dict[str, tuple[str, ...]], volunteer_rows: int, leader_rows: int):
    """The workbook without its people: every sheet, format, filter and drop-down made for the
    given number of volunteer and leader rows, whose cells `fill_people` adds."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    district = geography.district(code)
    district_name = district.name_th if district else code
    wb = Workbook()
    wb.properties.creator = "thamniap"
    wb.properties.title = f"ทำเนียบ อช. อำเภอ{district_name} ({code})"
    wb.properties.created = dt.datetime(*FIXED_TIME)
    heading = (Font(bold=True), PatternFill("solid", fgColor="DDEBF7"))
    sub_rows = [(c, names[0]) for c, names in subdistricts.items()]
    code_list = f"'{SUBDISTRICT_SHEET}'!$A$2:$A${len(sub_rows) + 1}"
    ws = wb.active
    ws.title = VOLUNTEER_SHEET
    _people_sheet(ws, list(VOLUNTEER_KEYS), volunteer_rows, code_list, heading)
    _people_sheet(wb.create_sheet(LEADER_SHEET), list(LEADER_KEYS), leader_rows, code_list, heading)
    _subdistrict_sheet(wb.create_sheet(SUBDISTRICT_SHEET), sub_rows, heading)
    _help_sheet(wb.create_sheet(HELP_SHEET), help_rows(code, district_name), heading[0])
    return wb


def _people_sheet(ws, keys: list[str], rows: int, code_list: str, heading: tuple) -> None:
    """A people sheet without its people: the header, widths, text format, filter and drop-downs
    for ROWS rows of people."""
    from openpyxl.utils import get_column_letter
    ws.append([HEADERS[k] for k in keys])
    for cell in ws[1]:
        cell.font, cell.fill = heading
    for i, key in enumerate(keys, start=1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = WIDTHS[key]
        if key != "moo":
            dim.number_format = "@"               # new cells typed in Excel stay text
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{rows + 1}"
    last = rows + 1 + EXTRA_ROWS
    _drop_down(ws, keys, last, "title", '"' + ",".join(COMMON_TITLES) + '"', False, "คำนำหน้า",
               "เลือกจากรายการ หรือพิมพ์ยศ/ตำแหน่งเต็ม (ถ้าคำนำหน้าไม่บอกเพศ ให้กรอกเพศ)")
    _drop_down(ws, keys, last, "sex", '"' + ",".join(SEXES) + '"', True, "เพศ",
               "ชาย หรือ หญิง (กรอกเมื่อคำนำหน้าไม่บอกเพศ)")
    _drop_down(ws, keys, last, "sub_code", code_list, True, "รหัสตำบล", "เลือกรหัสตำบลจากแผ่นงาน ตำบล")
    _drop_down(ws, keys, last, "role", '"' + ",".join(ROLES) + '"', True, "บทบาท",
               "บทบาทของแถวนี้ (เว้นว่าง = ตามชื่อแผ่นงาน)")
    _drop_down(ws, keys, last, "end_reason", '"' + ",".join(END_REASONS) + '"', True, "เหตุที่พ้นจากตำแหน่ง",
               "กรอกเมื่อคนนี้พ้นจากบทบาทในแถวนี้ (วันสิ้นสุดวาระ = วันที่พ้น) อย่าลบแถวทิ้ง")


def fill_people(ws, keys: list[str], rows: list[dict]) -> None:
    """The people of a sheet made by template_frame: one row each from row 2, text-formatted
    except the village number."""
    for r, row in enumerate(rows, start=2):
        values = [text_value(row.get(k)) for k in keys]
        ws.append(values)
        for c, (key, value) in enumerate(zip(keys, values), start=1):
            cell = ws.cell(r, c)        # (not ws[r]: it measures the sheet's width each time)
            if key != "moo":
                cell.number_format = "@"
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"      # text typed as "=…" stays text, never a formula


def text_value(value):
    """A value from the data as the form shows it: national IDs masked, as in every output."""
    return mask_national_ids(value) if isinstance(value, str) else value


def _drop_down(ws, keys: list[str], last: int, key: str, formula: str, strict: bool, title: str,
               prompt: str) -> None:
    """A list validation on column KEY, rows 2 to LAST; STRICT refuses other values, else warns."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorStyle="stop" if strict else "warning",
                        errorTitle=title, error=prompt, promptTitle=title, prompt=prompt,
                        showInputMessage=True)
    letter = get_column_letter(keys.index(key) + 1)
    dv.add(f"{letter}2:{letter}{last}")
    ws.add_data_validation(dv)


def _subdistrict_sheet(ws, sub_rows: list[tuple[str, str]], heading: tuple) -> None:
    ws.append(["รหัสตำบล", "ชื่อตำบล"])
    for cell in ws[1]:
        cell.font, cell.fill = heading
    for sub_code, name in sub_rows:
        ws.append([sub_code, name])
        ws.cell(ws.max_row, 1).number_format = "@"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 12, 24


def _help_sheet(ws, rows: list[tuple[str, ...]], bold) -> None:
    from openpyxl.styles import Alignment
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 18, 110
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
        if len(row) == 1 or row[0] in ("คอลัมน์",):
            ws.cell(ws.max_row, 1).font = bold


def help_rows(code: str, district_name: str) -> list[tuple[str, ...]]:
    return [
        (f"แบบฟอร์มทำเนียบ อช. และผู้นำ อช. อำเภอ{district_name} (รหัสอำเภอ {code})",),
        ("ใช้ทำอะไร", "แก้ไขรายชื่อในแผ่นงาน อช. และ ผู้นำ อช. แล้วนำเข้าด้วยคำสั่ง "
                      f"thamniap import-xlsx ไฟล์นี้.xlsx --district {code} — โปรแกรมแก้ไฟล์ของตำบลในโฟลเดอร์ roster/ ของอำเภอ "
                      "เฉพาะบรรทัดที่ข้อมูลในแบบฟอร์มนี้ต่างไป (หมายเหตุ # ในไฟล์ยังอยู่ครบ และไม่แก้ไฟล์อื่น)"),
        ("หนึ่งแถว", "หนึ่งแถวคือหนึ่งบทบาทของหนึ่งคน คนส่วนใหญ่มีแถวเดียว"),
        ("แผ่นงาน", "แผ่นงาน อช. คือ อช. ของแต่ละหมู่บ้าน (กรอก รหัสตำบล หมู่ที่ ชื่อหมู่บ้าน) "
                    "แผ่นงาน ผู้นำ อช. คือผู้นำ อช. ของแต่ละตำบล — แผ่นงานที่ใส่ชื่อบอกว่ารายชื่ออยู่ที่ใดในทำเนียบ"),
        ("บทบาท", "บทบาทของแถวนั้น: อช. หรือ ผู้นำ อช. ถ้าเว้นว่าง ถือเป็นบทบาทตามชื่อแผ่นงาน "
                  "ทุกคนในแผ่นงาน อช. ต้องมีแถวบทบาท อช. อย่างน้อยหนึ่งแถว และทุกคนในแผ่นงาน ผู้นำ อช. "
                  "ต้องมีแถวบทบาท ผู้นำ อช. อย่างน้อยหนึ่งแถว"),
        ("หลายบทบาท/หลายวาระ", "คนเดียวที่มีหลายบทบาทหรือหลายวาระ (เช่น อช. วาระเดิมและวาระใหม่ หรือเป็นทั้ง อช. และผู้นำ อช.) "
                               "ให้เพิ่มแถวที่มีรหัสบุคคลเดียวกันในแผ่นงานเดียวกัน แล้วกรอก บทบาท วันเริ่มวาระ "
                               "วันสิ้นสุดวาระ ของบทบาทนั้น ช่องอื่นของแถวที่เพิ่มเว้นว่างได้ ถ้ากรอกต้องตรงกับแถวแรกของคนนั้น "
                               "คนหนึ่งอยู่ได้แผ่นงานเดียว"),
        ("รหัสบุคคล", "คนเดิม: ห้ามแก้หรือลบรหัสบุคคล (รหัสใช้อ้างถึงคนในคณะกรรมการชมรมและการประชุม) "
                      f"คนใหม่: เว้นว่าง โปรแกรมจะให้รหัสถัดไปที่ยังไม่มีใครใช้ ในรูป {code}-NNNN และพิมพ์บอกว่าแถวใดได้รหัสใด "
                      "ให้นำรหัสนั้นมากรอกในแบบฟอร์มนี้ด้วย คนใหม่ที่มีหลายแถว ให้ใส่รหัสชั่วคราวที่ขึ้นต้นด้วย "
                      f"{TEMP_ID_PREFIX} (เช่น {TEMP_ID_PREFIX}1) ในทุกแถวของคนนั้น"),
        ("คนพ้นจากตำแหน่ง", "อย่าลบแถว: แก้ วันสิ้นสุดวาระ เป็นวันที่พ้นจากตำแหน่ง แล้วเลือก เหตุที่พ้นจากตำแหน่ง "
                            f"({', '.join(END_REASONS)}) เลือก อื่น ๆ ให้กรอก รายละเอียดเหตุที่พ้น สั้น ๆ ที่เผยแพร่ได้ "
                            "(ห้ามใส่ข้อมูลสุขภาพ) — ทำเนียบเก็บรายชื่อพร้อมเหตุผลไว้ ไม่นับเป็น อช. ของหมู่บ้านแล้ว"),
        ("ลบรายชื่อ", "ลบแถวเฉพาะเมื่อใส่ผิดคนหรือซ้ำ ถ้าคนนั้นเป็นกรรมการชมรมหรือผู้แทนเข้าประชุม ให้แก้ club.yaml หรือ meeting.yaml ด้วย "
                      "(โปรแกรมจะไม่เขียนไฟล์ถ้าการตรวจข้อมูลไม่ผ่าน)"),
        ("วันที่", "พิมพ์แบบไทยได้ เช่น 24/1/2567, ๒๔/๑/๒๕๖๗ หรือ 24 ม.ค. 2567 (ปี พ.ศ.) หรือ ปปปป-ดด-วว ปี ค.ศ. เช่น 2024-01-24 "
                   "หรือช่องที่เป็นวันที่ของ Excel (ปี ค.ศ.) — อ่านแบบเดียวกับหน้ารายงานบนเว็บไซต์ "
                   "วันเริ่มวาระและวันสิ้นสุดวาระต้องกรอกทุกแถว"),
        ("ช่องข้อความ", "ช่องข้อความจัดรูปแบบเป็น ข้อความ (@) ไว้แล้ว เพื่อให้ Excel เก็บเลข 0 หน้าหมายเลขโทรศัพท์ "
                        "ถ้าคัดลอกจากที่อื่น ให้วางแบบค่า (Paste Values) โทรศัพท์ที่ Excel เปลี่ยนเป็นตัวเลข (เลข 0 หาย) "
                        "จะถูกแจ้งเป็นข้อผิดพลาด"),
        ("คำนำหน้า/เพศ", "เลือกคำนำหน้าจากรายการ หรือพิมพ์ยศ/ตำแหน่งเต็ม ไม่ต้องใส่คำนำหน้าในช่องชื่อ "
                         "กรอกเพศ (ชาย/หญิง) เมื่อคำนำหน้าไม่บอกเพศ เช่น ว่าที่ร้อยตรี ดร. "
                         "คำนำหน้าที่โปรแกรมไม่รู้จักใช้ได้เมื่อกรอกเพศ"),
        ("ตำบล", "เลือกรหัสตำบลจากรายการ (แผ่นงาน ตำบล) ช่องชื่อตำบลมีไว้ให้อ่าน เว้นว่างได้ ถ้ากรอกต้องตรงกับรหัส"),
        ("หมู่บ้าน", "หมู่ที่เป็นตัวเลข 1–99 หมู่เดียวกันในตำบลเดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน "
                     "หมู่บ้านที่ยังไม่มี อช. ให้ใส่แถวที่มีเฉพาะ รหัสตำบล หมู่ที่ และชื่อหมู่บ้าน"),
        ("ลำดับ", "ลำดับแถวคือลำดับรายชื่อในทำเนียบ ตำบลเรียงตามทำเนียบเดิม หมู่บ้านเรียงตามหมู่ที่"),
        ("โทรศัพท์", "ใส่โทรศัพท์ส่วนตัวได้เฉพาะเมื่อเจ้าของยินยอมให้เผยแพร่ และต้องกรอก วันที่ยินยอม และ วิธียินยอม "
                     "(พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) เช่น 08 1234 5678 หรือ 0 4241 1773"),
        ("ห้ามใส่", "เลขประจำตัวประชาชน วันเกิด ที่อยู่บ้าน ศาสนา ข้อมูลสุขภาพ — ทำเนียบนี้เผยแพร่ต่อสาธารณะ"),
        ("ข้อผิดพลาด", "โปรแกรมบอกแผ่นงานและช่องที่ผิด เช่น อช.!K14 พร้อมวิธีแก้ และจะไม่เขียนไฟล์ใดเลยจนกว่าจะแก้ครบ"),
        ("อย่าเปลี่ยน", "ชื่อแผ่นงานและหัวคอลัมน์ (สลับลำดับคอลัมน์ได้ คอลัมน์ที่เพิ่มเองจะไม่ถูกนำเข้า) "
                        "แผ่นงาน ตำบล และ คำอธิบาย ไม่ถูกนำเข้า"),
        ("คอลัมน์", "ความหมาย"),
        *[(HEADERS[k], text) for k, text in (
            ("id", f"รหัสในทำเนียบ (ไม่ใช่เลขบัตรประชาชน) เช่น {code}-0001 — คนใหม่เว้นว่าง"),
            ("sub_code", "รหัสตำบล 6 หลักตามกรมการปกครอง"),
            ("sub_name", "ชื่อตำบล (ไว้อ่าน)"),
            ("moo", "เลขหมู่ที่ (เฉพาะแผ่นงาน อช.)"),
            ("village", "ชื่อหมู่บ้าน เช่น บ้านนาอ้อ (เฉพาะแผ่นงาน อช.)"),
            ("title", "นาย นาง นางสาว หรือยศ/ตำแหน่งเต็ม"),
            ("first_name", "ชื่อจริง ไม่มีคำนำหน้า"),
            ("last_name", "นามสกุล"),
            ("sex", "ชาย หรือ หญิง (กรอกเมื่อคำนำหน้าไม่บอกเพศ)"),
            ("role", "อช. หรือ ผู้นำ อช. (เว้นว่าง = ตามชื่อแผ่นงาน)"),
            ("start", "วันเริ่มวาระของบทบาทในแถวนี้"),
            ("end", "วันสิ้นสุดวาระ — อช. วาระละไม่เกิน 4 ปี; คนที่พ้นจากตำแหน่งแล้ว: วันที่พ้น"),
            ("end_reason", f"เหตุที่พ้นจากตำแหน่ง: {', '.join(END_REASONS)} (เว้นว่างถ้ายังดำรงตำแหน่ง)"),
            ("end_note", "รายละเอียดสั้น ๆ ที่เผยแพร่ได้ ใช้คู่กับ อื่น ๆ"),
            ("phone", "โทรศัพท์ส่วนตัว (เฉพาะเมื่อยินยอม)"),
            ("consent_date", "วันที่เจ้าของหมายเลขยินยอมให้เผยแพร่ (ค.ศ.)"),
            ("consent_method", "เช่น ลงนามในแบบฟอร์มยินยอม"),
            ("note", "หมายเหตุสั้น ๆ ที่เผยแพร่ได้"),
        )],
    ]


def workbook_bytes(wb, rewrite: dict | None = None) -> bytes:
    """WB saved with fixed timestamps (zip entries and document properties), so the bytes are stable.

    REWRITE: {part name: function of the part's bytes} applied before the parts are zipped again."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = dt.datetime(*FIXED_TIME).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if rewrite and info.filename in rewrite:
                data = rewrite[info.filename](data)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    return result.getvalue()


def district_template(files: DistrictFiles) -> tuple[RosterInfo, bytes | None]:
    """(the roster as read, the form's bytes); no form (None) when a roster file cannot be read."""
    roster = read_roster(files)
    if roster.problems:
        return roster, None
    return roster, workbook_bytes(build_template(files.code, roster.data, subdistrict_choices(files.code, roster)))
