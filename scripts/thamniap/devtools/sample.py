"""Fictional sample data (seeded, deterministic) and scaffolds for new districts.

No real roster is available to us, so every district ships with generated people. Every file
written here says `sample: true`, and every page that shows it says "ข้อมูลตัวอย่าง". Places
(provinces, districts, subdistricts) are real and come from geothai; people and villages are not.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from thamniap.core import geography
from thamniap.load.layout import (DISTRICT_FILES, PROVINCE_FILES, ROSTER_DIR, DataFile, expected_schema_header,
                                  roster_file_name, roster_head, slugify)
from thamniap.core.dates import add_years
from thamniap.write.files import replace_files
from thamniap.write.style import file_text

MALE = ("สมชาย สมศักดิ์ ประเสริฐ บุญมี สมบัติ วิชัย สุรชัย ธนพล อนุชา ชัยวัฒน์ ประยุทธ สมพงษ์ "
        "บุญเลิศ ทองดี สุริยา วีระ เกียรติศักดิ์ ณรงค์ พิชิต สายัณห์ มานพ อำนาจ ศักดิ์ชัย ปัญญา "
        "เสกสรร คำพอง บัวผัน สมหมาย ธีระ ยุทธนา").split()
FEMALE = ("สมศรี มาลี บุญเรือง สุดา วันเพ็ญ ประภา รัตนา จันทร์เพ็ญ สายทอง นงลักษณ์ ดวงใจ พิมพ์ใจ "
          "อรุณี บัวลี ศรีสุดา คำปุ่น แสงเดือน ทองใบ สุภาพร กาญจนา ละเอียด อำไพ เพ็ญศรี วาสนา "
          "นิตยา ลำดวน จำปา ดารุณี ปราณี สมใจ").split()
LAST = ("ใจดี แสงทอง ศรีสุข บุญมา พรหมวงศ์ ทองคำ สีดา คำภา จันทร์หอม ภูมิใจ ศรีเมือง พันธ์ดี "
        "ชัยสงค์ บุญเรือง แก้วมณี สุขสวัสดิ์ ทองสุข ศรีวงษ์ คำแสน จันทะวงศ์ พลเยี่ยม แสนสุข "
        "อินทร์แก้ว มณีวงศ์ ศรีภูมิ คำมูล บุตรดี ทองมา สุวรรณศรี วงศ์ใหญ่ ผาสุข ดวงแก้ว "
        "โพธิ์ศรี ชาวนา นาคำ หอมจันทร์ สิงห์คำ ทองแดง ภูผา เลิศล้ำ").split()
VILLAGE = ("นาอ้อ โนนสว่าง หนองบัว ห้วยทราย โคกใหญ่ นาดี ท่าสะอาด โพนทอง หัวนา ดอนแก้ว "
           "ห้วยหินลาด นาซ่าว ผาน้อย โนนงาม หนองผือ ป่าม่วง นาเจริญ ท่าบม ห้วยม่วง กกโพธิ์ "
           "นาโป่ง หนองหมากแก้ว วังยาง ทุ่งใหญ่ ภูป่าไผ่ ห้วยเดื่อ นาแก โคกสะอาด ศรีสงคราม "
           "หนองแซง").split()
RANKS = (("ว่าที่ร้อยตรี", "ชาย"), ("สิบเอก", "ชาย"), ("ว่าที่ร้อยตรีหญิง", None))

CLUB_TERM = (dt.date(2023, 10, 1), dt.date(2027, 9, 30))   # fiscal years 2567–2570
DEADLINE = dt.date(2024, 1, 24)
MEETING_ID = "2567-anniversary-55-prep"
ROUND_ID = "2567-club-update"


@dataclass
class Scale:
    villages: tuple[int, int]        # per subdistrict (min, max)
    volunteers: tuple[int, int]      # per village (min, max)
    provinces: tuple[str, ...] | None  # None: every province in geothai


SCALES = {
    "loei": Scale((8, 12), (4, 6), ("42",)),
    "national": Scale((10, 10), (4, 4), None),
}


def _file(folder: Path, name: str, kind_files: dict, province_dir: Path, district_dir: Path | None,
          doc: dict) -> tuple[Path, str]:
    """(path, text) of one data file: its schema header, then DOC in the house style."""
    path = folder / name
    header = expected_schema_header(DataFile(kind_files[name], path, str(path), province_dir, district_dir))
    return path, file_text(header, doc)


def district_files(ddir: Path, pdir: Path, docs: dict) -> dict[Path, str]:
    """A district's files; DOCS["roster"] (the whole district's roster) as one file per subdistrict."""
    out = {}
    for name, doc in docs.items():
        if name == "roster":
            out.update(roster_files(ddir, pdir, doc))
        else:
            path, text = _file(ddir, name, DISTRICT_FILES, pdir, ddir, doc)
            out[path] = text
    return out


def roster_files(ddir: Path, pdir: Path, doc: dict) -> dict[Path, str]:
    """roster/<code>-<slug>.yaml for each subdistrict of DOC ({"sample", "subdistricts"}), each named
    in its comment lines (layout.roster_head), as split-roster writes them."""
    out = {}
    for sub in doc["subdistricts"]:
        path = ddir / ROSTER_DIR / roster_file_name(sub["code"])
        header = expected_schema_header(DataFile("roster", path, str(path), pdir, ddir, sub["code"]))
        out[path] = file_text(roster_head(header, sub["code"]), {"sample": doc["sample"], **sub})
    return out


def _iso(day: dt.date) -> str:
    return day.isoformat()



class PeopleMaker:
    """Makes fictional people with ids `<district>-<nnnn>`; names are unique in the province
    (USED is shared by its districts) so the sample does not trip the duplicate-name rules."""

    def __init__(self, rng: random.Random, district_code: str, used: set):
        self.rng, self.code, self.n, self.used = rng, district_code, 0, used

    def _name(self, sex: str) -> tuple[str, str]:
        rng = self.rng
        for attempt in range(40):
            first = rng.choice(MALE if sex == "ชาย" else FEMALE)
            # two-part surnames widen the name space for large provinces
            last = rng.choice(LAST) if attempt < 4 else rng.choice(LAST) + rng.choice(LAST)
            if (first, last) not in self.used:
                break
        self.used.add((first, last))
        return first, last

    def person(self, sex: str, role: str, start: dt.date, end: dt.date) -> dict:
        self.n += 1
        first, last = self._name(sex)
        person: dict = {"id": f"{self.code}-{self.n:04d}"}
        roll = self.rng.random()
        if roll < 0.02:
            title, _ = RANKS[0] if sex == "ชาย" else RANKS[2]
            person.update(title=title, first_name=first, last_name=last, sex=sex)
        else:
            title = "นาย" if sex == "ชาย" else ("นาง" if roll < 0.6 else "นางสาว")
            person.update(title=title, first_name=first, last_name=last)
        person["roles"] = [{"role": role, "start": _iso(start), "end": _iso(end)}]
        return person


def _volunteer_term(rng: random.Random) -> tuple[dt.date, dt.date]:
    start = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 3 * 365))
    return start, add_years(start, 4) - dt.timedelta(days=1)


def team(province_code: str, name: str, org: str | None = None) -> str:
    """A maintainers team, ORG/NAME: the project's organisation (mkdocs.yml's repo_url) when given,
    else the sample's (loei-cdd for Loei, cdd-<code> for another province)."""
    return f"{org or ('loei-cdd' if province_code == '42' else f'cdd-{province_code}')}/{name}"


