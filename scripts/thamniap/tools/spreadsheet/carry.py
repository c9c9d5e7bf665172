"""What the roster files hold that the form has no column for (any field added to the schema later): kept from the current roster files for the same person and role,
so an import never drops it; when the workbook changed or removed that role, the import is refused
at the person's row instead (the field would otherwise vanish without a word)."""
from __future__ import annotations

from thamniap.intake.spreadsheet.form import Collector, Row

FORM_PERSON_KEYS = ("id", "title", "first_name", "last_name", "sex", "roles", "phone", "phone_consent", "note")
FORM_ROLE_KEYS = ("role", "start", "end", "end_reason", "end_note")
FORM_CONSENT_KEYS = ("date", "method")


def _people(doc: dict | None) -> dict[str, dict]:
    people = {}
    for sub in (doc or {}).get("subdistricts", []):
        for person in sub.get("leaders", []):
            people[person["id"]] = person
        for village in sub.get("villages", []):
            for person in village.get("volunteers", []):
                people[person["id"]] = person
    return people


def _merged(old: dict, new: dict, form_keys: tuple[str, ...]) -> dict:
    """NEW with OLD's fields the form does not carry, in OLD's order."""
    out = {k: (new[k] if k in new else old[k]) for k in old if k in new or k not in form_keys}
    out.update({k: v for k, v in new.items() if k not in out})
    return out


def keep_fields_not_in_form(new_doc: dict, old_doc: dict | None, rows: dict[str, list[Row]],
                            out: Collector) -> None:
    """Put into NEW_DOC (in place) what OLD_DOC's people hold beyond the form's columns; a role whose
    extra fields have nowhere to go (changed start or role, removed) is reported at the person's row
    (ROWS: the rows of each person id)."""
    old_people = _people(old_doc)
    for pid, person in _people(new_doc).items():
        old = old_people.get(pid)
        if old is None:
            continue
        merged = _merged(old, person, FORM_PERSON_KEYS)
        consent_old, consent_new = old.get("phone_consent"), person.get("phone_consent")
        if isinstance(consent_old, dict) and isinstance(consent_new, dict):
            merged["phone_consent"] = _merged(consent_old, consent_new, FORM_CONSENT_KEYS)
        roles = [dict(r) for r in person.get("roles", [])]
        for old_role in old.get("roles", []):
            extra = [k for k in old_role if k not in FORM_ROLE_KEYS]
            if not extra:
                continue
            same = [i for i, r in enumerate(roles) if (r.get("role"), str(r.get("start"))) ==
                    (old_role.get("role"), str(old_role.get("start")))]
            if same:
                roles[same[0]] = _merged(old_role, roles[same[0]], FORM_ROLE_KEYS)
                continue
            row = rows[pid][0]
            out.at(row, "role", "xlsx.not-in-form",
                   f"บทบาท {old_role.get('role')} ที่เริ่ม {old_role.get('start')} ของ {pid} ในไฟล์ของตำบล (roster/) มี "
                   f"{', '.join(extra)} ซึ่งแบบฟอร์มไม่มีช่องให้ แต่แบบฟอร์มเปลี่ยนหรือลบบทบาทนั้น จึงจะหายไป",
                   "คงแถวของบทบาทนั้นไว้ตามเดิม (บทบาทและวันเริ่มวาระเดิม) หรือแก้บทบาทนั้นในไฟล์ของตำบลใน roster/ โดยตรง")
        if "roles" in merged:
            merged["roles"] = roles
        person.clear()
        person.update(merged)
