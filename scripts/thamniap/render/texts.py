"""Thai prose of the fixed pages. Values from data are escaped with `h`; the rest is our text.

Each fact here carries its source on the page (the circular, public CDD pages, the PDPA).
"""
from __future__ import annotations

from thamniap.core.dates import thai_date
from thamniap.model import Circular, Province, Round, rounds
from thamniap.intake.reportform.fields import EXCEL
from thamniap.intake.spreadsheet.form import END_REASONS
from thamniap.render.exports import DATA_LICENCE, LICENCE_STATEMENT, LICENCE_URL
from thamniap.render.markup import CARDS, h, link, phone_display, safe_url, table, tel_url


def _contact(province: Province) -> str:
    office = province.office
    if not office:
        return ""
    phone = f" โทร {link(tel_url(office.phone), phone_display(office.phone))}" if office.phone else ""
    unit = f" {h(office.unit)}" if office.unit else ""
    return f"{h(office.name)}{unit}{phone}"


def _by(day) -> str:
    """'ภายในวันที่ 24 มกราคม 2567'; 'ภายในกำหนด' when the round has no deadline."""
    return f"ภายในวันที่ {h(thai_date(day))}" if day else "ภายในกำหนด"


def home_intro(province: Province, today) -> str:
    current = rounds.current_round(province, today)
    deadline = current.deadline if current else None
    return (f"<p>ทำเนียบสาธารณะของ<strong>อาสาพัฒนาชุมชน (อช.)</strong> <strong>ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.)</strong> "
            f"และ<strong>ชมรม/สมาคมผู้นำ อช.</strong> ของจังหวัด{h(province.name)} ใช้แทนแบบรายงานผ่าน QR Code "
            f"ตาม<a href=\"circular/\">หนังสือเวียน</a>ที่ให้อำเภอทบทวนโครงสร้างชมรมให้เป็นปัจจุบันและรายงานจังหวัด"
            f"{_by(deadline)}</p>"
            "<p>ค้นหาชื่อ หมู่บ้าน ตำบล หรือตำแหน่งได้จากช่องค้นหาด้านบน หรือใช้หน้า "
            "<a href=\"people/\">ค้นหารายชื่อ</a> เพื่อกรองตามอำเภอ ตำบล และบทบาท</p>")


def home_links() -> str:
    return ("## ลิงก์\n\n"
            '<ul><li><a href="dashboard/">สถานะการรายงานรายอำเภอ</a></li>'
            '<li><a href="province/">สำนักงานและสมาคม/ชมรมระดับจังหวัด</a></li>'
            '<li><a href="circular/">หนังสือเวียน</a> และ <a href="guidelines/">แนวทางการดำเนินงาน</a></li>'
            '<li><a href="submit/">วิธีส่งข้อมูล (สำหรับอำเภอ)</a></li>'
            '<li><a href="downloads/">ดาวน์โหลดข้อมูล</a></li>'
            '<li><a href="privacy/">การคุ้มครองข้อมูลส่วนบุคคล</a> (ขอแก้ไขหรือลบข้อมูล)</li></ul>')


def circular_intro(rnd: Round | None, earlier: list[tuple[str, Round, Circular]], report_link: str) -> str:
    """The current circular's page head: its round, then a link to each earlier circular (EARLIER: link, round,
    circular); REPORT_LINK: the page its QR code leads to (the report page's district chooser)."""
    current = (f"<p>หนังสือเวียนของรอบการรายงานปัจจุบัน: {h(rnd.title)} กำหนดส่ง {h(thai_date(rnd.deadline))}</p>\n\n"
               if rnd else "")
    older = ""
    if earlier:
        items = "".join(f'<li><a href="{h(href)}">ที่ {h(c.number)} ลงวันที่ {h(thai_date(c.date))}</a> — {h(r.title)}</li>'
                        for href, r, c in earlier)
        older = f'<p>หนังสือเวียนของรอบก่อน ๆ (คงไว้ตามต้นฉบับ):</p>\n<ul class="tn-circulars">{items}</ul>\n\n'
    return ("# หนังสือเวียน\n\n" + current +
            "<p data-pagefind-ignore>ข้อความเต็มของหนังสือตามต้นฉบับ (คงเลขไทยไว้) QR Code ท้ายหนังสือ"
            f"นำไปยัง<a href=\"{h(report_link)}\">หน้ารายงานข้อมูลชมรม</a> (เลือกอำเภอ แล้วกรอกรายงานบนโทรศัพท์ได้) "
            "ซึ่งแทนแบบรายงานเดิม "
            "สั่งพิมพ์หน้านี้ได้ในขนาด A4</p>\n\n" + older)