def _subdistrict_docs(code: str, rng: random.Random, scale: Scale, index: int,
                      people: PeopleMaker) -> tuple[list[dict], list[dict], list[dict]]:
    """The roster of each subdistrict of district CODE, and all its leaders and all its volunteers."""
    subdistricts = []
    leaders_all: list[dict] = []
    volunteers_all: list[dict] = []
    short_village = index % 3 == 1          # deliberate gap: one village with 3 อช.
    for s_i, sub in enumerate(geography.subdistricts(code)):
        leaders = [people.person(sex, "ผู้นำ อช.", *CLUB_TERM) for sex in ("ชาย", "หญิง")]
        if index % 7 == 3 and s_i == 0:     # deliberate gap: a subdistrict with one leader
            leaders = leaders[:1]
        leaders_all += leaders
        villages = []
        names = rng.sample(VILLAGE, k=min(len(VILLAGE), scale.villages[1]))
        for moo in range(1, rng.randint(*scale.villages) + 1):
            n = rng.randint(*scale.volunteers)     # drawn even when replaced: the same data follows
            if short_village and s_i == 0 and moo == 1:
                n = 3
            sexes = ["ชาย" if i % 2 == 0 else "หญิง" for i in range(n)]
            rng.shuffle(sexes)
            volunteers = [people.person(sex, "อช.", *_volunteer_term(rng)) for sex in sexes]
            volunteers_all += volunteers
            villages.append({"moo": moo, "name": "บ้าน" + names[(moo - 1) % len(names)], "volunteers": volunteers})
        subdistricts.append({"code": sub.code, "name": sub.name_th, "leaders": leaders, "villages": villages})
    return subdistricts, leaders_all, volunteers_all


