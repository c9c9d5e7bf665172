"""What an editor typed where an id belongs (a seat's holder, a nominee): model.resolve_person finds
the person, or the people it probably means; next_free_id gives a new person's id."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thamniap.check.rules import Context
from thamniap.check.rules.roster import person_id_unique
from thamniap.model import District, Person, Province, Subdistrict, Village, Where, next_free_id, resolve_person


def person(pid: str, title: str, first: str, last: str, line: int, listed_as: str = "volunteer") -> Person:
    return Person(pid, title, first, last, None, [], Where("roster.yaml", line, 5), district_code="4209",
                  subdistrict_code="420901", moo=3 if listed_as == "volunteer" else None, listed_as=listed_as)


THONGDI = person("4209-0395", "นาย", "ทองดี", "ภูมิใจอินทร์แก้ว", 120)
SOMSRI_1 = person("4209-0010", "นาง", "สมศรี", "ใจดี", 30, "leader")
SOMSRI_2 = person("4209-0411", "นางสาว", "สมศรี", "ใจดี", 400)
OFFICIAL = person("4209-s1", "นาง", "พรทิพย์", "แสงทอง", 9, "official")


def district() -> District:
    d = District("4209", Path("4209-wang-saphung"), "wang-saphung", name="วังสะพุง", officials=[OFFICIAL])
    d.subdistricts = [Subdistrict("420901", "วังสะพุง", [SOMSRI_1],
                                  [Village(3, "บ้านนาดี", [THONGDI, SOMSRI_2], Where("roster.yaml", 100, 3))],
                                  Where("roster.yaml", 5, 3))]
    return d


CASES = [
    # (typed, exact id or None, candidate ids)
    ("4209-0395", "4209-0395", ()),                                   # the id itself
    ("4209-s1", "4209-s1", ()),                                       # an official's id
    ("นายทองดี ภูมิใจอินทร์แก้ว", None, ("4209-0395",)),              # the name with its title glued on
    ("ทองดี ภูมิใจอินทร์แก้ว", None, ("4209-0395",)),                 # without a title
    ("นาย ทองดี  ภูมิใจอินทร์แก้ว", None, ("4209-0395",)),            # title apart, two spaces
    ("ทองดี ภูมิใจอินทร์เเก้ว", None, ("4209-0395",)),                # เเ typed for แ
    ("ทองดีภูมิใจอินทร์แก้ว", None, ("4209-0395",)),                  # no space between the names
    ("๔๒๐๙-๐๓๙๕", None, ("4209-0395",)),                              # the id in Thai digits
    ("ทองดี", None, ("4209-0395",)),                                  # a first name alone
    ("สมศรี ใจดี", None, ("4209-0010", "4209-0411")),                 # two people of one name
    ("นางสาวสมศรี ใจดี", None, ("4209-0010", "4209-0411")),           # the title does not decide
    ("สมชาย ไม่มีชื่อ", None, ()),                                     # nobody
    ("4209-9999", None, ()),                                          # an id nobody has
    ("ว่าง", None, ()),
]


@pytest.mark.parametrize("typed,exact,candidates", CASES)
def test_resolve_person(typed, exact, candidates):
    found = resolve_person(district(), typed)
    assert (found.exact.id if found.exact else None) == exact
    assert tuple(p.id for p in found.candidates) == candidates


def test_resolve_in_a_province_and_in_a_list():
    province = Province("42", Path("42-loei"), "loei", name="เลย", districts=[district()])
    assert resolve_person(province, "ทองดี ภูมิใจอินทร์แก้ว").candidates == (THONGDI,)
    # a nominee's representatives come from the roster only: officials are not candidates
    assert resolve_person([THONGDI], "นางพรทิพย์ แสงทอง").candidates == ()


@pytest.mark.parametrize("ids,prefix,expected", [
    ((), "4209", "4209-0001"),
    (("4209-0001", "4209-0411", "4209-s1", "4210-0900"), "4209", "4209-0412"),
    (("4209-12345",), "4209", "4209-12346"),
])
def test_next_free_id(ids, prefix, expected):
    people = [person(pid, "นาย", "ก", "ข", 1) for pid in ids]
    assert next_free_id(people, prefix) == expected


def test_duplicate_id_error_is_on_the_new_line_with_the_next_free_id():
    """The later person in file order is the new one: the error stands on their line."""
    newcomer = person("4209-0395", "นาง", "บัวผัน", "ศรีสุข", 480)
    d = district()
    d.subdistricts[0].villages[0].volunteers.append(newcomer)
    province = Province("42", Path("42-loei"), "loei", name="เลย", districts=[d])
    findings = list(person_id_unique(Context([province], dt.date(2024, 3, 1))))
    assert [f.where.line for f in findings] == [480]
    assert "`4209-0412`" in findings[0].hint and "`4209-0412`" in findings[0].hint_en
    assert findings[0].related == ((120, 5),)