def earlier_circular_intro(rnd: Round, circular: Circular, current_href: str) -> str:
    """The head of an earlier round's circular page: what it was for, and that reporting now follows the current one."""
    return (f"# หนังสือเวียน ที่ {h(circular.number)}\n\n"
            f"<p>หนังสือเวียนลงวันที่ {h(thai_date(circular.date))} ของรอบการรายงานก่อน: {h(rnd.title)} "
            f"กำหนดส่ง {h(thai_date(rnd.deadline))} รอบนี้ผ่านไปแล้ว การรายงานตอนนี้เป็นไปตาม"
            f'<a href="{h(current_href)}">หนังสือเวียนฉบับปัจจุบัน</a></p>\n\n'
            "<p data-pagefind-ignore>ข้อความเต็มของหนังสือตามต้นฉบับ (คงเลขไทยไว้)</p>\n\n")


# The facts and rules the checks rest on (the guidelines page): escaped HTML cells; NONE: no check.
FACTS_HEAD = ("เรื่อง", "ข้อกำหนด", "ระบบตรวจอย่างไร", "ที่มา")
NONE = '<span class="tn-none">-</span>'
FACTS = (
    ('จำนวน อช.',
     'อย่างน้อย 4 คนต่อหมู่บ้าน ชายหญิงจำนวนใกล้เคียงกัน คัดเลือกโดยเวทีประชาคมหมู่บ้าน',
     'คำเตือน (roster.min-volunteers, roster.gender-balance)',
     'เว็บไซต์สำนักงานพัฒนาชุมชนอำเภอ (district.cdd.go.th) พ.ศ. 2566–2568'),
    ('วาระ อช.',
     '4 ปี เลือกซ้ำได้',
     'คำเตือน (term.volunteer-max-years, term.expired)',
     'เว็บไซต์สำนักงานพัฒนาชุมชนอำเภอ'),
    ('ผู้นำ อช.',
     'ตำบลละ 2 คน ชาย 1 คน หญิง 1 คน',
     'คำเตือน (roster.leaders-per-subdistrict)',
     'เว็บไซต์สำนักงานพัฒนาชุมชนอำเภอ'),
    ('ความเป็นมา',
     'โครงการเริ่มตามมติคณะรัฐมนตรี 28 มกราคม 2512 (วันที่ 28 มกราคมเป็นวันครบรอบ จึงเป็นปีที่ 55 ใน พ.ศ. 2567)',
     NONE,
     'เว็บไซต์กรมการพัฒนาชุมชน'),
    ('ระเบียบ',
     'ระเบียบกระทรวงมหาดไทยว่าด้วยอาสาพัฒนาชุมชน พ.ศ. 2547 และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2552 และ (ฉบับที่ 3) พ.ศ. 2555',
     NONE,
     'หนังสือเวียน (ระบบนี้ไม่มีตัวบทของระเบียบ)'),
    ('วาระคณะกรรมการชมรม',
     'ตามปีงบประมาณ เช่น ปีงบประมาณ พ.ศ. 2566–2569 (ปีงบประมาณเริ่ม 1 ตุลาคม)',
     'วาระต้องมี วันสิ้นสุดหลังวันเริ่ม (club term, term.end-before-start)',
     'ตัวอย่างจากชมรมระดับจังหวัดสระแก้ว'),
    ('ตำแหน่งในคณะกรรมการ',
     'ประธาน รองประธาน เลขานุการ เหรัญญิก ประชาสัมพันธ์ กรรมการ ที่ปรึกษา',
     'คำเตือนเมื่อขาดตำแหน่งหลัก; ประธานต้องมี 1 ที่นั่ง (ข้อผิดพลาด)',
     '<em>ข้อสันนิษฐาน</em>: ตำแหน่งที่ชมรมในไทยใช้ทั่วไป ยังไม่พบรายการทางการ'),
)