def district_docs(code: str, rng: random.Random, scale: Scale, index: int, count: int,
                  used: set | None = None, org: str | None = None) -> dict[str, dict]:
    """The four documents of one fictional district."""
    d = geography.district(code)
    people = PeopleMaker(rng, code, set() if used is None else used)
    subdistricts, leaders_all, volunteers_all = _subdistrict_docs(code, rng, scale, index, people)

    officials = [
        {"id": f"{code}-s1", "title": "นาย", "first_name": rng.choice(MALE), "last_name": rng.choice(LAST),
         "position": "พัฒนาการอำเภอ" + d.name_th},
        {"id": f"{code}-s2", "title": "นางสาว", "first_name": rng.choice(FEMALE), "last_name": rng.choice(LAST),
         "position": "นักวิชาการพัฒนาชุมชนชำนาญการ", "responsible_for_volunteers": True},
    ]
    district = {
        "sample": True,
        "district": {"code": code, "name": d.name_th},
        "office": {"name": f"สำนักงานพัฒนาชุมชนอำเภอ{d.name_th}",
                   "address": f"ที่ว่าการอำเภอ{d.name_th} จังหวัด{geography.province(code[:2]).name_th}"},
        "officials": officials,
        "maintainers": [team(code[:2], f"district-{code}", org)],
    }

    holders = leaders_all + volunteers_all
    seats = ["ประธาน", "รองประธาน", "รองประธาน", "เลขานุการ", "เหรัญญิก", "ประชาสัมพันธ์"]
    seats += ["กรรมการ"] * max(2, min(8, len(leaders_all) - len(seats)))
    posts = []
    for i, post in enumerate(seats):
        if index % 5 == 1 and post == "ประชาสัมพันธ์":   # deliberate gap: a vacant post
            posts.append({"post": post, "vacant": True})
        else:
            posts.append({"post": post, "holder": holders[i]["id"], "since": _iso(CLUB_TERM[0] + dt.timedelta(days=14))})
    if index == count - 1:
        confirmed = None                                  # deliberate gap: not confirmed yet
    elif index % 4 == 2:
        confirmed = _iso(DEADLINE + dt.timedelta(days=rng.randint(3, 6)))   # confirmed late
    else:
        confirmed = _iso(DEADLINE - dt.timedelta(days=rng.randint(0, 12)))
    club = {
        "sample": True,
        "club": {
            "kind": "ชมรม",
            "name": f"ชมรมผู้นำอาสาพัฒนาชุมชนอำเภอ{d.name_th}",
            "term": {"start": _iso(CLUB_TERM[0]), "end": _iso(CLUB_TERM[1])},
            "appointment": {"order_no": f"{rng.randint(1, 40)}/2566", "date": _iso(dt.date(2023, 10, rng.randint(2, 13))),
                            "by": f"นายอำเภอ{d.name_th}"},
            "confirmations": [{"round": ROUND_ID, "date": confirmed}] if confirmed else [],
            "posts": posts,
        },
    }
    nominations = []
    if index != count - 1:                                # the unconfirmed district has not nominated either
        nominations.append({"meeting": MEETING_ID,
                            "representatives": [holders[0]["id"], holders[3]["id"]],
                            "officials": [f"{code}-s2"],
                            "submitted_on": _iso(dt.date(2024, 1, rng.randint(8, 12)))})
    meeting = {"sample": True, "nominations": nominations}
    roster = {"sample": True, "subdistricts": subdistricts}
    return {"district.yaml": district, "club.yaml": club, "roster": roster, "meeting.yaml": meeting}


