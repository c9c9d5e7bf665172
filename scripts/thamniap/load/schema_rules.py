"""The rule ids the schema step reports (load/schema.py), with level and Thai description: the
structure ids (`schema.*`) and the field-value ids (`text.*`, `date.*`, `phone.*`), whose codes
come from the field checks in core/ (text, names, dates, phones) prefixed as FIELD_CHECKS says.
check/registry.py lists them with every other id; tests/test_registry.py checks none is missing.
"""
from __future__ import annotations

from thamniap.core.problem import WARNING_CODES

# JSON Schema keywords explained as `schema.<keyword in kebab case>` (schema.min-items …).
LIMIT_KEYWORDS = ("minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "uniqueItems")

SCHEMA_RULES: dict[str, tuple[str, str]] = {
    "schema.unknown-key": ("error", "ชื่อช่องที่ schema ไม่รู้จัก (คำแนะนำบอกชื่อช่องที่สะกดใกล้เคียง และชื่อช่องที่ใช้ได้)"),
    "schema.missing-key": ("error", "ขาดช่องที่ต้องมี"),
    "schema.replaced-key": ("error", "ชื่อช่องแบบเก่าที่เลิกใช้แล้ว (เช่น `confirmed_on` ใน club.yaml) คำแนะนำบอกรูปแบบใหม่ที่ใช้แทน"),
    "schema.type": ("error", "ชนิดของค่าไม่ตรง เช่น ต้องเป็นข้อความแต่เขียนเป็นตัวเลข หรือต้องเป็นรายการแต่เป็นค่าเดี่ยว"),
    "schema.not-allowed": ("error", "ค่าไม่อยู่ในรายการค่าที่ใช้ได้ (คำแนะนำบอกค่าที่ใช้ได้)"),
    "schema.pattern": ("error", "ค่าไม่ตรงรูปแบบที่กำหนด เช่น รหัสบุคคล รหัสพื้นที่ หรือชื่อบัญชี GitHub"),
    "schema.min-items": ("error", "จำนวนรายการน้อยกว่าที่กำหนด"),
    "schema.max-items": ("error", "จำนวนรายการมากกว่าที่กำหนด"),
    "schema.min-length": ("error", "ข้อความว่างในช่องที่ต้องมีข้อความ"),
    "schema.max-length": ("error", "ข้อความยาวเกินที่กำหนด"),
    "schema.minimum": ("error", "ตัวเลขน้อยกว่าค่าต่ำสุดที่กำหนด"),
    "schema.maximum": ("error", "ตัวเลขมากกว่าค่าสูงสุดที่กำหนด"),
    "schema.unique-items": ("error", "มีรายการซ้ำกันในรายการที่ต้องไม่ซ้ำ"),
    "schema.invalid": ("error", "ค่าไม่ถูกต้องตาม schema ในแบบอื่นนอกจากข้างต้น"),
}

_FIELD_DOCS: dict[str, str] = {
    # one-line text (every text field, person names and titles included)
    "text.not-nfc": "ตัวอักษรกับสระหรือวรรณยุกต์เก็บแยกกัน (ไม่ใช่ Unicode NFC) หน้าตาเหมือนกันแต่ค้นหาและเทียบชื่อไม่เจอ",
    "text.zero-width": "อักขระล่องหน (ความกว้างศูนย์ เช่น U+200B) ที่มองไม่เห็นแต่ทำให้ค้นหาไม่เจอ",
    "text.bidi-control": "อักขระควบคุมทิศทางข้อความ (เช่น U+202E) ซึ่งทำให้ข้อความแสดงผิดลำดับได้",
    "text.newline": "ขึ้นบรรทัดใหม่ในช่องที่ต้องเป็นข้อความบรรทัดเดียว",
    "text.control-char": "อักขระควบคุมที่มองไม่เห็น",
    "text.surrounding-space": "ช่องว่างหน้าหรือท้ายข้อความ",
    "text.double-space": "เว้นวรรคสองช่องขึ้นไปติดกัน",
    "text.thai-double-sara-e": "พิมพ์สระเอสองตัว (เเ) แทนสระแอ (แ) พร้อมข้อความที่แก้แล้วในคำแนะนำ",
    "text.thai-split-sara-am": "พิมพ์นิคหิตกับสระอา (ํา) แทนสระอำ (ำ)",
    "text.thai-doubled-mark": "สระหรือวรรณยุกต์พิมพ์ซ้ำ หรือวรรณยุกต์ซ้อนกันสองตัว",
    "text.thai-mark-order": "พิมพ์วรรณยุกต์ก่อนสระ (เช่น ่ ก่อน ุ) ต้องพิมพ์สระก่อนแล้วจึงพิมพ์วรรณยุกต์",
    # names of people, places, clubs, offices (and titles)
    "text.name-character": "ชื่อบุคคล หมู่บ้าน ตำบล ชมรม หรือหน่วยงาน มีสัญลักษณ์ที่ไม่ใช่อักขระของชื่อ เช่น `<` `>` `*` `&` `{` `}`",
    "text.name-mixed-script": "ตัวอักษรอังกฤษติดกับตัวอักษรไทยในชื่อ (อาจพิมพ์ผิดแป้นภาษา) ตัวอักษรอังกฤษต้องเป็นคำแยก",
    "text.digit-in-name": "ชื่อหรือนามสกุลมีตัวเลข",
    "text.name-no-letters": "ชื่อหรือนามสกุลมีแต่เครื่องหมาย ไม่มีตัวอักษร เช่น `-` `---` `...` (ใช้แทน \"ไม่ทราบ\" ไม่ได้)",
    "text.title-in-name": "คำนำหน้านามติดมาในช่องชื่อ (เป็นคำเตือน เพราะชื่อจริงบางชื่อขึ้นต้นเหมือนคำนำหน้า เช่น นางนวล)",
    "text.space-in-name": "ชื่อมีช่องว่างคั่นกลาง (อาจพิมพ์นามสกุลหรือคำนำหน้ามาในช่องชื่อ)",
    # dates: ค.ศ., YYYY-MM-DD
    "date.date-format": "วันที่ไม่อยู่ในรูป ปปปป-ดด-วว (ปี ค.ศ.) คำแนะนำบอกวันที่ที่แปลงแล้วเมื่อเดาได้",
    "date.buddhist-year": "ใช้ปี พ.ศ. (ปี ≥ 2400) แทนปี ค.ศ. คำแนะนำบอกปีที่แปลงแล้ว",
    "date.impossible-date": "วันที่ที่ไม่มีจริง เช่น 2024-02-30",
    "date.thai-digits": "วันที่เขียนด้วยเลขไทย ต้องใช้เลขอารบิก (0–9)",
    # telephone numbers
    "phone.phone-format": "หมายเลขโทรศัพท์ไม่ถูกรูปแบบ: บ้าน/สำนักงาน 9 หลัก มือถือ 10 หลัก หรือขึ้นต้นด้วย +66",
    "phone.thai-digits": "หมายเลขโทรศัพท์เขียนด้วยเลขไทย ต้องใช้เลขอารบิก (0–9)",
}

# Style problems, and ones real names can trip, are warnings wherever they are found.
FIELD_RULES: dict[str, tuple[str, str]] = {
    rule_id: ("warning" if rule_id.split(".", 1)[1] in WARNING_CODES else "error", doc)
    for rule_id, doc in _FIELD_DOCS.items()
}