def guidelines(province: Province, today, rules: str = "../rules/") -> str:
    """What the circular asks, with the round and the meeting current on TODAY (thamniap.model.rounds).
    RULES: the link to the rules page."""
    rnd = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)
    meeting_text = (f"{h(meeting.title)} วันที่ {h(thai_date(meeting.date))} เวลา {h(meeting.time)} น. ณ {h(meeting.place)}"
                    if meeting else "-")
    return f"""# แนวทางการดำเนินงาน

## สิ่งที่หนังสือเวียนขอให้อำเภอดำเนินการ

<p>ตาม<a href="../circular/">หนังสือเวียน</a> จังหวัดขอให้อำเภอมอบหมายสำนักงานพัฒนาชุมชนอำเภอ:</p>
<ol>
<li>ศึกษาแนวทางสนับสนุนการดำเนินงานอาสาพัฒนาชุมชน และมอบหมายให้ อช. และผู้นำ อช. เป็นกลไกสำคัญในการขับเคลื่อนการขจัดความยากจนตามหลักปรัชญาของเศรษฐกิจพอเพียง</li>
<li>ส่งผู้แทนชมรม อำเภอละ 2 คน และเจ้าหน้าที่ผู้รับผิดชอบงาน อช. เข้าร่วม{meeting_text}</li>
<li>ทบทวน ปรับปรุงโครงสร้างสมาคม/ชมรมผู้นำ อช. ให้เป็นปัจจุบัน และรายงานจังหวัด{_by(rnd.deadline if rnd else None)}
— ในระบบนี้คือการแก้ไข <code>club.yaml</code> ของอำเภอแล้วเพิ่มรายการของรอบนี้ใต้ <code>confirmations:</code> (รหัสรอบ <code>{h(rnd.id if rnd else "-")}</code> และวันที่ยืนยัน) (ดู<a href="../submit/">วิธีส่งข้อมูล</a>)</li>
</ol>

## เอกสารแนวทางฉบับทางการ

<div class="admonition note"><p class="admonition-title">ที่สำหรับแนบเอกสารของจังหวัด</p>
<p>หนังสือเวียนอ้างถึง "แนวทางสนับสนุนการดำเนินงานอาสาพัฒนาชุมชนฯ จำนวน ๑ ชุด" เป็นสิ่งที่ส่งมาด้วย
ระบบนี้<strong>ยังไม่มีเนื้อหาของเอกสารดังกล่าว</strong> และจะไม่เขียนขึ้นเอง — เจ้าหน้าที่จังหวัดโปรดแนบไฟล์เอกสารฉบับทางการไว้ที่นี่
(เพิ่มไฟล์ใน <code>docs/</code> แล้วใส่ลิงก์)</p></div>

## ข้อเท็จจริงและระเบียบที่ใช้ตรวจข้อมูล

{table(list(FACTS_HEAD), [list(row) for row in FACTS], cls=CARDS)}

<p>ข้อมูลจริงมักไม่ตรงตามระเบียบทุกข้อ ระบบจึงแจ้งเรื่องเหล่านี้เป็น<strong>คำเตือน</strong>ซึ่งยังส่งข้อมูลได้
ส่วน<strong>ข้อผิดพลาด</strong> (เช่น รูปแบบวันที่ผิด เลขประจำตัวประชาชนในไฟล์) ต้องแก้ก่อน รายการกฎทั้งหมดอยู่ที่
<a href="{h(rules)}">กฎการตรวจข้อมูล</a></p>
"""