def province_docs(code: str, district_presidents: list[str], rng: random.Random,
                  org: str | None = None) -> dict[str, dict]:
    p = geography.province(code)
    loei = code == "42"
    office = {"name": f"สำนักงานพัฒนาชุมชนจังหวัด{p.name_th}", "unit": "กลุ่มงานส่งเสริมการพัฒนาชุมชน"}
    if loei:  # real, from the circular's letterhead and issuing unit
        office.update(address="ศาลากลางจังหวัดเลย ถนนมลิวรรณ อำเภอเมืองเลย จังหวัดเลย 42000", phone="0 4241 1773")
    province = {
        "sample": not loei,
        "province": {"code": code, "name": p.name_th},
        "office": office,
        "maintainers": [team(code, "province-admins", org)],
        "rounds": [{"id": ROUND_ID, "title": "ทบทวน ปรับปรุงโครงสร้างสมาคม/ชมรม ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.) ให้เป็นปัจจุบัน",
                    "opens": "2024-01-05", "deadline": _iso(DEADLINE)}],
        "meetings": [{"id": MEETING_ID,
                      "title": "ประชุมเตรียมความพร้อมในการจัดงานเนื่องในวาระครบรอบ 55 ปี โครงการพัฒนาผู้นำอาสาพัฒนาชุมชน",
                      "date": "2024-01-15", "time": "09:00",
                      "place": "ห้องประชุมภูเรือ ศาลากลางจังหวัดเลย ชั้น 4 (หลังใหม่) อำเภอเมืองเลย จังหวัดเลย",
                      "representatives_per_district": 2, "officials_per_district": 1}],
    }
    if loei:
        province["circular"] = {"number": "ลย ๐๐๑๙.๓/วส๒", "date": "2024-01-05",
                                "subject": "ชักซ้อมแนวทางการสนับสนุนการดำเนินงานอาสาพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ.๒๕๖๗",
                                "signed_by": "นายบุญเต็ม เรณูมาศ รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดเลย"}
    seats = ["ประธาน", "รองประธาน", "เลขานุการ", "เหรัญญิก", "ประชาสัมพันธ์"] + ["กรรมการ"] * 9
    posts = [{"post": post, "holder": pid, "since": "2023-11-01"} for post, pid in zip(seats, district_presidents)]
    club = {"sample": True, "club": {
        "kind": "สมาคม", "name": f"สมาคมผู้นำอาสาพัฒนาชุมชนจังหวัด{p.name_th}",
        "registration_no": f"ตัวอย่าง {rng.randint(1, 99):02d}/2556",
        "term": {"start": _iso(CLUB_TERM[0]), "end": _iso(CLUB_TERM[1])},
        "appointment": {"order_no": f"{rng.randint(100, 999)}/2566", "date": "2023-10-20", "by": f"ผู้ว่าราชการจังหวัด{p.name_th}"},
        "confirmations": [{"round": ROUND_ID, "date": "2024-01-22"}], "posts": posts}}
    return {"province.yaml": province, "club.yaml": club}


