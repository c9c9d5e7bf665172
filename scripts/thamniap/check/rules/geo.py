"""Rules about places: codes exist in geothai, folders match codes, names match the official ones."""
from __future__ import annotations

from pathlib import PurePath

from thamniap.core import geography
from thamniap.core.diagnostics import Severity
from thamniap.load.layout import ROSTER_DIR, display_path, roster_file_name, slugify
from thamniap.model import Where
from thamniap.check.rules import Context, Finding, rule


@rule("geo.unknown-code", Severity.ERROR,
      "รหัสจังหวัดและอำเภอมีในรายชื่อทางการ (geothai) และอำเภออยู่ในจังหวัดนั้น")
def codes_exist_in_geothai(ctx: Context):
    """Province and district codes exist in the official list (geothai) and the district is in its province."""
    for province in ctx.provinces:
        if province.where and geography.province(province.declared_code) is None:
            yield Finding(province.where, f"ไม่พบรหัสจังหวัด `{province.declared_code}` ในทะเบียนกรมการปกครอง",
                          "ตรวจรหัสจังหวัด 2 หลัก เช่น เลย คือ \"42\"",
                          f"province code `{province.declared_code}` does not exist",
                          "check the 2-digit province code, e.g. Loei is `42`")
    for province, district in ctx.districts():
        if district.where is None:
            continue
        code = district.declared_code
        if geography.district(code) is None or code[:2] != province.code:
            yield Finding(district.where, f"ไม่พบรหัสอำเภอ `{code}` ในจังหวัดรหัส {province.code}",
                          "ตรวจรหัสอำเภอ 4 หลัก (2 หลักแรกคือรหัสจังหวัด)",
                          f"district code `{code}` is not a district of province {province.code}",
                          "check the 4-digit district code (its first 2 digits are the province code)")


@rule("geo.folder-code", Severity.ERROR,
      "โฟลเดอร์จังหวัดหรืออำเภอชื่อแบบ `<รหัส>-<ชื่ออังกฤษ>` และรหัสตรงกับที่เขียนในไฟล์")
def folder_matches_code(ctx: Context):
    """A province or district folder is named `<code>-<slug>` with the code written in its file."""
    for province in ctx.provinces:
        if province.where and province.declared_code != province.code:
            yield Finding(province.where, f"รหัสจังหวัด `{province.declared_code}` ไม่ตรงกับชื่อโฟลเดอร์ "
                          f"`{province.folder.name}`", "แก้รหัสในไฟล์หรือชื่อโฟลเดอร์ให้ตรงกัน",
                          f"province code `{province.declared_code}` does not match its folder `{province.folder.name}`",
                          "make the code in the file and the folder name agree")
    for province, district in ctx.districts():
        if district.where and district.declared_code != district.code:
            yield Finding(district.where, f"รหัสอำเภอ `{district.declared_code}` ไม่ตรงกับชื่อโฟลเดอร์ "
                          f"`{district.folder.name}`", "แก้รหัสในไฟล์หรือชื่อโฟลเดอร์ให้ตรงกัน",
                          f"district code `{district.declared_code}` does not match its folder `{district.folder.name}`",
                          "make the code in the file and the folder name agree")
        official = geography.district(district.code)
        if official is not None:
            expected = f"{official.code}-{slugify(official.name_en)}"
            if district.folder.name != expected:
                yield Finding(Where(district.files.get("district", str(district.folder))),
                              f"ชื่อโฟลเดอร์ `{district.folder.name}` ไม่ตรงกับชื่อทางการ `{expected}`",
                              f"เปลี่ยนชื่อโฟลเดอร์เป็น `{expected}`",
                              f"folder `{district.folder.name}` differs from the official name `{expected}`",
                              f"rename the folder to `{expected}`")


@rule("geo.subdistrict-in-district", Severity.ERROR,
      "รหัสตำบลในทำเนียบมีอยู่จริงและอยู่ในอำเภอนั้น แต่ละตำบลมีไฟล์เดียว")
