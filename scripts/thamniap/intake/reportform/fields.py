"""The one description of the reports a district sends as a GitHub issue, field by field.

Everything else follows from it: the issue forms in .github/ISSUE_TEMPLATE/ (forms.py, `thamniap
issue-forms`; a test fails when the committed files drift), the parser of a submitted issue's body
(intake/reportform/body.py reads `### <label>` headings, so a label here is also the key the bot reads)
and the bot's reply (which names a field by its label). Field ids are ASCII, so a link can prefill
them (`?district=4209`); anything a link may prefill is a plain `input` or `textarea`, never a
dropdown (GitHub does not prefill dropdowns reliably).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from thamniap.model import POST_ORDER

# Column order of one committee seat line in the `seats` field (bot/read.py reads it).
SEAT_COLUMNS = ("ตำแหน่ง", "ผู้ดำรงตำแหน่ง (หรือ ว่าง)", "ตั้งแต่วันที่", "คำสั่งเลขที่", "ลงวันที่", "ผู้ออกคำสั่ง")
SEAT_SEPARATOR = "|"
# One line of the `changes` field of the roster report (bot/roster.py reads it): the first
# column says what to do, the others depend on it.
ADD_WORD, END_WORD = "เพิ่ม", "พ้น"
ADD_COLUMNS = (ADD_WORD, "บทบาท (อช. หรือ ผู้นำ อช.)", "ตำบล", "หมู่ที่ (เฉพาะ อช.)", "ชื่อพร้อมคำนำหน้า",
               "เพศ (ว่างได้)", "วันเริ่มวาระ", "วันสิ้นสุดวาระ (ว่างได้)")
END_COLUMNS = (END_WORD, "ชื่อ (หรือรหัสบุคคล)", "วันที่พ้น", "เหตุผล", "หมายเหตุ (เฉพาะ อื่น ๆ)")
END_REASONS = ("ลาออก", "พ้นวาระ", "ย้ายที่อยู่", "เสียชีวิต", "อื่น ๆ")   # as schemas/defs.schema.json end_reason
MAX_BODY_BYTES = 20_000          # a report is a few lines; a larger body is refused unread
# The head of a report file (the report page's ดาวน์โหลดไฟล์รายงาน, applied with `thamniap report-file`):
# after the `# <title>` line, one line each for the district's code and the reporting round the page
# was built for (`รหัสอำเภอ: 4209`). report-file refuses a file whose head disagrees with its name,
# its district field or the round current when it is applied.
FILE_DISTRICT, FILE_ROUND = "รหัสอำเภอ", "รอบการรายงาน"


@dataclass(frozen=True)
class Field:
    id: str                      # ASCII, also the URL query key that prefills it
    label: str                   # Thai; GitHub renders it as the `### <label>` heading of the body
    kind: str                    # input | textarea | checkboxes
    description: str = ""
    placeholder: str = ""
    required: bool = False
    value: str = "text"          # what the bot reads from it: district, date, seats, names, name, url, text, confirm
    options: tuple[str, ...] = ()   # checkboxes only (each one required, by the bot)
    ticked_as: str = ""          # checkboxes only: how the report page names it in the TICKED field


@dataclass(frozen=True)
class Report:
    id: str                      # ASCII: the form file (<id>.yml) and the label `report:<id>`
    name: str                    # Thai: the form's name in GitHub's template chooser
    about: str                   # Thai: the form's description
    title: str                   # Thai title prefix the bot also recognises ("รายงานคณะกรรมการชมรม: ")
    intro: str                   # Markdown shown at the top of the form
    fields: tuple[Field, ...]

    @property
    def label(self) -> str:
        return f"report:{self.id}"

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)


PRIVACY_NOTE = ("**รายงานนี้เป็นสาธารณะ ทุกคนอ่านได้** โปรด**อย่า**ใส่เลขประจำตัวประชาชน วันเกิด ที่อยู่บ้าน "
                "หรือเบอร์โทรศัพท์ส่วนตัว — บอทจะไม่รับรายงานที่มีเลขเหล่านี้ และขอให้แก้ไขออก")
AFTER_NOTE = ("บอทของทำเนียบจะอ่านรายงานนี้ ตอบในความเห็น (comment) ว่าเข้าใจว่าอะไร หรือช่องใดต้องแก้ "
              "และเปิดคำขอแก้ไข (pull request) ให้ผู้ดูแลตรวจ แก้รายงานได้ด้วยการแก้ไข issue นี้ (Edit) "
              "บอทจะอ่านใหม่ทุกครั้ง")

DISTRICT = Field("district", "อำเภอ (รหัสหรือชื่อ)", "input", "รหัสอำเภอ 4 หลัก หรือชื่ออำเภอ",
                 "เช่น 4209 หรือ วังสะพุง", required=True, value="district")
NO_PRIVATE_NUMBERS = Field(
    "no-private-numbers", "ยืนยัน", "checkboxes", value="confirm",
    options=("ข้าพเจ้าไม่ได้ใส่เลขประจำตัวประชาชน วันเกิด ที่อยู่บ้าน หรือเบอร์โทรศัพท์ส่วนตัวในรายงานนี้",),
    ticked_as="ไม่มีเลขประจำตัวหรือเบอร์ส่วนตัว")
# The report page's ticks (issue 19 §5). GitHub cannot prefill a checkbox from a link, so the page writes
# what the official ticked there into this input (the checkboxes' `ticked_as`, joined by TICKED_SEPARATOR),
# and intake/reportform/body.py counts a checkbox as ticked when it is ticked on GitHub or named here. GitHub
# itself therefore does not require the checkboxes (render/reportform/forms.py); the bot does.
TICKED_SEPARATOR = ", "
TICKED = Field("ticked", "ทำเครื่องหมายบนหน้ารายงานแล้ว", "input",
               "หน้ารายงานของเว็บไซต์กรอกช่องนี้ให้ ไม่ต้องทำเครื่องหมายด้านล่างซ้ำ — ถ้ากรอกรายงานบน GitHub เอง "
               "ให้เว้นว่าง แล้วทำเครื่องหมายทุกข้อด้านล่าง", value="ticked")
DATE_HINT = "วัน/เดือน/ปี พ.ศ. เช่น 20/1/2567"

COMMITTEE = Report(
    "committee", "รายงานคณะกรรมการชมรม", "รายงานคณะกรรมการชมรมผู้นำ อช. ของอำเภอ (ผู้ดำรงตำแหน่ง ตำแหน่งว่าง คำสั่งแต่งตั้ง วาระ)",
    "รายงานคณะกรรมการชมรม: ", PRIVACY_NOTE,
    (DISTRICT,
     Field("seats", "ตำแหน่งในคณะกรรมการ", "textarea",
           "หนึ่งบรรทัดต่อหนึ่งตำแหน่ง: " + f" {SEAT_SEPARATOR} ".join(SEAT_COLUMNS)
           + " — ใส่เฉพาะสองช่องแรกก็ได้ ตำแหน่งที่ไม่ได้เขียนคงเดิม ตำแหน่งชื่อซ้ำ (รองประธาน กรรมการ) "
             "นับตามลำดับ: บรรทัดรองประธานบรรทัดที่สองคือรองประธานคนที่สอง ตำแหน่งที่ไม่มีผู้ดำรงให้เขียน ว่าง "
             "ชื่อเขียนตามทำเนียบ เช่น นายสมชาย ใจดี (หรือรหัสบุคคล เช่น 4209-0001) วันที่ " + DATE_HINT
             + " ตำแหน่งที่ใช้ได้: " + " ".join(POST_ORDER),
           "ประธาน | นายสมชาย ใจดี | 1/3/2567 | 25/2567 | 1/3/2567 | นายอำเภอวังสะพุง\nเหรัญญิก | ว่าง",
           required=True, value="seats"),
     Field("term-start", "วาระคณะกรรมการ เริ่ม", "input", "เว้นว่างถ้าไม่เปลี่ยน — " + DATE_HINT, "เช่น 1/10/2566", value="date"),
     Field("term-end", "วาระคณะกรรมการ สิ้นสุด", "input", "เว้นว่างถ้าไม่เปลี่ยน — " + DATE_HINT, "เช่น 30/9/2570", value="date"),
     Field("order-no", "คำสั่งแต่งตั้งคณะกรรมการ เลขที่", "input", "คำสั่งแต่งตั้งคณะกรรมการทั้งชุด เว้นว่างถ้าไม่เปลี่ยน",
           "เช่น 19/2566"),
     Field("order-date", "คำสั่งแต่งตั้งคณะกรรมการ ลงวันที่", "input", "เว้นว่างถ้าไม่เปลี่ยน — " + DATE_HINT, "เช่น 12/10/2566",
           value="date"),
     Field("order-by", "คำสั่งแต่งตั้งคณะกรรมการ ผู้ออกคำสั่ง", "input", "เว้นว่างถ้าไม่เปลี่ยน", "เช่น นายอำเภอวังสะพุง"),
     TICKED, NO_PRIVATE_NUMBERS))

CONFIRMATION = Report(
    "confirmation", "ยืนยันโครงสร้างชมรม", "ยืนยันว่าโครงสร้างชมรมของอำเภอเป็นปัจจุบันสำหรับรอบการรายงานนี้ (รายงานต่อจังหวัด)",
    "ยืนยันโครงสร้างชมรม: ", PRIVACY_NOTE,
    (DISTRICT,
     Field("confirmed-on", "วันที่ยืนยัน", "input", "วันที่อำเภอตรวจแล้วว่าโครงสร้างเป็นปัจจุบัน — " + DATE_HINT,
           "เช่น 20/1/2567", required=True, value="date"),
     Field("confirm", "ยืนยันโครงสร้าง", "checkboxes", value="confirm",
           options=("ข้าพเจ้ายืนยันว่าคณะกรรมการชมรมในทำเนียบเป็นปัจจุบันสำหรับรอบการรายงานนี้",), ticked_as="ยืนยันโครงสร้าง"),
     TICKED, NO_PRIVATE_NUMBERS))

NOMINEES = Report(
    "nominees", "ส่งรายชื่อผู้แทนเข้าประชุม", "ส่งรายชื่อผู้แทนชมรม 2 คน และเจ้าหน้าที่ผู้รับผิดชอบ 1 คน เข้าประชุมตามหนังสือเวียน",
    "ส่งรายชื่อผู้แทนเข้าประชุม: ", PRIVACY_NOTE,
    (DISTRICT,
     Field("meeting", "รหัสการประชุม", "input", "เว้นว่างได้: บอทใช้การประชุมครั้งถัดไปในหนังสือเวียน",
           "เช่น 2567-anniversary-55-prep"),
     Field("representatives", "ผู้แทนชมรม", "textarea", "หนึ่งชื่อต่อบรรทัด ตามจำนวนที่จังหวัดกำหนด (2 คน) ชื่อเขียนตามทำเนียบ",
           "นายสมชาย ใจดี\nนางสาวมาลัย ใจงาม", required=True, value="names"),
     Field("officials", "เจ้าหน้าที่ผู้รับผิดชอบ", "textarea", "ชื่อเจ้าหน้าที่ตามรายชื่อใน district.yaml หนึ่งชื่อต่อบรรทัด (1 คน)",
           "นางสาวสุดา แสนสุข", required=True, value="names"),
     Field("submitted-on", "วันที่ส่งรายชื่อ", "input", "เว้นว่างได้: ใช้วันที่เปิด issue นี้ — " + DATE_HINT,
           "เช่น 9/1/2567", value="date"),
     TICKED, NO_PRIVATE_NUMBERS))

EXCEL = Report(
    "excel", "ส่งแบบฟอร์ม Excel ทำเนียบ", "แนบแบบฟอร์ม Excel ทำเนียบ อช. ของอำเภอที่กรอกแล้ว (ดาวน์โหลดได้จากหน้าอำเภอ)",
    "ส่งแบบฟอร์ม Excel: ", PRIVACY_NOTE,
    (DISTRICT,
     Field("workbook", "ไฟล์แบบฟอร์ม Excel", "textarea",
           "ลากไฟล์ .xlsx มาวางในช่องนี้ (GitHub จะใส่ลิงก์ให้) แนบได้ไฟล์เดียว", "", required=True, value="url"),
     TICKED, NO_PRIVATE_NUMBERS))

ROSTER = Report(
    "roster", "แก้ไขรายชื่อ อช./ผู้นำ อช.", "เพิ่ม อช. หรือผู้นำ อช. คนใหม่ หรือแจ้งผู้ที่พ้นจากตำแหน่ง (ลาออก พ้นวาระ ย้ายที่อยู่ เสียชีวิต)",
    "แก้ไขรายชื่อ อช.: ", PRIVACY_NOTE,
    (DISTRICT,
     Field("changes", "รายการเปลี่ยนแปลง", "textarea",
           "หนึ่งบรรทัดต่อหนึ่งรายการ คั่นช่องด้วย | — คนใหม่: " + f" {SEAT_SEPARATOR} ".join(ADD_COLUMNS)
           + " — ผู้พ้นจากตำแหน่ง: " + f" {SEAT_SEPARATOR} ".join(END_COLUMNS)
           + " (เหตุผล: " + ", ".join(END_REASONS) + ") — แทนคนเดิม: เขียนบรรทัด พ้น ของคนเดิม และบรรทัด เพิ่ม ของคนใหม่ "
             "ตำบลเขียนชื่อหรือรหัส 6 หลัก ชื่อเขียนตามทำเนียบ วันที่ " + DATE_HINT
           + " วันสิ้นสุดวาระของ อช. ที่เว้นว่างคือครบ 4 ปี บอทให้รหัสบุคคลคนใหม่เอง",
           "เพิ่ม | อช. | วังสะพุง | 3 | นางสมศรี ใจดี | | 15/1/2567 |\nพ้น | นายสมชาย ใจงาม | 10/1/2567 | ลาออก |",
           required=True, value="roster-changes"),
     TICKED, NO_PRIVATE_NUMBERS))

# The circular's whole task in one report (one issue, one pull request): the committee, new people
# (who may hold a seat at once), the confirmation for the round and the meeting's nominees. Its fields
# are the single-purpose reports' own (same ids, so the bot reads each part with the same reader);
# only what may be left out differs. A new person in a seat is written twice: a `เพิ่ม` line in
# `changes` (as the roster report writes it) and their name, as in that line, in the seat's line.
NEW_IN_SEAT = ("คนที่ยังไม่มีในทำเนียบ: เขียนบรรทัด เพิ่ม ของคนนั้นในช่อง รายการเปลี่ยนแปลงรายชื่อ "
               "แล้วเขียนชื่อเดียวกันในบรรทัดของตำแหน่ง บอทเพิ่มคนนั้นในทำเนียบและให้ดำรงตำแหน่งในรายงานเดียวกัน")
CIRCULAR = Report(
    "circular", "รายงานตามหนังสือเวียน (ทั้งหมดในรายงานเดียว)",
    "คณะกรรมการชมรม (รวมคนใหม่ที่ยังไม่มีในทำเนียบ) การยืนยันโครงสร้างสำหรับรอบการรายงาน และผู้แทนเข้าประชุม ในรายงานเดียว",
    "รายงานตามหนังสือเวียน: ", PRIVACY_NOTE,
    (DISTRICT,
     replace(COMMITTEE.field("seats"), required=False,
             description="เว้นว่างถ้าคณะกรรมการไม่เปลี่ยน — " + COMMITTEE.field("seats").description + " — " + NEW_IN_SEAT),
     replace(ROSTER.field("changes"), label="รายการเปลี่ยนแปลงรายชื่อ", required=False,
             description="เว้นว่างถ้าไม่มี — " + ROSTER.field("changes").description,
             placeholder="เพิ่ม | ผู้นำ อช. | วังสะพุง | | นายสมชาย ใจดี | ชาย | 1/2/2567 | 30/9/2570"),
     *(COMMITTEE.field(f) for f in ("term-start", "term-end", "order-no", "order-date", "order-by")),
     CONFIRMATION.field("confirmed-on"), CONFIRMATION.field("confirm"),
     NOMINEES.field("meeting"),
     replace(NOMINEES.field("representatives"), required=False,
             description="เว้นว่างถ้าไม่มีการประชุม — " + NOMINEES.field("representatives").description
             + " (คนใหม่ในรายงานนี้ใช้ได้)"),
     replace(NOMINEES.field("officials"), required=False,
             description="เว้นว่างถ้าไม่มีการประชุม — " + NOMINEES.field("officials").description),
     NOMINEES.field("submitted-on"),
     TICKED, NO_PRIVATE_NUMBERS))

# CIRCULAR last: a report file without a title is matched to the first report whose headings it has
# (bot/offline.py), and the circular has every heading of the committee, confirmation and nominees reports.
REPORTS: tuple[Report, ...] = (COMMITTEE, CONFIRMATION, NOMINEES, ROSTER, EXCEL, CIRCULAR)


def report(report_id: str) -> Report | None:
    return next((r for r in REPORTS if r.id == report_id), None)