def how_to_submit(province: Province, repo_url: str, rules: str = "../rules/") -> str:
    """How a district sends its data; RULES: the link to the rules page."""
    repo = safe_url(repo_url) or ""
    excel_form = (f'<a href="{h(repo.rstrip("/"))}/issues/new?template={EXCEL.id}.yml">แบบฟอร์ม "{h(EXCEL.name)}"</a>'
                  if repo else f'แบบฟอร์ม "{h(EXCEL.name)}" (Issues → New issue)')
    return f"""# วิธีส่งข้อมูล (สำหรับอำเภอ)

<p>หน้านี้แทนแบบรายงานผ่าน QR Code ของหนังสือเวียน ทางที่ง่ายที่สุดคือ<strong><a href="../report/">แบบรายงานของอำเภอบนเว็บไซต์นี้</a></strong>
(ใช้โทรศัพท์ได้ ไม่ต้องแก้ไฟล์ ไม่มีช่องใดต้องกรอกรหัสบุคคล): เลือกอำเภอ กรอกคณะกรรมการชมรม การยืนยันโครงสร้าง ผู้แทนเข้าประชุม
หรือรายชื่อ อช. แล้วกด <strong>ส่งรายงาน</strong> GitHub จะเปิดแบบฟอร์มที่กรอกไว้แล้วให้กด Submit
บอทของทำเนียบตอบว่าเข้าใจว่าอะไรหรือต้องแก้ช่องใด แล้วเปิดคำขอแก้ไข (pull request) ให้เจ้าหน้าที่จังหวัดอนุมัติ
ผู้ที่ไม่มีบัญชี GitHub กด <strong>ดาวน์โหลดไฟล์รายงาน</strong> แล้วส่งไฟล์ให้จังหวัด</p>

<p>ผู้ที่ถนัดแก้ไฟล์ข้อมูลของอำเภอบน GitHub โดยตรง ทำตามขั้นตอนด้านล่าง ระบบจะตรวจข้อมูลให้อัตโนมัติเช่นกัน</p>

## สิ่งที่ต้องมี

<ul><li>บัญชี GitHub ที่จังหวัดเพิ่มเป็นผู้ดูแลข้อมูลของอำเภอ (ระบุใน <code>district.yaml</code> ช่อง <code>maintainers</code>)</li>
<li>ข้อมูลคณะกรรมการชมรมชุดปัจจุบันและคำสั่งแต่งตั้ง</li></ul>

## แก้ไฟล์ในเว็บเบราว์เซอร์ (ไม่ต้องติดตั้งโปรแกรม)

<ol>
<li>เปิดหน้าของอำเภอในเว็บไซต์นี้ แล้วกดปุ่ม <strong>แก้ไขข้อมูล</strong> ของเรื่องที่ต้องการ (คณะกรรมการชมรม สำนักงาน หรือผู้แทนเข้าประชุม) ระบบจะเปิดไฟล์นั้นในหน้าแก้ไขของ GitHub
รายชื่อ อช. และผู้นำ อช. เก็บเป็น<strong>หนึ่งไฟล์ต่อหนึ่งตำบล</strong> (โฟลเดอร์ <code>roster/</code>): ใต้ชื่อตำบลในหน้าอำเภอกด <strong>แก้ไขรายชื่อของตำบลนี้</strong> หรือใต้หมู่บ้านกด <strong>แก้ไขหมู่ที่ …</strong> ซึ่งเปิดไฟล์ตรงบรรทัดของหมู่บ้านนั้น (กดรูปดินสอเพื่อแก้)</li>
<li>แก้ไขเฉพาะค่าหลังเครื่องหมาย <code>:</code> ย่อหน้าด้วย<strong>ช่องว่าง</strong>เท่าเดิม (ห้ามใช้แท็บ) วันที่เขียนเป็น ค.ศ. แบบ <code>2024-01-20</code> (พ.ศ. ลบ 543) ตัวเลขที่ขึ้นต้นด้วย 0 เช่นโทรศัพท์ ให้ใส่ในเครื่องหมายคำพูด <code>"0 4241 1773"</code></li>
<li>ตำแหน่งที่ว่าง ให้เขียน <code>vacant: true</code> แทนชื่อ อย่าลบตำแหน่งทิ้ง คนใหม่ให้ใช้รหัสบุคคลถัดไปที่ยังไม่มีใครใช้ (เช่น <code>4201-0711</code>) และห้ามเปลี่ยนรหัสของคนเดิม</li>
<li>เมื่อตรวจแล้วว่าข้อมูลชมรมเป็นปัจจุบัน ให้เพิ่มสองบรรทัดใต้ <code>confirmations:</code> ของ <code>club.yaml</code>: <code>- round: รหัสรอบ</code> และ <code>date: วันที่ยืนยัน</code> (รหัสรอบดูได้ที่หน้าสถานะการรายงาน; รายการของรอบก่อนให้คงไว้) — <strong>นี่คือการรายงานต่อจังหวัด</strong></li>
<li>กด <strong>Commit changes…</strong> เลือก <em>Create a new branch … and start a pull request</em> เขียนสรุปสั้น ๆ ว่าแก้อะไร แล้วกด <strong>Propose changes</strong> และ <strong>Create pull request</strong></li>
</ol>

## ทางเลือก: ส่งเป็นไฟล์ Excel {{#excel}}

<p>สำหรับอำเภอที่เก็บรายชื่อ อช. และผู้นำ อช. ใน Excel (ทางนี้แก้เฉพาะรายชื่อในไฟล์ของตำบลในโฟลเดอร์ <code>roster/</code>
คณะกรรมการชมรม สำนักงาน และผู้แทนเข้าประชุม ยังแก้ตามขั้นตอนข้างบน)</p>
<ol>
<li>ดาวน์โหลด <strong>แบบฟอร์ม Excel สำหรับส่งข้อมูล</strong> จากหน้าอำเภอ (หัวข้อ ดาวน์โหลดและ QR code) — มีรายชื่อปัจจุบัน ตำบล และหมู่บ้านกรอกไว้แล้ว
ไฟล์ข้อมูลเปิดในหน้าดาวน์โหลดข้อมูลใช้แทนแบบฟอร์มนี้ไม่ได้</li>
<li>แก้หรือเพิ่มในแผ่นงาน อช. และ ผู้นำ อช. ตามแผ่นงาน <strong>คำอธิบาย</strong> (หนึ่งแถวคือหนึ่งบทบาทของหนึ่งคน คนใหม่เว้นรหัสบุคคลว่าง ห้ามแก้รหัสของคนเดิม ห้ามใส่สูตร)
วันที่พิมพ์แบบไทยได้เหมือนหน้ารายงาน (<code>31/1/2567</code> เลขไทยหรือชื่อเดือนก็ได้)
<strong>คนที่พ้นจากตำแหน่ง อย่าลบแถว</strong>: แก้วันสิ้นสุดวาระเป็นวันที่พ้น แล้วเลือก <strong>เหตุที่พ้นจากตำแหน่ง</strong>
({", ".join(h(r) for r in END_REASONS)}) และกรอกรายละเอียดสั้น ๆ เมื่อเลือก อื่น ๆ</li>
<li>ส่งไฟล์ทาง GitHub ได้โดยไม่ต้องติดตั้งโปรแกรม: เปิด{excel_form} เลือกอำเภอ ลากไฟล์ .xlsx มาวางในช่อง <strong>{h(EXCEL.field("workbook").label)}</strong>
แล้วกด Submit — บอทนำเข้าด้วยการตรวจชุดเดียวกับคำสั่งข้างล่าง ตอบในความเห็นว่าช่องใดผิด (เช่น <code>อช.!K14</code>) หรือเปิดคำขอแก้ไข (pull request) ให้จังหวัดอนุมัติ</li>
<li>หรือนำเข้าด้วยคำสั่ง <code>thamniap import-xlsx แบบฟอร์ม.xlsx --district รหัสอำเภอ</code> บนเครื่องที่ติดตั้งโปรแกรม หรือส่งไฟล์ให้เจ้าหน้าที่จังหวัดนำเข้าให้
คำสั่งบอกทุกช่องที่ผิดในครั้งเดียวและไม่เขียนอะไรจนกว่าจะถูกทั้งหมด เมื่อผ่านจะแก้เฉพาะบรรทัดที่เปลี่ยนในไฟล์ของตำบลใน <code>roster/</code>
แล้วส่งเป็นคำขอแก้ไข (pull request) ตามปกติ</li>
</ol>

## อ่านผลการตรวจ

<p>ภายในไม่กี่นาทีจะเห็นผลการตรวจในหน้า pull request: เครื่องหมายถูกสีเขียวคือผ่าน กากบาทสีแดงคือมีข้อผิดพลาด
กดดูรายละเอียดได้ ระบบแจ้ง<strong>ชื่อไฟล์ บรรทัด สิ่งที่ผิด และวิธีแก้</strong> เช่น</p>
<pre><code>data/42-loei/4201-mueang-loei/roster/420101-kut-pong.yaml:30:17: error[text.thai-double-sara-e] พิมพ์ `เเ` (สระเอสองตัว) แทน `แ` — แก้เป็น `แสงดี`</code></pre>
<p>แก้ไฟล์เดิมใน pull request เดิม (กดไอคอนดินสอในแท็บ Files changed) ระบบจะตรวจใหม่ให้เอง
<strong>คำเตือน</strong> (warning) ไม่ทำให้ไม่ผ่าน แต่ควรอ่าน ความหมายของแต่ละกฎอยู่ที่ <a href="{h(rules)}">กฎการตรวจข้อมูล</a></p>

## ใครตรวจและอนุมัติ

<p>ผู้ดูแลข้อมูลของอำเภอแก้ไขได้เฉพาะโฟลเดอร์ของอำเภอตนเอง เจ้าหน้าที่จังหวัด (ผู้ดูแลระดับจังหวัด) ตรวจและรวม (merge) คำขอแก้ไข
เมื่อรวมแล้ว เว็บไซต์จะปรับปรุงเองภายในไม่กี่นาที</p>

## ติดต่อ

<p>{_contact(province)}</p>
<p>ที่เก็บข้อมูล: {link(repo, repo) if repo else "-"}</p>
"""


