"""GitHub `issues` events for the report bot's tests: bodies rendered exactly as GitHub renders an
issue form (`### <label>`, a blank line, the value or `_No response_`, checkboxes `- [X] …`)."""
from __future__ import annotations

import json
from pathlib import Path

from thamniap.intake.reportform.fields import report

# The day the reports are sent (the issue opened): before the data's meeting of 15 Jan 2567, whose
# nominations close after it (model/rounds.py nominations_open); the bot runs later (TODAY 1 Feb 2567)
SENT_AT = "2024-01-14T03:00:00Z"


def body(report_id: str, values: dict[str, str], unticked: tuple[str, ...] = ()) -> str:
    parts = []
    for field in report(report_id).fields:
        if field.kind == "checkboxes":
            mark = " " if field.id in unticked else "X"
            value = "\n".join(f"- [{mark}] {option}" for option in field.options)
        else:
            value = values.get(field.id) or "_No response_"
        parts.append(f"### {field.label}\n\n{value}")
    return "\n\n".join(parts)


def event(report_id: str, values: dict[str, str] | None = None, *, author: str = "somchai-4209",
          action: str = "opened", number: int = 7, text: str | None = None, labelled: bool = True, sent_at: str = SENT_AT,
          sender: dict | None = None, changes: dict | None = None) -> dict:
    """An `issues` event; an `edited` one says, as GitHub's does, that it changed the body (CHANGES)."""
    form = report(report_id)
    if changes is None and action == "edited":
        changes = {"body": {"from": "(the body before the edit)"}}
    extra = {"changes": changes} if changes is not None else {}
    return {"action": action, **extra,
            "issue": {"number": number, "title": form.title + "อำเภอวังสะพุง",
                      "body": body(report_id, values or {}) if text is None else text,
                      "labels": [{"name": form.label}] if labelled else [],
                      "user": {"login": author, "type": "User"}, "created_at": sent_at},
            "sender": sender or {"login": author, "type": "User"}}


def write(path: Path, payload: dict) -> Path:
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path
