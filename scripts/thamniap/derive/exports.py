"""The rows of the open-data downloads, as named public fields: what each file holds, not yet text.

One row per person (อช., ผู้นำ อช.), per club post and per official. Every field is listed here by
name, so a new field in the schema never reaches a download by itself (PDPA: only public fields;
the personal phone only with recorded consent). render/exports.py turns these rows into CSV, Excel
and JSON; its ``COLUMNS`` ties each Thai column header to one field name here (a test checks that
every field has exactly one column).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from thamniap import model

LEVEL_PROVINCE = "จังหวัด"
LEVEL_DISTRICT = "อำเภอ"
VACANT = "ว่าง"


@dataclass(frozen=True)
class HeldPost:
    """A committee post a person holds, with the club's name."""
    post: str
    club: str


@dataclass(frozen=True)
class PersonRow:
    """One อช. or ผู้นำ อช. (leaders have no village: moo and village are None)."""
    id: str
    title: str
    first_name: str
    last_name: str
    sex: str | None
    roles: tuple[model.Role, ...]
    province_code: str
    province_name: str
    district_code: str
    district_name: str
    subdistrict_code: str
    subdistrict_name: str
    moo: int | None
    village: str | None
    club_posts: tuple[HeldPost, ...]
    phone: str | None             # only with recorded consent (public_phone)
    sample: bool


@dataclass(frozen=True)
class ClubRow:
    """One post of a club's committee, with the club's own details repeated on each row."""
    level: str                    # LEVEL_PROVINCE | LEVEL_DISTRICT
    district_code: str | None
    district_name: str | None
    kind: str
    name: str
    registration_no: str | None
    term_start: dt.date | None
    term_end: dt.date | None
    order_no: str | None
    order_date: dt.date | None
    order_by: str | None
    confirmed_on: dt.date | None
    seat: int                     # the post's place in its club's list (1, 2, …): the row's key with level and district
    post: str
    holder_id: str | None
    holder_name: str | None       # VACANT for a vacant post
    since: dt.date | None
    post_order_no: str | None
    post_order_date: dt.date | None
    post_order_by: str | None
    sample: bool


@dataclass(frozen=True)
class OfficialRow:
    """One community development official of the province's or a district's office."""
    level: str
    district_code: str | None
    district_name: str | None
    id: str
    title: str
    first_name: str
    last_name: str
    position: str | None
    responsible: bool
    work_phone: str | None
    sample: bool


def public_phone(person: model.Person) -> str | None:
    """The personal phone only when the person's consent is recorded (with a valid date)."""
    return person.phone if person.phone and person.consent_date is not None else None


def clubs_of(province: model.Province, districts: Iterable[model.District],
             with_province: bool = True) -> list[tuple[model.Club, model.District | None]]:
    """(club, its district or None for the province's club), the province's first."""
    out: list[tuple[model.Club, model.District | None]] = []
    if with_province and province.club is not None:
        out.append((province.club, None))
    out.extend((d.club, d) for d in districts if d.club is not None)
    return out


def posts_by_holder(province: model.Province) -> dict[str, list[HeldPost]]:
    """Person id → the posts held, district clubs first (district order), then the province's."""
    held: dict[str, list[HeldPost]] = {}
    clubs = [d.club for d in province.districts if d.club is not None]
    if province.club is not None:
        clubs.append(province.club)
    for club in clubs:
        for post in club.posts:
            if post.holder_id and not post.vacant:
                held.setdefault(post.holder_id, []).append(HeldPost(post.post, club.name))
    return held


def is_sample(province: model.Province, districts: list[model.District], whole: bool) -> bool:
    """True when any part of a file is fictional."""
    parts = [d.sample or (d.club.sample if d.club else False) for d in districts]
    if whole:
        parts += [province.sample, province.club.sample if province.club else False]
    return any(parts)