def generate(out: Path, scale: str | Scale = "loei", seed: int = 2567,
             only_districts: tuple[str, ...] | None = None, org: str | None = None) -> dict:
    """Write sample provinces under OUT (existing sample files are overwritten).

    ONLY_DISTRICTS limits the districts written (used for the small test fixture dataset).
    """
    spec = SCALES[scale] if isinstance(scale, str) else scale
    codes = spec.provinces or tuple(p.code for p in geography.provinces())
    stats = dict(provinces=0, districts=0, subdistricts=0, villages=0, people=0)
    for pcode in codes:
        p = geography.province(pcode)
        pdir = out / f"{pcode}-{slugify(p.name_en)}"
        districts = [d for d in geography.districts(pcode) if only_districts is None or d.code in only_districts]
        presidents = []
        used: set = set()
        for i, d in enumerate(districts):
            rng = random.Random(f"{seed}-{d.code}")
            ddir = pdir / f"{d.code}-{slugify(d.name_en)}"
            docs = district_docs(d.code, rng, spec, i, len(districts), used, org)
            replace_files(district_files(ddir, pdir, docs))
            president = next(p for p in docs["club.yaml"]["club"]["posts"] if p["post"] == "ประธาน")
            presidents.append(president["holder"])
            subs = docs["roster"]["subdistricts"]
            stats["districts"] += 1
            stats["subdistricts"] += len(subs)
            stats["villages"] += sum(len(s["villages"]) for s in subs)
            stats["people"] += sum(len(s["leaders"]) + sum(len(v["volunteers"]) for v in s["villages"]) for s in subs)
        replace_files(dict(_file(pdir, name, PROVINCE_FILES, pdir, None, doc)
                           for name, doc in province_docs(pcode, presidents, random.Random(f"{seed}-{pcode}"), org).items()))
        stats["provinces"] += 1
    return stats


def scaffold_district(root: Path, code: str, org: str | None = None) -> Path:
    """Create an empty district folder from geothai; the district then fills in people and posts."""
    d = geography.district(code)
    if d is None:
        raise ValueError(f"ไม่พบรหัสอำเภอ {code} ในทะเบียนกรมการปกครอง (geothai)")
    p = geography.province(code[:2])
    pdir = root / f"{p.code}-{slugify(p.name_en)}"
    ddir = pdir / f"{code}-{slugify(d.name_en)}"
    if ddir.exists():
        raise FileExistsError(f"มีโฟลเดอร์ {ddir} อยู่แล้ว")
    files: dict[Path, str] = {}
    if not (pdir / "province.yaml").exists():
        for name, doc in province_docs(p.code, [], random.Random(0), org).items():
            doc["sample"] = False
            if name == "club.yaml":
                doc["club"].update(kind="ชมรม", name=f"ชมรมผู้นำอาสาพัฒนาชุมชนจังหวัด{p.name_th}", confirmations=[],
                                   posts=[{"post": "ประธาน", "vacant": True}])
                doc["club"].pop("registration_no")
                doc["club"].pop("appointment")
            path, text = _file(pdir, name, PROVINCE_FILES, pdir, None, doc)
            files[path] = text
    docs = {
        "district.yaml": {"sample": False, "district": {"code": code, "name": d.name_th},
                          "office": {"name": f"สำนักงานพัฒนาชุมชนอำเภอ{d.name_th}"},
                          "officials": [], "maintainers": []},
        "club.yaml": {"sample": False, "club": {
            "kind": "ชมรม", "name": f"ชมรมผู้นำอาสาพัฒนาชุมชนอำเภอ{d.name_th}",
            "term": {"start": _iso(CLUB_TERM[0]), "end": _iso(CLUB_TERM[1])}, "confirmations": [],
            "posts": [{"post": post, "vacant": True} for post in ("ประธาน", "รองประธาน", "เลขานุการ", "เหรัญญิก")]}},
        "roster": {"sample": False, "subdistricts": [
            {"code": s.code, "name": s.name_th, "leaders": [], "villages": []} for s in geography.subdistricts(code)]},
        "meeting.yaml": {"sample": False, "nominations": []},
    }
    replace_files({**files, **district_files(ddir, pdir, docs)})      # all the new files, or none
    return ddir
