"""`thamniap status`: who has not reported for a round, in the terminal (the dashboard's first list).

The list and its order come from derive/dashboard.py (`not_reported`), the words from
render/reminders.py; this only loads the data and picks the round.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from thamniap.check.validate import load_dataset
from thamniap.derive.dashboard import find_round, not_reported
from thamniap.model import Province
from thamniap.render import reminders, reportpage
from thamniap.render.site import SiteSettings


@dataclass(frozen=True)
class StatusOptions:
    data: Path
    config: Path | None          # mkdocs.yml: the site's address for the report links (None: no links)
    today: dt.date
    round_id: str | None = None  # None: the current round on TODAY
    province: str | None = None  # province code; None: the only (first) province
    format: str = "text"         # text | csv


def pick_province(data: Path, code: str | None, err: TextIO) -> Province | None:
    """The province CODE of the dataset at DATA (the first one when CODE is None), or None (message on ERR)."""
    provinces = load_dataset(data).provinces
    found = [p for p in provinces if code is None or p.code == code]
    if not found:
        print(f"thamniap: ไม่พบจังหวัด{' รหัส ' + code if code else ''}ในข้อมูล ({data})", file=err)
        return None
    return found[0]


def report_urls(province: Province, config: Path | None) -> dict[str, str]:
    """District code → the address of its report page on the site (none without a site address)."""
    if config is None or not config.is_file():
        return {}
    settings = SiteSettings.from_file(config)
    if not settings.site_url:
        return {}
    return {d.code: settings.page_url(reportpage.report_rel(d)) for d in province.districts}


def status_command(options: StatusOptions, out: TextIO, err: TextIO) -> int:
    province = pick_province(options.data, options.province, err)
    if province is None:
        return 1
    try:
        rnd = find_round(province, options.round_id, options.today)
    except KeyError:
        known = ", ".join(r.id for r in province.rounds) or "-"
        print(f"thamniap: ไม่พบรอบการรายงาน {options.round_id} (รอบที่มี: {known})", file=err)
        return 1
    waiting = not_reported(province, rnd, options.today)
    urls = report_urls(province, options.config)
    if options.format == "csv":
        out.write(reminders.status_csv(province, waiting, urls))
    else:
        out.write(reminders.status_text(province, rnd, options.today, waiting, urls))
    return 0