def data_date(province: model.Province, districts: Iterable[model.District],
              with_province: bool = True) -> dt.date:
    """The latest date written in the exported data: the Excel files' fixed timestamp.

    Derived from the data (not the clock) so that two builds of the same data are identical.
    """
    days: list[dt.date] = []
    districts = list(districts)
    for club, _ in clubs_of(province, districts, with_province):
        days += [club.term_start, club.order_date, club.latest_confirmed,
                 *(d for p in club.posts for d in (p.since, p.order_date))]
    for district in districts:
        for person in district.people():
            days += [person.consent_date, *(r.start for r in person.roles)]
        for nomination in district.nominations or []:
            days.append(nomination.submitted_on)
    days = [d for d in days if d is not None and 1980 <= d.year <= 2107]  # what a zip entry can hold
    return max(days, default=dt.date(2024, 1, 1))


class ExportRows:
    """Public rows of one province, for the whole province or some of its districts."""

    def __init__(self, province: model.Province):
        self.province = province
        self.held = posts_by_holder(province)
        self.index = province.person_index()

    def person(self, person: model.Person, district: model.District,
               sub: model.Subdistrict, village: model.Village | None) -> PersonRow:
        return PersonRow(
            id=person.id, title=person.title, first_name=person.first_name, last_name=person.last_name,
            sex=person.sex, roles=tuple(person.roles),
            province_code=self.province.code, province_name=self.province.name,
            district_code=district.code, district_name=district.name,
            subdistrict_code=sub.code, subdistrict_name=sub.name,
            moo=village.moo if village else None, village=village.name if village else None,
            club_posts=tuple(self.held.get(person.id, [])),
            phone=public_phone(person), sample=district.sample,
        )

    def people(self, districts: Iterable[model.District]) -> list[PersonRow]:
        """Leaders of each subdistrict, then the volunteers of each village, in file order."""
        rows = []
        for district in districts:
            for sub in district.subdistricts or []:
                rows += [self.person(p, district, sub, None) for p in sub.leaders]
                for village in sub.villages:
                    rows += [self.person(p, district, sub, village) for p in village.volunteers]
        return rows

    def club_post(self, club: model.Club, district: model.District | None, post: model.Post, seat: int) -> ClubRow:
        holder = None if post.vacant or not post.holder_id else self.index.get(post.holder_id)
        return ClubRow(
            level=LEVEL_DISTRICT if district else LEVEL_PROVINCE,
            district_code=district.code if district else None,
            district_name=district.name if district else None,
            kind=club.kind, name=club.name, registration_no=club.registration_no,
            term_start=club.term_start, term_end=club.term_end,
            order_no=club.order_no, order_date=club.order_date, order_by=club.order_by,
            confirmed_on=club.latest_confirmed, seat=seat, post=post.post,
            holder_id=None if post.vacant else post.holder_id,
            holder_name=VACANT if post.vacant else (holder.name if holder else None),
            since=None if post.vacant else post.since,
            post_order_no=post.order_no, post_order_date=post.order_date, post_order_by=post.order_by,
            sample=club.sample or (district.sample if district else False),
        )

    def clubs(self, districts: Iterable[model.District], with_province: bool) -> list[ClubRow]:
        """Every post of each club, the province's club first."""
        return [self.club_post(club, district, post, seat)
                for club, district in clubs_of(self.province, districts, with_province)
                for seat, post in enumerate(club.posts, start=1)]

    def official(self, person: model.Person, district: model.District | None) -> OfficialRow:
        return OfficialRow(
            level=LEVEL_DISTRICT if district else LEVEL_PROVINCE,
            district_code=district.code if district else None,
            district_name=district.name if district else None,
            id=person.id, title=person.title, first_name=person.first_name, last_name=person.last_name,
            position=person.position, responsible=person.responsible, work_phone=person.work_phone,
            sample=district.sample if district else self.province.sample,
        )

    def officials(self, districts: Iterable[model.District], with_province: bool) -> list[OfficialRow]:
        """The province office's officials (for a whole-province file), then each district's."""
        rows = []
        if with_province:
            rows += [self.official(o, None) for o in self.province.officials]
        for district in districts:
            rows += [self.official(o, district) for o in district.officials]
        return rows