def privacy(province: Province, repo_url: str) -> str:
    repo = safe_url(repo_url)
    issue = link(f"{repo.rstrip('/')}/issues/new/choose", "แบบฟอร์มขอแก้ไขหรือลบข้อมูล") if repo else "แบบฟอร์มขอแก้ไขหรือลบข้อมูล"
    return f"""# การคุ้มครองข้อมูลส่วนบุคคล

<p>เว็บไซต์และที่เก็บข้อมูลนี้เป็นสาธารณะ และประวัติการแก้ไข (git) ถูกเก็บไว้ถาวร จึงเผยแพร่เฉพาะข้อมูลที่จำเป็นต่อการติดต่อประสานงาน
ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562</p>

## ข้อมูลที่เผยแพร่

<ul><li>คำนำหน้า ชื่อ นามสกุล และเพศ (ใช้ตรวจสัดส่วนชายหญิงตามระเบียบ)</li>
<li>บทบาท (อช. / ผู้นำ อช.) พื้นที่ (อำเภอ ตำบล หมู่บ้าน) วาระ และตำแหน่งในชมรม</li>
<li>ชื่อ ตำแหน่ง และโทรศัพท์ที่ทำงานของเจ้าหน้าที่ และข้อมูลติดต่อของสำนักงาน</li>
<li>โทรศัพท์ส่วนตัว<strong>เฉพาะเมื่อเจ้าของยินยอม</strong>และมีบันทึกความยินยอม (วันที่และวิธี) ในข้อมูล หากไม่มีจะแสดงโทรศัพท์ของสำนักงานแทน</li></ul>

## ข้อมูลที่ไม่เก็บและไม่เผยแพร่

<p>เลขประจำตัวประชาชน วันเกิด ที่อยู่บ้าน ศาสนา ข้อมูลสุขภาพ และภาพบัตรประชาชน — โครงสร้างข้อมูล (schema) ไม่มีช่องสำหรับข้อมูลเหล่านี้
และระบบตรวจอัตโนมัติจะปฏิเสธไฟล์ที่มีเลขประจำตัวประชาชน (รวมถึงในหมายเหตุ) โดยไม่แสดงเลขเต็มในผลการตรวจ</p>

## ผู้เข้าชมเว็บไซต์

<p>เว็บไซต์ไม่ใช้คุกกี้ติดตาม ไม่โหลดฟอนต์หรือสคริปต์จากเว็บไซต์อื่น (ฟอนต์ Sarabun เก็บไว้ในเว็บไซต์เอง) และการค้นหาทำงานในเบราว์เซอร์ของท่าน</p>

## ขอแก้ไขหรือลบข้อมูลของท่าน

<p>ท่านขอให้แก้ไขหรือลบข้อมูลของท่านได้โดย: (1) กรอก{issue} หรือ (2) ติดต่อสำนักงานพัฒนาชุมชนอำเภอของท่าน หรือ
{_contact(province)} — โปรด<strong>อย่า</strong>ส่งสำเนาบัตรประชาชนหรือเลขประจำตัวประชาชนมาในคำขอ</p>
<p>เมื่อลบข้อมูลแล้ว ข้อมูลจะหายจากเว็บไซต์ทันทีที่ปรับปรุง ส่วนการลบออกจากประวัติ git ต้องให้ผู้ดูแลระดับจังหวัดดำเนินการ</p>
"""


