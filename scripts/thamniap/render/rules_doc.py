"""Render the rule reference page (docs/rules.md) from the code, so the page cannot drift."""
from __future__ import annotations

from thamniap.load.layout import LAYOUT_RULES
from thamniap.load.loader import LOADER_RULES
from thamniap.check.rules import load_all

SEVERITY_TH = {"error": "ข้อผิดพลาด (ไม่ผ่าน)", "warning": "คำเตือน (ผ่านได้)"}
GROUP_TH = {"geo": "พื้นที่ (รหัสและชื่อทางการ)", "roster": "ทำเนียบ อช. และผู้นำ อช.", "people": "บุคคล",
            "terms": "วาระ", "club": "ชมรม/สมาคม", "meeting": "การประชุมและเจ้าหน้าที่", "privacy": "ข้อมูลส่วนบุคคล",
            "files": "ไฟล์"}
FAMILIES = [
    ("schema.*", "error", "โครงสร้างไฟล์ตาม JSON Schema ใน schemas/: คีย์ที่ไม่รู้จัก (schema.unknown-key พร้อมคำแนะนำคีย์ที่ใกล้เคียง) "
     "คีย์ที่ขาด (schema.missing-key) ชนิดค่า (schema.type) ค่าที่ไม่อยู่ในรายการ (schema.not-allowed) รูปแบบ (schema.pattern) "
     "จำนวนรายการ/ความยาว (schema.min-items, schema.max-length, …)"),
    ("text.*", "error", "ข้อความหนึ่งบรรทัดและชื่อบุคคล: ต้องเป็น NFC ไม่มีอักขระความกว้างศูนย์ อักขระควบคุมทิศทาง อักขระควบคุม "
     "หรือขึ้นบรรทัดใหม่ ไม่มีช่องว่างหน้า-หลัง และคำผิดที่พบบ่อยจากการพิมพ์ภาษาไทย (เเ แทน แ, ํา แทน ำ, วรรณยุกต์/สระซ้ำ, "
     "คำนำหน้านามในช่องชื่อ) พร้อมข้อความที่แก้แล้วในคำแนะนำ "
     "ชื่อบุคคลและชื่อหมู่บ้าน ตำบล ชมรม หน่วยงาน ต้องมีแต่อักขระของชื่อ: ไม่มีสัญลักษณ์หรืออักษรอื่น เช่น `<` `>` `*` `&` `{` `}` `[` `]` `+` "
     "(text.name-character) และตัวอักษรอังกฤษต้องเป็นคำแยก ไม่ติดกับตัวอักษรไทย (text.name-mixed-script) "
     "(text.double-space, text.space-in-name และ text.title-in-name เป็นคำเตือน เพราะชื่อจริงบางชื่อขึ้นต้นเหมือนคำนำหน้า เช่น นางนวล)"),
    ("date.*", "error", "วันที่ต้องเป็น ค.ศ. รูปแบบ YYYY-MM-DD: ปี ≥ 2400 คือปี พ.ศ. (date.buddhist-year พร้อมปีที่แปลงแล้ว) "
     "วันที่ที่ไม่มีจริง (date.impossible-date) เลขไทย (date.thai-digits)"),
    ("phone.*", "error", "หมายเลขโทรศัพท์: บ้าน/สำนักงาน 9 หลัก มือถือ 10 หลัก หรือ +66"),
]


def render() -> str:
    rules = sorted(load_all().values(), key=lambda r: r.id)
    lines = [
        "# กฎการตรวจข้อมูล",
        "",
        "<!-- สร้างจากโค้ดด้วยคำสั่ง `thamniap rules --markdown > docs/rules.md` อย่าแก้ด้วยมือ: "
        "tests/test_docs.py ตรวจว่าตรงกับโค้ด -->",
        "",
        "`thamniap validate` ตรวจทุกไฟล์ใน `data/` ตามลำดับ: อ่านไฟล์อย่างเข้มงวด → ตรวจโครงสร้างตาม schema → "
        "ตรวจกฎข้ามไฟล์ด้านล่าง **ข้อผิดพลาด** ทำให้การตรวจไม่ผ่าน (pull request รวมไม่ได้) "
        "**คำเตือน** แสดงให้เห็นแต่ยังผ่าน เพราะข้อมูลจริงมักไม่ตรงตามระเบียบทุกข้อ "
        "(ใช้ `--strict` ถ้าต้องการให้คำเตือนไม่ผ่านด้วย) ข้ามกฎใดกฎหนึ่งได้ด้วย `--skip รหัสกฎ`",
        "",
        "## การอ่านไฟล์ (loader)",
        "",
        "| รหัสกฎ | ระดับ | ตรวจอะไร |",
        "|---|---|---|",
    ]
    for rule_id, (severity, doc) in sorted(LOADER_RULES.items()):
        lines.append(f"| `{rule_id}` | {SEVERITY_TH[severity]} | {doc} |")
    lines += ["", "## ไฟล์และโฟลเดอร์ใน data/ (layout)", "", "| รหัสกฎ | ระดับ | ตรวจอะไร |", "|---|---|---|"]
    for rule_id, (severity, doc) in sorted(LAYOUT_RULES.items()):
        lines.append(f"| `{rule_id}` | {SEVERITY_TH[severity]} | {doc} |")
    lines += ["", "## โครงสร้างและค่าของแต่ละช่อง", "", "| รหัสกฎ | ระดับ | ตรวจอะไร |", "|---|---|---|"]
    for rule_id, severity, doc in FAMILIES:
        lines.append(f"| `{rule_id}` | {SEVERITY_TH[severity]} | {doc} |")
    groups: dict[str, list] = {}
    for r in rules:
        groups.setdefault(r.group, []).append(r)
    lines += ["", "## กฎข้ามไฟล์", ""]
    for group, members in groups.items():
        lines += [f"### {GROUP_TH.get(group, group)}", "", "| รหัสกฎ | ระดับ | กฎ (Rule) |", "|---|---|---|"]
        for r in members:
            lines.append(f"| `{r.id}` | {SEVERITY_TH[r.severity.value]} | {r.doc} |")
        lines.append("")
    lines.append(f"รวม {len(rules)} กฎข้ามไฟล์ {len(LOADER_RULES)} กฎการอ่านไฟล์ และ {len(LAYOUT_RULES)} กฎไฟล์และโฟลเดอร์")
    return "\n".join(lines) + "\n"
