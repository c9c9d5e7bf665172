"""An example message of each rule id, shown on docs/rules.md: what the rule's first failing
fixture (tests/fixtures/invalid/<case>/, by case name) reports, run from the dataset's folder.

Generated; do not edit. tests/test_rule_examples.py fails when a message changed; re-bless with
    THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_rule_examples.py
"""
from __future__ import annotations

# rule id -> (fixture case, Thai message)
EXAMPLES: dict[str, tuple[str, str]] = {'club.confirmed-in-future': ('club-confirmed-in-future', 'วันที่ยืนยัน 2024-03-15 เป็นวันในอนาคต'),
 'club.confirmed-late': ('club-confirmed-late',
                         'อำเภอหนองหิน ยืนยันโครงสร้างรอบ 2567-club-update เมื่อ 10 ก.พ. 2567 หลังกำหนดส่ง '
                         '24 ม.ค. 2567'),
 'club.confirmed-outside-round': ('club-confirmed-outside-round',
                                  'วันที่ยืนยัน 20 ธ.ค. 2566 ก่อนรอบ 2567-club-update เริ่ม (5 ม.ค. 2567)'),
 'club.duplicate-round': ('club-duplicate-round',
                          'ยืนยันรอบ 2567-club-update ซ้ำ (มีรายการของรอบนี้อยู่แล้ว)'),
 'club.holder-not-in-roster': ('club-holder-left',
                               'ตำแหน่งประธาน ใน club.yaml บรรทัด 15: นายเสกสรร คำภา (`4214-0001`) '
                               'พ้นจากทุกบทบาทในทำเนียบแล้ว (ลาออก)'),
 'club.holder-or-vacant': ('club-holder-or-vacant', 'ตำแหน่งกรรมการ ไม่มีผู้ดำรงตำแหน่งและไม่ได้ระบุว่าว่าง'),
 'club.holder-twice': ('club-holder-twice',
                       'นางสาวคำปุ่น สุขสวัสดิ์ ดำรงตำแหน่งกรรมการอยู่แล้ว และยังอยู่ในตำแหน่งกรรมการ'),
 'club.not-confirmed': ('club-not-confirmed', 'อำเภอหนองหิน ยังไม่ยืนยันโครงสร้างชมรมในรอบ 2567-club-update'),
 'club.one-president': ('club-one-president',
                        'คณะกรรมการชมรมผู้นำอาสาพัฒนาชุมชนอำเภอหนองหิน มีตำแหน่งประธาน 0 ที่นั่ง (ต้องมี 1)'),
 'club.registration-number': ('club-registration-number',
                              'สมาคมผู้นำอาสาพัฒนาชุมชนจังหวัดเลย เป็นสมาคมแต่ไม่มีเลขทะเบียน'),
 'club.single-holder': ('club-single-holder', 'ตำแหน่งเลขานุการ มีได้ที่นั่งเดียว (พบ 2 รายการ)'),
 'club.unknown-round': ('club-unknown-round', 'ไม่มีรอบการรายงาน `2567-club-updat` ใน province.yaml'),
 'club.usual-posts': ('club-usual-posts',
                      'ไม่มีตำแหน่งเหรัญญิก ในคณะกรรมการสมาคมผู้นำอาสาพัฒนาชุมชนจังหวัดเลย'),
 'club.vacant-post': ('club-vacant-post', 'ตำแหน่งกรรมการ ว่าง'),
 'date.buddhist-year': ('buddhist-year', '`2567-01-20` ดูเหมือนใช้ปี พ.ศ. (2567) ข้อมูลต้องใช้ปี ค.ศ.'),
 'date.impossible-date': ('impossible-date',
                          'วันที่ `2027-09-31` ไม่มีอยู่จริง (เดือนกันยายน ค.ศ. 2027 มี 30 วัน)'),
 'district.no-maintainers': ('district-no-maintainers',
                             'อำเภอหนองหิน ยังไม่มีผู้ดูแลข้อมูล (บัญชี GitHub ของอำเภอ) '
                             'ระหว่างนี้มีเพียงผู้ดูแลของจังหวัดที่แก้ข้อมูลอำเภอนี้ได้'),
 'district.responsible-official': ('district-responsible-official',
                                   'อำเภอหนองหิน ยังไม่ระบุเจ้าหน้าที่ผู้รับผิดชอบงาน อช.'),
 'encoding.control-char': ('encoding-control-char',
                           'มีอักขระควบคุมที่มองไม่เห็น (U+0008) ที่บรรทัด 10 คอลัมน์ 21'),
 'encoding.invalid-utf8': ('encoding-invalid-utf8',
                           'ไฟล์ไม่ได้บันทึกเป็น UTF-8 (น่าจะบันทึกเป็นภาษาไทยแบบเก่า TIS-620 / '
                           'Windows-874): พบตัวอักษรที่อ่านไม่ได้ที่บรรทัด 5 คอลัมน์ 11 (ไบต์ 0xCB)'),
 'encoding.nul': ('encoding-nul', 'ไฟล์มีอักขระ NUL (ไบต์ศูนย์) ซึ่งมองไม่เห็น ที่บรรทัด 11 คอลัมน์ 1'),
 'encoding.utf16': ('encoding-utf16',
                    'ไฟล์ถูกบันทึกเป็น UTF-16 หรือ UTF-32 (เช่น "Unicode" ใน Notepad) ซึ่งระบบอ่านไม่ได้'),
 'file.too-large': ('file-too-large', 'ไฟล์ใหญ่เกินไป (8.8 MB เกินขีดจำกัด 8 MB) จึงไม่ได้ตรวจเนื้อหา'),
 'files.schema-header': ('files-schema-header',
                         'บรรทัดแรกของไฟล์ต้องบอกตำแหน่ง schema (ให้โปรแกรมแก้ไขช่วยตรวจและเติมคำ)'),
 'geo.folder-code': ('geo-folder-code', 'รหัสอำเภอ `4213` ไม่ตรงกับชื่อโฟลเดอร์ `4214-nong-hin`'),
 'geo.missing-subdistrict': ('geo-missing-subdistrict', 'ยังไม่มีไฟล์ทำเนียบของตำบลปวนพุ (รหัส 421403)'),
 'geo.office-location': ('geo-office-location',
                         'ตำแหน่งของสำนักงานพัฒนาชุมชนอำเภอหนองหิน `13.75633, 100.50177` อยู่นอกจังหวัดเลย '
                         '(จังหวัดเลยอยู่ราวละติจูด 16.6–18.4 และลองจิจูด 100.6–102.4)'),
 'geo.official-name': ('geo-official-name', 'ชื่อตำบล `ตาดขา` ไม่ตรงกับชื่อทางการ `ตาดข่า`'),
 'geo.roster-file-name': ('geo-roster-file-name',
                          'ไฟล์ `421401-nong-hin.yaml` เก็บตำบลปวนพุ รหัส `421403` แต่ชื่อไฟล์เป็นรหัสอื่น'),
 'geo.subdistrict-in-district': ('geo-subdistrict-in-district',
                                 'ตำบลรหัส `420101` ไม่ใช่ตำบลของอำเภอรหัส 4214'),
 'geo.unknown-code': ('geo-unknown-code', 'ไม่พบรหัสจังหวัด `29` ในทะเบียนกรมการปกครอง'),
 'layout.bad-name': ('layout-bad-name',
                     'ชื่อไฟล์หรือโฟลเดอร์ `roster\\n.yaml` มีอักขระควบคุมหรืออักขระที่มองไม่เห็น (แสดงเป็น '
                     '\\n, \\x.., \\u....) ระบบจึงไม่อ่าน'),
 'layout.legacy-roster': ('layout-legacy-roster',
                          'ทำเนียบทั้งอำเภอในไฟล์เดียว (`roster.yaml`) ใช้ไม่ได้แล้ว: '
                          'ทำเนียบแยกเป็นหนึ่งไฟล์ต่อหนึ่งตำบลในโฟลเดอร์ `roster/` (ไฟล์เล็กพอจะแก้บนเว็บ '
                          'GitHub หรือโทรศัพท์ได้)'),
 'layout.missing-file': ('layout-missing-file', 'ไม่พบไฟล์ `meeting.yaml` ที่ต้องมี'),
 'layout.unknown-file': ('file-too-large-hidden',
                         'ไม่รู้จักไฟล์หรือโฟลเดอร์ `.cache` ในที่นี้ (ระบบจะไม่อ่านข้อมูลในนั้น)'),
 'meeting.missing-nomination': ('meeting-missing-nomination',
                                'อำเภอหนองหิน ยังไม่ส่งรายชื่อเข้าประชุม '
                                'ประชุมเตรียมความพร้อมในการจัดงานเนื่องในวาระครบรอบ 55 ปี '
                                'โครงการพัฒนาผู้นำอาสาพัฒนาชุมชน'),
 'meeting.nominee-count': ('meeting-nominee-count',
                           'ส่งผู้แทนชมรม 1 คน และเจ้าหน้าที่ 1 คน (จังหวัดขอผู้แทน 2 คน และเจ้าหน้าที่ 1 '
                           'คน)'),
 'meeting.unknown-meeting': ('meeting-unknown-meeting', 'ไม่รู้จักการประชุม `2567-anniversary-55`'),
 'meeting.unresolved-nominee': ('club-holder-left',
                                'การส่งรายชื่อเข้าประชุม `2567-anniversary-55-prep` ใน meeting.yaml บรรทัด '
                                '6: ผู้แทนชมรม นายเสกสรร คำภา (`4214-0001`) พ้นจากทุกบทบาทในทำเนียบแล้ว'),
 'person.sex-contradicts-title': ('person-sex-contradicts-title',
                                  'นายบัวผัน พรหมวงศ์: sex `หญิง` ขัดกับคำนำหน้า `นาย` (ชาย)'),
 'person.sex-required': ('person-sex-required',
                         'คำนำหน้า `ว่าที่ร้อยตรี` ไม่บอกเพศของ ว่าที่ร้อยตรีบัวผัน พรหมวงศ์'),
 'person.unknown-title': ('person-unknown-title', 'ไม่รู้จักคำนำหน้านาม `กำนัน` ของ บัวผัน พรหมวงศ์'),
 'phone.phone-format': ('office-phone-format', '`0 4241 177` ไม่ใช่หมายเลขโทรศัพท์ไทยที่เขียนถูกรูปแบบ'),
 'privacy.national-id': ('national-id-comment', 'พบเลขที่มีรูปแบบเลขประจำตัวประชาชน `X-XXXX-XXXXX-X1-1`'),
 'privacy.phone-in-free-text': ('privacy-phone-in-free-text',
                                'หมายเหตุของ นายเสกสรร คำภา มีหมายเลขโทรศัพท์ (ไม่แสดงเลขนั้นซ้ำ) '
                                'ข้อความนี้เผยแพร่ต่อสาธารณะ'),
 'privacy.phone-without-consent': ('privacy-phone-without-consent',
                                   'มีโทรศัพท์ส่วนตัวของ นายเสกสรร คำภา แต่ไม่มีบันทึกความยินยอม'),
 'roster.duplicate-id': ('roster-duplicate-id',
                         'รหัสบุคคล `4214-0005` ของนายสมหมาย ศรีเมือง ซ้ำกับนายปัญญา ศรีภูมิ '
                         '(data/42-loei/4214-nong-hin/roster/421401-nong-hin.yaml:44)'),
 'roster.duplicate-moo': ('roster-duplicate-moo', 'หมู่ที่ 1 ของตำบลหนองหิน ซ้ำกัน (บรรทัด 25 และ 60)'),
 'roster.duplicate-person': ('roster-duplicate-person',
                             'นายปัญญา ศรีภูมิ ซ้ำกับรายชื่อที่บรรทัด 44 (นายปัญญา ศรีภูมิ, รหัส 4214-0005)'),
 'roster.gender-balance': ('roster-gender-balance',
                           'หมู่ที่ 1 บ้านภูป่าไผ่: อช. ชาย 0 คน หญิง 4 คน ไม่ใกล้เคียงกัน'),
 'roster.id-prefix': ('roster-id-prefix', 'รหัสบุคคล `4213-0006` ไม่ขึ้นต้นด้วยรหัสอำเภอ 4214'),
 'roster.leaders-per-subdistrict': ('club-holder-removed', 'ตำบลตาดข่า มีผู้นำ อช. 1 คน (ชาย 1 หญิง 0)'),
 'roster.min-volunteers': ('min-volunteers-after-leaving',
                           'หมู่ที่ 1 บ้านภูป่าไผ่ มี อช. 2 คน (ควรมีอย่างน้อย 4 คน)'),
 'roster.role-matches-list': ('roster-role-matches-list',
                              'นางสาวคำปุ่น สุขสวัสดิ์ อยู่ในรายชื่อ volunteers (อช. ของหมู่บ้าน) '
                              'แต่ไม่มีบทบาท `อช.` ใน roles'),
 'roster.same-name-other-district': ('roster-same-name-other-district',
                                     'นายเสกสรร คำภา มีชื่อซ้ำกับรายชื่อในอำเภอรหัส 4213 '
                                     '(data/42-loei/4213-erawan/roster/421301-erawan.yaml:6)'),
 'schema.missing-key': ('privacy-consent-incomplete', 'ขาดช่อง `method` (วิธีให้ความยินยอม)'),
 'schema.not-allowed': ('schema-not-allowed-post', 'ค่า `นายก` ใช้ไม่ได้ที่ `club.posts.0.post`'),
 'schema.replaced-key': ('schema-replaced-key',
                         'ชื่อช่อง `confirmed_on` เลิกใช้แล้ว ใช้ `confirmations` (การยืนยันข้อมูลรายรอบ) '
                         'แทน'),
 'schema.type': ('club-holder-empty',
                 'ช่อง `holder` (รหัสบุคคลที่อ้างถึง) ไม่มีค่า (เว้นว่างไว้หรือเขียน null)'),
 'schema.unknown-key': ('unknown-key', 'ไม่รู้จักชื่อช่อง `emial`'),
 'term.end-before-start': ('term-end-before-start',
                           'วาระ อช. ของ นางสาวคำปุ่น สุขสวัสดิ์ สิ้นสุด (2024-05-28) '
                           'ก่อนหรือวันเดียวกับที่เริ่ม (2024-05-28)'),
 'term.end-reason-missing': ('term-end-reason-missing',
                             'วาระ อช. ของ นางแสงเดือน อินทร์แก้ว สิ้นสุด 1 ก.พ. 2567 ก่อนครบวาระปกติ (23 '
                             'ธ.ค. 2570) แต่ไม่ได้บอกเหตุที่พ้นจากตำแหน่ง'),
 'term.expired': ('term-end-reason-missing',
                  'วาระ อช. ของ นางแสงเดือน อินทร์แก้ว สิ้นสุดแล้วเมื่อ 1 ก.พ. 2567'),
 'term.volunteer-max-years': ('term-volunteer-max-years',
                              'วาระ อช. ของ นางแสงเดือน อินทร์แก้ว ยาวเกิน 4 ปี (2023-12-24 ถึง 2028-12-23)'),
 'text.digit-in-name': ('person-name-markup', 'ชื่อหรือนามสกุล `<img src=x onerror=alert(1)>` มีตัวเลข `1`'),
 'text.name-character': ('name-symbol',
                         'ชื่อหรือนามสกุล `บัวผัน&a` มีอักขระ `&` (U+0026 AMPERSAND) ซึ่งไม่ใช้ในชื่อ '
                         'ระหว่าง `บัวผัน` กับ `a`'),
 'text.name-mixed-script': ('name-mixed-script',
                            'ชื่อ `บ้านนาเจoริญ` มีตัวอักษรอังกฤษ `o` ติดกับตัวอักษรไทย ระหว่าง `บ้านนาเจ` '
                            'กับ `ริญ` อาจพิมพ์ผิดแป้นภาษา'),
 'text.name-no-letters': ('name-no-letters', '`...` ไม่ใช่ชื่อ: มีแต่เครื่องหมาย ไม่มีตัวอักษร'),
 'text.thai-double-sara-e': ('double-sara-e',
                             '`เเ` พิมพ์สระเอ (เ) สองตัวแทนสระแอ (แ) หน้าตาเหมือนกันแต่ค้นหาไม่เจอ'),
 'text.thai-split-sara-am': ('thai-split-sara-am',
                             '`คํา` พิมพ์นิคหิต (ํ) กับสระอา (า) แยกกันแทนสระอำ (ำ) '
                             'หน้าตาเหมือนกันแต่ค้นหาไม่เจอ'),
 'text.title-in-name': ('title-in-name', 'ชื่อ `นายเสกสรร` มีคำนำหน้านาม `นาย` ติดมาด้วย'),
 'text.zero-width': ('zero-width-name', 'มีอักขระล่องหน U+200B ZERO WIDTH SPACE ระหว่าง `เสก` กับ `สรร`'),
 'yaml.alias': ('yaml-alias', 'ใช้การอ้างอิง `*nai-amphoe` (alias) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้'),
 'yaml.ambiguous-scalar': ('octal-phone',
                           'ค่า `042411773` เขียนโดยไม่มีเครื่องหมายคำพูด โปรแกรมอาจอ่านเป็นตัวเลขฐานแปด '
                           'ทำให้เลข 0 ข้างหน้าหายไปและค่าเปลี่ยนเป็นเลขอื่น แทนข้อความที่เขียนไว้'),
 'yaml.anchor': ('yaml-anchor', 'ใช้สัญลักษณ์ `&amphoe` (anchor) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้'),
 'yaml.duplicate-key': ('duplicate-key', 'ชื่อช่อง `name` ซ้ำกัน (บรรทัด 5 และ 6)'),
 'yaml.empty': ('yaml-empty', 'ไฟล์นี้ว่างเปล่า (ไม่มีข้อมูล หรือมีแต่บรรทัดหมายเหตุที่ขึ้นต้นด้วย `#`)'),
 'yaml.merge-key': ('yaml-merge-key', 'ใช้ชื่อช่อง `<<` (รวมค่าจากที่อื่น) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้'),
 'yaml.multiple-documents': ('yaml-multiple-documents',
                             'ไฟล์นี้มีข้อมูลมากกว่าหนึ่งชุด (ชุดที่ 2 เริ่มที่บรรทัด 11)'),
 'yaml.non-string-key': ('yaml-non-string-key', 'ชื่อช่อง `42000` จะถูกอ่านเป็นตัวเลข ไม่ใช่ข้อความ'),
 'yaml.root-not-mapping': ('yaml-root-not-mapping',
                           'ข้อมูลทั้งไฟล์ต้องเป็นชุด `ชื่อช่อง: ค่า` แต่ไฟล์นี้เป็นรายการ '
                           '(บรรทัดขึ้นต้นด้วย `-`)'),
 'yaml.syntax': ('yaml-syntax',
                 'รูปแบบ YAML ไม่ถูกต้อง (บรรทัด 8 คอลัมน์ 33): มีเครื่องหมาย `:` ในตำแหน่งที่ไม่ควรมี'),
 'yaml.tab-indent': ('yaml-tab-indent', 'บรรทัด 14 ใช้แท็บ (Tab) ในการย่อหน้า'),
 'yaml.tag': ('yaml-tag', 'ใช้แท็กกำหนดชนิดข้อมูล `!!str` ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้'),
 'yaml.too-deep': ('yaml-too-deep', 'ข้อมูลซ้อนกันลึกเกิน 32 ชั้น (เริ่มเกินที่บรรทัด 11)')}