def import_form_link(href: str, size: str, submit_href: str) -> str:
    """The district page's line offering the Excel form (every argument already escaped)."""
    return (f'<p class="tn-import-form" data-pagefind-ignore><a class="md-button" href="{href}">แบบฟอร์ม Excel สำหรับส่งข้อมูล</a> ({size}) '
            "— สำหรับเจ้าหน้าที่อำเภอ: แก้หรือเพิ่มรายชื่อ อช. และผู้นำ อช. ในแบบฟอร์มนี้ แล้วนำเข้าด้วย "
            "<code>thamniap import-xlsx</code> (หรือส่งให้จังหวัดนำเข้า) ไฟล์ข้อมูลเปิดข้างบนใช้นำเข้าไม่ได้ "
            f'<a href="{submit_href}">วิธีส่งเป็นไฟล์ Excel</a></p>')


def downloads_intro() -> str:
    return ("<p>ข้อมูลทุกไฟล์สร้างใหม่ทุกครั้งที่ปรับปรุงเว็บไซต์ มีเฉพาะข้อมูลที่เผยแพร่ได้ (ไม่มีโทรศัพท์ส่วนตัวที่ไม่ได้รับความยินยอม) "
            "ไฟล์ CSV เป็น UTF-8 มี BOM เปิดด้วย Excel แล้วภาษาไทยแสดงถูกต้อง ไฟล์ XLSX แยกแผ่นงานตามประเภท "
            "วันที่ในไฟล์เป็น ค.ศ. (ISO 8601) เพื่อให้โปรแกรมอ่านได้ ไฟล์ที่เป็นข้อมูลตัวอย่างมีคอลัมน์/ช่อง sample บอกไว้</p>")


