"""Render the rule reference page (docs/rules.md) from the code, so the page cannot drift."""
from __future__ import annotations

from thamniap.check.examples import EXAMPLES
from thamniap.check.registry import RuleInfo, by_stage
from thamniap.render.markup import md

SEVERITY_TH = {"error": "ข้อผิดพลาด (ไม่ผ่าน)", "warning": "คำเตือน (ผ่านได้)"}
GROUP_TH = {"geo": "พื้นที่ (รหัสและชื่อทางการ)", "roster": "ทำเนียบ อช. และผู้นำ อช.", "people": "บุคคล",
            "terms": "วาระ", "club": "ชมรม/สมาคม", "meeting": "การประชุมและเจ้าหน้าที่", "privacy": "ข้อมูลส่วนบุคคล",
            "files": "ไฟล์"}
STAGE_TH = {"loader": "การอ่านไฟล์", "layout": "ไฟล์และโฟลเดอร์ใน data/",
            "schema": "โครงสร้างของไฟล์ (ตามแบบใน schemas/)", "field": "ค่าของแต่ละช่อง",
            "rules": "กฎข้ามไฟล์", "form": "แบบฟอร์ม Excel ที่ส่งเข้ามา"}
STAGE_INTRO = {
    "schema": "แต่ละชนิดไฟล์ตรวจตาม JSON Schema ใน `schemas/` ข้อความแจ้งบอกชื่อช่องและบรรทัดที่ผิด",
    "form": "ปัญหาที่พบได้เฉพาะในแบบฟอร์ม Excel ของทำเนียบ (เมื่อนำเข้าแบบฟอร์ม หรือแนบแบบฟอร์มมากับรายงาน) "
            "ข้อความบอกแผ่นงาน ช่อง และแถวที่ผิด ปัญหาที่แบบฟอร์มมีเหมือนไฟล์ข้อมูลใช้รหัสและข้อความเดียวกับหัวข้อด้านบน",
    "field": "ช่องข้อความ ชื่อ วันที่ และโทรศัพท์ ตรวจทีละค่า พร้อมข้อความที่แก้แล้วในคำแนะนำเมื่อแก้ให้ได้",
}
FIELD_GROUP_TH = {
    "text": ("ข้อความและชื่อ (text.*)",
             "ข้อความหนึ่งบรรทัด: ต้องเป็น NFC ไม่มีอักขระที่มองไม่เห็น ไม่มีช่องว่างหน้า-หลัง "
             "และไม่มีคำผิดที่พบบ่อยจากการพิมพ์ภาษาไทย ชื่อบุคคลและชื่อหมู่บ้าน ตำบล ชมรม หน่วยงาน "
             "ต้องมีแต่อักขระของชื่อ"),
    "date": ("วันที่ (date.*)", "วันที่ต้องเป็น ค.ศ. รูปแบบ YYYY-MM-DD"),
    "phone": ("หมายเลขโทรศัพท์ (phone.*)", "บ้าน/สำนักงาน 9 หลัก มือถือ 10 หลัก หรือ +66"),
}
HEAD = ["| รหัสกฎ | ระดับ | ตรวจอะไร | ตัวอย่างข้อความที่แจ้ง |", "|---|---|---|---|"]


def _example(rule_id: str) -> str:
    """The message the rule's failing fixture reports (check/examples.py), escaped for a table cell."""
    example = EXAMPLES.get(rule_id)
    return md(example[1]) if example else "—"


def _rows(rules: list[RuleInfo]) -> list[str]:
    return [f"| `{r.id}` | {SEVERITY_TH[r.severity]} | {r.doc} | {_example(r.id)} |" for r in rules]


def _groups(rules: list[RuleInfo]) -> dict[str, list[RuleInfo]]:
    groups: dict[str, list[RuleInfo]] = {}
    for r in rules:
        groups.setdefault(r.group, []).append(r)
    return groups


def render() -> str:
    stages = by_stage()
    lines = [
        "# กฎการตรวจข้อมูล",
        "",
        "<!-- สร้างจากโค้ดด้วยคำสั่ง `thamniap rules --markdown > docs/rules.md` อย่าแก้ด้วยมือ: "
        "tests/test_docs.py ตรวจว่าตรงกับโค้ด -->",
        "",
        "`thamniap validate` ตรวจทุกไฟล์ใน `data/` ตามลำดับ: อ่านไฟล์อย่างเข้มงวด → ตรวจโครงสร้างตาม schema → "
        "ตรวจกฎข้ามไฟล์ด้านล่าง **ข้อผิดพลาด** ทำให้การตรวจไม่ผ่าน (pull request รวมไม่ได้) "
        "**คำเตือน** แสดงให้เห็นแต่ยังผ่าน เพราะข้อมูลจริงมักไม่ตรงตามระเบียบทุกข้อ "
        "(ใช้ `--strict` ถ้าต้องการให้คำเตือนไม่ผ่านด้วย) ข้ามกฎใดกฎหนึ่งได้ด้วย `--skip รหัสกฎ` "
        "หน้านี้แสดงทุกรหัสที่ระบบรายงานได้ (เหมือนคำสั่ง `thamniap rules`) "
        "พร้อมระดับ และตัวอย่างข้อความที่แจ้งจริง (จากชุดข้อมูลทดสอบที่ผิดกฎนั้นใน `tests/fixtures/invalid/`)",
    ]
    for stage in ("loader", "layout", "schema"):
        lines += ["", f"## {STAGE_TH[stage]}", ""]
        if stage in STAGE_INTRO:
            lines += [STAGE_INTRO[stage], ""]
        lines += HEAD + _rows(stages[stage])
    lines += ["", f"## {STAGE_TH['field']}", "", STAGE_INTRO["field"]]
    for group, members in _groups(stages["field"]).items():
        title, intro = FIELD_GROUP_TH[group]
        lines += ["", f"### {title}", "", intro, ""] + HEAD + _rows(members)
    lines += ["", f"## {STAGE_TH['rules']}", ""]
    for group, members in _groups(sorted(stages["rules"], key=lambda r: r.id)).items():
        lines += [f"### {GROUP_TH.get(group, group)}", ""] + HEAD + _rows(members) + [""]
    lines += [f"## {STAGE_TH['form']}", "", STAGE_INTRO["form"], ""] + HEAD + _rows(stages["form"]) + [""]
    counts = {stage: len(members) for stage, members in stages.items()}
    lines.append(f"รวม {sum(counts.values())} รหัส: กฎข้ามไฟล์ {counts['rules']} กฎการอ่านไฟล์ {counts['loader']} "
                 f"ไฟล์และโฟลเดอร์ {counts['layout']} โครงสร้าง {counts['schema']} ค่าของแต่ละช่อง {counts['field']} "
                 f"และแบบฟอร์ม Excel {counts['form']}")
    return "\n".join(lines) + "\n"
