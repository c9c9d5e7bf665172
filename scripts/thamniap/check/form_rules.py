"""The rule ids of the problems only the Excel form has (intake/spreadsheet/ reports them while
reading a workbook, for import-xlsx and the report bot's attachments). They are declared here, in the
check layer below intake, so that the one registry (check/registry.py) lists them with every other id."""
from __future__ import annotations

# Worded for the form's cells and rows. A problem the form shares with the roster files carries
# validate's id and validate's message, because the same code finds it: text.*, date.*, phone.* (the
# schema's field checks) and person.*, privacy.* (validate's rules).
FORM_RULES: dict[str, tuple[str, str]] = {
    "xlsx.refused": ("error", "ไฟล์ที่อาจเป็นอันตรายหรือเสียหาย (ตรวจก่อนเปิดอ่าน)"),
    "xlsx.unreadable": ("error", "เปิดไฟล์หรืออ่านแผ่นงานไม่ได้"),
    "xlsx.missing-sheet": ("error", "ไม่มีแผ่นงาน อช. หรือ ผู้นำ อช."),
    "xlsx.header": ("error", "หัวคอลัมน์ซ้ำหรือขาด (หัวคอลัมน์ที่ไม่รู้จักเป็นคำเตือน)"),
    "xlsx.limit": ("error", "ผิดครบ 1,000 รายการ หรือรายชื่อเกิน 10,000 แถว: หยุดอ่าน"),
    "xlsx.cell": ("error", "ค่าที่ช่องนั้นไม่รับ: ตัวเลขแทนข้อความ วันที่ พ.ศ. เวลา ค่าผิดพลาดของสูตร ข้อความยาวมาก"),
    "xlsx.required": ("error", "ช่องที่ต้องกรอก"),
    "xlsx.too-long": ("error", "ข้อความยาวเกินที่ schema กำหนด (maxLength)"),
    "xlsx.not-allowed": ("error", "เพศหรือบทบาทที่ไม่อยู่ในรายการ"),
    "xlsx.person-id": ("error", "รหัสบุคคลผิดรูปแบบ ซ้ำในแผ่นงานอื่น หรือมีอยู่แล้วในไฟล์อื่น"),
    "xlsx.conflict": ("error", "แถวของคนเดียวกันกรอกรายละเอียดไม่ตรงกัน"),
    "xlsx.place": ("error", "รหัสตำบล ชื่อตำบล หมู่ที่ ชื่อหมู่บ้าน ไม่ถูกต้อง ไม่ครบ หรือไม่ตรงกัน"),
    "xlsx.consent": ("error", "วันที่ยินยอมและวิธียินยอมต้องกรอกคู่กัน"),
    "xlsx.role": ("error", "คนในแผ่นงานต้องมีแถวบทบาทตามชื่อแผ่นงาน"),
    "xlsx.duplicate-person": ("error", "ชื่อเดียวกันในแบบฟอร์มสองคน"),
    "xlsx.term": ("error", "วันสิ้นสุดวาระไม่หลังวันเริ่มวาระ"),
    "xlsx.not-in-form": ("error", "บทบาทที่มีช่องซึ่งแบบฟอร์มไม่มี (เช่น end_reason) ถูกเปลี่ยนหรือลบในแบบฟอร์ม"),
}