def licence_paragraph() -> str:
    """The downloads page's licence: the same statement the files carry (render/exports.py)."""
    return (f'<p class="tn-licence">{h(LICENCE_STATEMENT)} '
            f'(<a href="{h(LICENCE_URL)}" hreflang="th">ข้อความของสัญญาอนุญาต {h(DATA_LICENCE)}</a>)</p>')


def opendata_link(folder: str) -> str:
    """Where the catalogue record and the datapackage are (FOLDER: the escaped link to the downloads folder)."""
    return ('<p>คำอธิบายชุดข้อมูลสำหรับบัญชีข้อมูลภาครัฐ (data.go.th) และคำอธิบายคอลัมน์ของไฟล์ CSV: '
            f'หน้า <a href="../opendata/">ข้อมูลเปิด</a>, <a href="{folder}catalog.json">catalog.json</a> และ '
            f'<a href="{folder}datapackage.json">datapackage.json</a> (Frictionless Data Package)</p>')


def dashboard_notes() -> str:
    return ("## วิธีนับ\n\n<ul>"
            "<li><strong>รอบปัจจุบัน</strong>: รอบการรายงานล่าสุดใน province.yaml (<code>rounds:</code>) ที่เริ่มแล้ว (วันเริ่ม <code>opens</code> ไม่หลังวันนี้) จังหวัดเพิ่มรอบใหม่ทุกปีงบประมาณด้วยคำสั่ง <code>thamniap new-round</code></li>"
            "<li><strong>ส่งทันกำหนด / ส่งล่าช้า / ยังไม่ส่ง</strong>: เทียบวันที่ยืนยันข้อมูลของรอบปัจจุบัน (รายการ <code>round</code> และ <code>date</code> ใต้ <code>confirmations:</code> ใน club.yaml) กับกำหนดส่งของรอบนั้น</li>"
            "<li><strong>ไม่เป็นปัจจุบัน</strong>: ยังไม่ได้ยืนยันในรอบปัจจุบัน การยืนยันในรอบก่อนไม่นับ เพราะแต่ละรอบให้อำเภอทบทวนโครงสร้างใหม่ (ตาราง “การยืนยันในรอบก่อน ๆ” แสดงวันที่ยืนยันของแต่ละรอบที่ผ่านมา)</li>"
            "<li><strong>ความครบถ้วน</strong>: หมู่บ้านที่มี อช. อย่างน้อย 4 คน, หมู่บ้านที่ อช. ชายหญิงใกล้เคียงกัน, ตำบลที่มีผู้นำ อช. 2 คน (ชาย 1 หญิง 1), ตำแหน่งกรรมการที่มีผู้ดำรงตำแหน่ง</li>"
            "<li><strong>วาระจะสิ้นสุดใน 6 เดือน</strong>: บทบาทของบุคคลและวาระคณะกรรมการที่สิ้นสุดภายใน 6 เดือนนับจากวันที่ข้อมูล</li></ul>")
