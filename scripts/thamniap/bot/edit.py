"""A report applied to the district's club.yaml and meeting.yaml: what changes in the document.

The report changes the document (only the seats, fields and items it names); the write layer reads
the file strictly and writes the document back as the smallest line edit in the house style, with
every comment kept (write/edit.py). The edit must read back as exactly the changed document, else
nothing is written (write.edit.EditRefused).
"""
from __future__ import annotations

import copy
import datetime as dt

from thamniap.load.layout import DataFile, expected_schema_header
from thamniap.model import POST_ORDER, District, Province
from thamniap.bot.read import SeatReport, Understood
from thamniap.write.edit import edit_text, read_document
from thamniap.write.style import file_text

SEAT_KEYS = ("post", "holder", "since", "appointment", "vacant", "note")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# ---------------------------------------------------------------- club.yaml

def _seat(old: dict | None, report: SeatReport) -> dict:
    """The seat after REPORT: a new holder brings their own since and order (or none); the same
    holder keeps what is not given again; a vacant seat keeps only its post and note."""
    old = old or {"post": report.post}
    new = {"post": report.post}
    if report.holder is None:
        new["vacant"] = True
    else:
        same = old.get("holder") == report.holder
        new["holder"] = report.holder
        since = _iso(report.since) or (old.get("since") if same else None)
        if since:
            new["since"] = since
        if report.order:
            new["appointment"] = {"order_no": report.order.number, "date": report.order.date.isoformat(),
                                  **({"by": report.order.by} if report.order.by else {})}
        elif same and old.get("appointment"):
            new["appointment"] = old["appointment"]
    if old.get("note") is not None:
        new["note"] = old["note"]
    return {k: new[k] for k in SEAT_KEYS if k in new}


def _place_for(posts: list[dict], post: str) -> int:
    """Where a new seat of POST goes: after the last seat of the same post, else in POST_ORDER."""
    rank = POST_ORDER.index(post)
    at = len(posts)
    for i, seat in enumerate(posts):
        if seat.get("post") in POST_ORDER and POST_ORDER.index(seat["post"]) <= rank:
            at = i + 1
    return at


def _with_key_after(mapping: dict, key: str, value, after: str) -> dict:
    if key in mapping:
        mapping[key] = value
        return mapping
    out = {}
    for k, v in mapping.items():
        out[k] = v
        if k == after:
            out[key] = value
    if key not in out:
        out[key] = value
    return out


def edit_club(text: str, understood: Understood, name: str = "club.yaml") -> str:
    data = copy.deepcopy(read_document(text, name))
    club = data["club"]
    posts = club["posts"]
    for report in understood.seats:
        indexes = [i for i, s in enumerate(posts) if s.get("post") == report.post]
        if report.occurrence < len(indexes):
            i = indexes[report.occurrence]
            posts[i] = _seat(posts[i], report)
        else:
            posts.insert(_place_for(posts, report.post), _seat(None, report))
    start, end = understood.term
    if start or end:
        club["term"] = {"start": _iso(start) or club["term"]["start"], "end": _iso(end) or club["term"]["end"]}
    if understood.order:
        order = dict(club.get("appointment") or {})
        for key in ("order_no", "date", "by"):
            if key in understood.order:
                value = understood.order[key]
                order[key] = value.isoformat() if isinstance(value, dt.date) else value
        order = {k: order[k] for k in ("order_no", "date", "by") if k in order}
        data["club"] = club = _with_key_after(club, "appointment", order, "term")
    if understood.round_id and understood.confirmed_on:
        confirmations = club.setdefault("confirmations", [])
        item = next((c for c in confirmations if c.get("round") == understood.round_id), None)
        if item is None:
            confirmations.append({"round": understood.round_id, "date": understood.confirmed_on.isoformat()})
        else:
            item["date"] = understood.confirmed_on.isoformat()
    return edit_text(text, data, name)


# ---------------------------------------------------------------- meeting.yaml

def new_meeting_file(district: District, province: Province) -> str:
    path = district.folder / "meeting.yaml"
    header = expected_schema_header(DataFile("meeting", path, str(path), province.folder, district.folder))
    return file_text(header, {"sample": district.sample, "nominations": []})


def edit_meeting(text: str, understood: Understood, name: str = "meeting.yaml") -> str:
    data = copy.deepcopy(read_document(text, name))
    nominations = data.setdefault("nominations", [])
    item = {"meeting": understood.meeting.id, "representatives": understood.representatives,
            "officials": understood.officials}
    if understood.submitted_on:
        item["submitted_on"] = understood.submitted_on.isoformat()
    at = next((i for i, n in enumerate(nominations) if n.get("meeting") == understood.meeting.id), None)
    if at is None:
        nominations.append(item)
    else:
        nominations[at] = item
    return edit_text(text, data, name)
