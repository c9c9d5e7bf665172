"""One table of what a district types for a new person and the verdict on it, run both on the report
page in Chromium (tests/browser/test_report_page.py) and through the bot (tests/test_report_roster.py):
a test fails when the page and the bot differ (issue 19 §2)."""
from __future__ import annotations

from thamniap.intake.reportform.messages import LEADER_NEEDS_END

# (case id, role, village number or "", end date as typed, the verdict's message or None: accepted)
NEW_PERSON_END = [
    ("leader-without-end", "ผู้นำ อช.", "", "", LEADER_NEEDS_END),
    ("leader-with-end", "ผู้นำ อช.", "", "30/9/2570", None),
    ("volunteer-without-end", "อช.", "1", "", None),        # 4 years less a day, on both sides
]
