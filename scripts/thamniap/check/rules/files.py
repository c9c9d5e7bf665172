"""Rules about the files themselves."""
from __future__ import annotations


from thamniap.core.diagnostics import Severity
from thamniap.load.layout import SCHEMA_DIR, expected_schema_header
from thamniap.model import Where
from thamniap.check.rules import Context, Finding, rule

HEADER_PREFIX = "# yaml-language-server: $schema="


@rule("files.schema-header", Severity.ERROR)
def file_names_its_schema(ctx: Context):
    """A data file's first line is `# yaml-language-server: $schema=<relative path to its schema>`."""
    for file in ctx.files:
        text = ctx.texts.get(file.display)
        if not text:  # unreadable, too large or empty: the loader has said so already
            continue
        first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
        expected = expected_schema_header(file)
        inside_repo = SCHEMA_DIR.parent in file.path.parents
        ok = first == expected if inside_repo else (
            first.startswith(HEADER_PREFIX) and first.endswith(f"/{file.kind}.schema.json"))
        if not ok:
            yield Finding(Where(file.display, 1, 1), "บรรทัดแรกของไฟล์ต้องบอกตำแหน่ง schema (ให้โปรแกรมแก้ไขช่วยตรวจและเติมคำ)",
                          f"ใส่บรรทัดแรกเป็น `{expected}`", "first line must name the file's schema",
                          f"make the first line `{expected}`")