def subdistrict_belongs_to_district(ctx: Context):
    """Every subdistrict code in a roster exists and belongs to that district; each is in one file only."""
    for _, district in ctx.districts():
        seen: dict[str, str] = {}
        for sub in district.subdistricts or []:
            if sub.code[:4] != district.code or geography.subdistrict(sub.code) is None:
                names = ", ".join(f"{s.code} {s.name_th}" for s in geography.subdistricts(district.code))
                yield Finding(sub.where, f"ตำบลรหัส `{sub.code}` ไม่ใช่ตำบลของอำเภอรหัส {district.code}",
                              f"ตำบลของอำเภอนี้: {names}", f"subdistrict `{sub.code}` is not in district {district.code}",
                              f"subdistricts of this district: {names}")
            elif sub.code in seen:
                yield Finding(sub.where, f"ตำบลรหัส `{sub.code}` ({sub.name}) มีสองไฟล์: `{seen[sub.code]}` และไฟล์นี้",
                              "ย้ายรายชื่อในไฟล์นี้ไปรวมในไฟล์แรก แล้วลบไฟล์นี้ (หนึ่งตำบลหนึ่งไฟล์)",
                              f"subdistrict `{sub.code}` ({sub.name}) is in two files: `{seen[sub.code]}` and this one",
                              "move this file's people into the first file and delete this one (one file per subdistrict)")
            seen.setdefault(sub.code, sub.file)


@rule("geo.roster-file-name", Severity.ERROR,
      "ชื่อไฟล์ทำเนียบของตำบลคือ `<รหัสตำบล>-<ชื่อภาษาอังกฤษทางการ>.yaml` และรหัสตรงกับ `code:` ในไฟล์")
def roster_file_named_for_its_subdistrict(ctx: Context):
    """A roster file is named `<code>-<official English slug>.yaml` for the subdistrict it holds."""
    for _, district in ctx.districts():
        names = dict((path, code) for code, path in district.roster_files)
        for sub in district.subdistricts or []:
            official = geography.subdistrict(sub.code)
            if official is None or sub.code[:4] != district.code:
                continue              # geo.subdistrict-in-district says so
            expected = roster_file_name(official.code)
            name = PurePath(sub.file).name
            if name == expected:
                continue
            if names.get(sub.file) != sub.code:
                message = (f"ไฟล์ `{name}` เก็บตำบล{official.name_th} รหัส `{sub.code}` แต่ชื่อไฟล์เป็นรหัสอื่น")
                message_en = f"file `{name}` holds subdistrict {sub.code} but its name gives another code"
            else:
                message = f"ชื่อไฟล์ `{name}` ไม่ตรงกับชื่อทางการของตำบล{official.name_th}"
                message_en = f"file name `{name}` differs from the official name of subdistrict {sub.code}"
            yield Finding(Where(sub.file, 0, 0), message,
                          f"เปลี่ยนชื่อไฟล์เป็น `{expected}` (ถ้า `code:` ในไฟล์ผิด ให้แก้ `code:` แทน)",
                          message_en, f"rename the file to `{expected}` (or fix `code:` if that is wrong)")


@rule("geo.missing-subdistrict", Severity.WARNING,
      "ทำเนียบมีไฟล์ครบทุกตำบลของอำเภอ (ตามรายชื่อทางการจาก geothai)")
def every_subdistrict_listed(ctx: Context):
    """The roster has a file for every subdistrict of its district (official list from geothai)."""
    for _, district in ctx.districts():
        if district.subdistricts is None and not district.roster_files:
            continue                  # no roster folder: layout.missing-file says so
        listed = {s.code for s in district.subdistricts or []} | {code for code, _ in district.roster_files}
        folder = display_path(district.folder / ROSTER_DIR)
        for official in geography.subdistricts(district.code):
            if official.code not in listed:
                name = roster_file_name(official.code)
                yield Finding(Where(folder, 0, 0),
                              f"ยังไม่มีไฟล์ทำเนียบของตำบล{official.name_th} (รหัส {official.code})",
                              f"สร้างไฟล์ `{ROSTER_DIR}/{name}` ที่มี `code: \"{official.code}\"`, "
                              f"`name: {official.name_th}` พร้อมผู้นำ อช. (`leaders:`) และหมู่บ้าน (`villages:`) "
                              "(ดูไฟล์ของตำบลอื่นในโฟลเดอร์เดียวกันเป็นตัวอย่าง)",
                              f"no roster file for subdistrict `{official.name_th}` ({official.code})",
                              f"create `{ROSTER_DIR}/{name}` with `code: \"{official.code}\"`, `name:`, "
                              "`leaders:` and `villages:`")


