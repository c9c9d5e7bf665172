"""Rules about a person's title and sex."""
from __future__ import annotations

from thamniap.core.names import is_known_title, title_sex
from thamniap.core.diagnostics import Severity
from thamniap.check.rules import Context, Finding, rule


def _everyone(ctx: Context):
    for province in ctx.provinces:
        if ctx.focus is None:
            yield from province.officials
    for _, district in ctx.districts():
        yield from district.officials
        yield from district.people()


@rule("person.unknown-title", Severity.WARNING,
      "คำนำหน้าเป็นคำที่ใช้กันทั่วไป (นาย นาง นางสาว ยศ ตำแหน่งทางวิชาการ)")
def title_is_known(ctx: Context):
    """A title prefix is one of the usual ones (นาย, นาง, นางสาว, ranks, academic titles)."""
    for person in _everyone(ctx):
        if not is_known_title(person.title):
            yield Finding(person.where, f"ไม่รู้จักคำนำหน้านาม `{person.title}` ของ {person.first_name} {person.last_name}",
                          "ใช้ นาย นาง นางสาว หรือยศ/ตำแหน่งเต็ม ถ้าถูกต้องแล้วให้ใส่ sex ด้วย",
                          f"unknown title `{person.title}` of {person.first_name} {person.last_name}",
                          "use นาย, นาง, นางสาว or a full rank/title; if it is right, add `sex:` as well")


@rule("person.sex-required", Severity.ERROR,
      "ระบุ `sex` เมื่อคำนำหน้าไม่บอกเพศ (ยศ ตำแหน่งทางวิชาการ)")
def sex_given_when_title_silent(ctx: Context):
    """`sex` is given when the title does not settle it (ranks, academic titles)."""
    for person in _everyone(ctx):
        if person.sex is None:
            yield Finding(person.where, f"คำนำหน้า `{person.title}` ไม่บอกเพศของ {person.name}",
                          "เพิ่มบรรทัด `sex: ชาย` หรือ `sex: หญิง` (ใช้ตรวจสัดส่วนชายหญิง)",
                          f"title `{person.title}` of {person.name} does not tell the sex",
                          "add `sex: ชาย` (man) or `sex: หญิง` (woman): the balance checks need it")


@rule("person.sex-contradicts-title", Severity.ERROR,
      "เพศ (`sex`) ที่ระบุตรงกับคำนำหน้า (นาย เป็นชาย; นาง และนางสาว เป็นหญิง)")
def sex_agrees_with_title(ctx: Context):
    """A given `sex` agrees with the title (นาย is ชาย; นาง and นางสาว are หญิง)."""
    for person in _everyone(ctx):
        implied = title_sex(person.title)
        if person.sex_given and implied and person.sex_given != implied:
            yield Finding(person.where, f"{person.name}: sex `{person.sex_given}` ขัดกับคำนำหน้า `{person.title}` ({implied})",
                          "ตรวจคำนำหน้านาม หรือลบบรรทัด sex (คำนำหน้านี้บอกเพศอยู่แล้ว)",
                          f"{person.name}: sex `{person.sex_given}` contradicts title `{person.title}`",
                          "check the title, or delete the sex line (this title already tells it)")
