""""อช. หมู่บ้านของฉัน" on the home page: the village finder's form and its data files.

Per district, ``assets/villages/<code>.json`` (loaded when the district is picked): its subdistricts
with their serving ผู้นำ อช., their villages with their serving อช., the anchors of both on the
district page, and the office phone to call. For typing a village name, ``assets/villages/index.json``:
every village's name and place, no people. Public fields only: names and places, never a
volunteer's phone (the district pages show none either), and the office number is the office's.
Every value passes markup.json_data (national IDs masked, HTML-inert); docs/assets/javascripts/people.js
puts them into the page as text.
"""
from __future__ import annotations

from thamniap.model import District, Person, Province, Subdistrict, Village
from thamniap.render.markup import h, json_data, phone_display, tel_url

DATA_DIR = "assets/villages/"
INDEX = DATA_DIR + "index.json"


def village_anchor(sub: Subdistrict, village: Village) -> str:
    """The village heading's id on its subdistrict's page (render.district.subdistrict_page writes it)."""
    return f"v-{sub.code}-{village.moo}"


def subdistrict_anchor(sub: Subdistrict) -> str:
    return f"s-{sub.code}"


def office_contact(province: Province, district: District) -> dict | None:
    """Whom a citizen calls about a village: the district office when district.yaml gives its phone,
    else the province office (labelled as such, as the district page does), else nobody (None)."""
    office = district.office
    if office and office.phone and tel_url(office.phone):
        return {"name": office.name, "tel": tel_url(office.phone), "phone": phone_display(office.phone),
                "note": ""}
    fallback = province.office
    if fallback and fallback.phone and tel_url(fallback.phone):
        return {"name": fallback.name, "tel": tel_url(fallback.phone), "phone": phone_display(fallback.phone),
                "note": f"อำเภอ{district.name}ยังไม่ได้ระบุเบอร์โทรศัพท์สำนักงาน จึงแสดงเบอร์ของ{fallback.name}"}
    return None


def _people(people: list[Person]) -> list[list[str]]:
    return [[p.anchor, p.name] for p in people if p.serving]


def district_villages(province: Province, district: District) -> dict:
    """The finder's record of one district (plain values; district_villages_json writes it)."""
    office = district.office
    return {
        "district": district.code,
        "name": district.name,
        "sample": district.sample,
        # relative to this file (assets/villages/), as people.js resolves it
        "page": f"../../districts/{district.folder.name}/",
        "office": office_contact(province, district),
        "office_name": office.name if office else f"สำนักงานพัฒนาชุมชนอำเภอ{district.name}",
        "subdistricts": [
            {"code": sub.code, "name": sub.name, "anchor": subdistrict_anchor(sub), "leaders": _people(sub.leaders),
             # the subdistrict's page, where its villages and their volunteers are (render.district.subdistrict_page)
             "page": f"../../districts/{district.folder.name}/{sub.code}/",
             "villages": [{"moo": v.moo, "name": v.name, "anchor": village_anchor(sub, v),
                           "volunteers": _people(v.volunteers)} for v in sub.villages]}
            for sub in district.subdistricts or []],
    }


def district_villages_json(province: Province, district: District) -> str:
    return json_data(district_villages(province, district))


def village_index(province: Province) -> dict:
    """Every village of the province for typing its name: [district code, subdistrict code, moo,
    village name], with the district and subdistrict names once each."""
    return {
        "districts": {d.code: d.name for d in province.districts},
        "subdistricts": {s.code: s.name for d in province.districts for s in d.subdistricts or []},
        "villages": [[d.code, s.code, v.moo, v.name] for d in province.districts
                     for s in d.subdistricts or [] for v in s.villages],
    }


def village_index_json(province: Province) -> str:
    return json_data(village_index(province))


def village_files(province: Province) -> dict[str, str]:
    """{path in the site: JSON} of every file the finder loads."""
    files = {f"{DATA_DIR}{d.code}.json": district_villages_json(province, d) for d in province.districts}
    files[INDEX] = village_index_json(province)
    return files


def village_finder(province: Province) -> str:
    """The form on the home page (a raw HTML block): อำเภอ → ตำบล → หมู่บ้าน, three native selects,
    or a village name typed; the card appears in a live region. Paths are relative to the home page."""
    options = "".join(f'<option value="{h(d.code)}">อำเภอ{h(d.name)}</option>' for d in province.districts)
    return (
        '<section class="tn-village" aria-labelledby="my-village" data-pagefind-ignore>'
        '<h2 id="my-village">อช. หมู่บ้านของฉัน</h2>'
        '<p>เลือกอำเภอ ตำบล และหมู่บ้าน เพื่อดูรายชื่อ อช. ของหมู่บ้าน ผู้นำ อช. ของตำบล และเบอร์โทรสำนักงาน</p>'
        f'<form class="tn-village__form" data-base="{h(DATA_DIR)}" onsubmit="return false">'
        f'<p><label for="tn-village-district">อำเภอ</label> <select id="tn-village-district" name="district">'
        f'<option value="">— เลือกอำเภอ —</option>{options}</select></p>'
        '<p><label for="tn-village-subdistrict">ตำบล</label> <select id="tn-village-subdistrict" name="subdistrict" disabled>'
        '<option value="">— เลือกอำเภอก่อน —</option></select></p>'
        '<p><label for="tn-village-village">หมู่บ้าน</label> <select id="tn-village-village" name="village" disabled>'
        '<option value="">— เลือกตำบลก่อน —</option></select></p>'
        '<p><label for="tn-village-q">หรือพิมพ์ชื่อหมู่บ้าน</label> <input type="search" id="tn-village-q" name="q" '
        'placeholder="เช่น นาแก" autocomplete="off" enterkeyhint="search" aria-controls="tn-village-matches"></p>'
        '</form>'
        '<ul class="tn-village__matches" id="tn-village-matches" aria-label="หมู่บ้านที่ตรงกับชื่อที่พิมพ์"></ul>'
        '<div class="tn-village__status" role="status" aria-live="polite"></div>'
        '<div class="tn-village__card"></div>'
        '<noscript><p>ส่วนนี้ต้องใช้ JavaScript — ดูรายชื่อได้ที่หน้าของแต่ละอำเภอด้านล่าง</p></noscript>'
        '</section>')