@rule("geo.official-name", Severity.ERROR,
      "ชื่อจังหวัด อำเภอ และตำบล สะกดตรงตามรายชื่อทางการ (geothai)")
def names_match_official(ctx: Context):
    """Province, district and subdistrict names are spelt exactly as in the official list (geothai).

    An error, not a warning: these names reach every page title and the navigation, so only the
    official spelling may be published (issue 9: a name carrying markup ran script on every page)."""
    for province in ctx.provinces:
        official = geography.province(province.declared_code)
        if province.where and official and province.name != official.name_th:
            yield Finding(province.where, f"ชื่อจังหวัด `{province.name}` ไม่ตรงกับชื่อทางการ `{official.name_th}`",
                          f"แก้เป็น `{official.name_th}`",
                          f"province name `{province.name}` differs from the official `{official.name_th}`",
                          f"write `{official.name_th}`")
    for _, district in ctx.districts():
        official = geography.district(district.declared_code)
        if district.where and official and district.name != official.name_th:
            yield Finding(district.where, f"ชื่ออำเภอ `{district.name}` ไม่ตรงกับชื่อทางการ `{official.name_th}`",
                          f"แก้เป็น `{official.name_th}`",
                          f"district name `{district.name}` differs from the official `{official.name_th}`",
                          f"write `{official.name_th}`")
        for sub in district.subdistricts or []:
            official_sub = geography.subdistrict(sub.code)
            if official_sub and sub.name != official_sub.name_th:
                yield Finding(sub.where, f"ชื่อตำบล `{sub.name}` ไม่ตรงกับชื่อทางการ `{official_sub.name_th}`",
                              f"แก้เป็น `{official_sub.name_th}`",
                              f"subdistrict name `{sub.name}` differs from the official `{official_sub.name_th}`",
                              f"write `{official_sub.name_th}`")


@rule("geo.office-location", Severity.ERROR,
      "ตำแหน่งสำนักงานบนแผนที่ (location: ละติจูด, ลองจิจูด) อยู่ในจังหวัดของสำนักงาน")
def office_location_in_province(ctx: Context):
    """An office's map position (location: lat, lon) lies inside its province (a rough box)."""
    offices = [(p, p.office) for p in ctx.provinces] + [(p, d.office) for p, d in ctx.districts()]
    for province, office in offices:
        box = geography.PROVINCE_BOXES.get(province.code)
        position = office.position if office else None
        if box is None or position is None or office.location_where is None:
            continue
        lat, lon = position
        if box.holds(lat, lon):
            continue
        area = (f"ละติจูด {box.south:g}–{box.north:g} และลองจิจูด {box.west:g}–{box.east:g}")
        area_en = f"latitude {box.south:g}–{box.north:g} and longitude {box.west:g}–{box.east:g}"
        if box.holds(lon, lat):
            first, second = (part.strip() for part in office.location.split(",", 1))
            fix = f"ละติจูดกับลองจิจูดสลับกัน: แก้เป็น `{second}, {first}` (ละติจูดก่อน)"
            fix_en = f"latitude and longitude are swapped: write `{second}, {first}` (latitude first)"
        else:
            fix = ("คัดลอกตำแหน่งจาก OpenStreetMap: คลิกขวาที่สำนักงาน เลือก แสดงที่อยู่ "
                   "แล้วคัดลอกตัวเลขแบบ `ละติจูด, ลองจิจูด`")
            fix_en = ("copy the position from OpenStreetMap: right-click the office, choose Show address "
                      "and copy the numbers as `latitude, longitude`")
        yield Finding(office.location_where,
                      f"ตำแหน่งของ{office.name} `{office.location}` อยู่นอกจังหวัด{province.name} "
                      f"(จังหวัด{province.name}อยู่ราว{area})", fix,
                      f"the position `{office.location}` of {office.name} lies outside province {province.code} "
                      f"(which lies at about {area_en})", fix_en)
