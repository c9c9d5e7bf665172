"""One diagnostic type for every problem the loader, the schema check and the rules find."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def thai(self) -> str:
        return "ข้อผิดพลาด" if self is Severity.ERROR else "คำเตือน"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A located problem. Messages are Thai first; English is kept for ``--lang en``.

    ``path`` is the file as the user should see it (relative to the working directory
    when possible); ``line``/``column`` are 1-based, 0 when unknown.
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str = field(default="", compare=False)
    message_en: str = field(default="", compare=False)
    hint_en: str = field(default="", compare=False)
    # extra locations (e.g. the first of two duplicate keys) as (line, column)
    related: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, lang: str = "th") -> tuple[str, str]:
        """(message, hint) in the requested language, falling back to Thai."""
        if lang == "en" and self.message_en:
            return self.message_en, self.hint_en or self.hint
        return self.message, self.hint

    def as_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        d["related"] = [list(r) for r in self.related]
        return d


def error(path: str, line: int, column: int, rule: str, message: str, hint: str = "",
          message_en: str = "", hint_en: str = "", related=()) -> Diagnostic:
    return Diagnostic(path, line, column, rule, Severity.ERROR, message, hint,
                      message_en, hint_en, tuple(related))


def warning(path: str, line: int, column: int, rule: str, message: str, hint: str = "",
            message_en: str = "", hint_en: str = "", related=()) -> Diagnostic:
    return Diagnostic(path, line, column, rule, Severity.WARNING, message, hint,
                      message_en, hint_en, tuple(related))
