"""Rules about the files themselves."""
from __future__ import annotations


from thamniap.core.diagnostics import Severity
from thamniap.load.layout import schema_header, schema_home
from thamniap.model import Where
from thamniap.check.rules import Context, Finding, rule

HEADER_PREFIX = "# yaml-language-server: $schema="


@rule("files.schema-header", Severity.ERROR,
      "บรรทัดแรกของไฟล์ข้อมูลเป็น `# yaml-language-server: $schema=<ตำแหน่งของ schema เทียบจากไฟล์>`")
def file_names_its_schema(ctx: Context):
    """A data file's first line is `# yaml-language-server: $schema=<relative path to its schema>`."""
    homes: dict = {}   # province folder -> its project's schemas/ (None: outside any project)
    for file in ctx.files:
        text = ctx.texts.get(file.display)
        if not text:  # unreadable, too large or empty: the loader has said so already
            continue
        first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
        if file.province_dir not in homes:
            homes[file.province_dir] = schema_home(file.province_dir)
        home = homes[file.province_dir]
        expected = schema_header(file, home)
        # Inside a project the line must point to its schemas/; a copy elsewhere need only name it.
        ok = first == expected if home else (
            first.startswith(HEADER_PREFIX) and first.endswith(f"/{file.kind}.schema.json"))
        if not ok:
            yield Finding(Where(file.display, 1, 1), "บรรทัดแรกของไฟล์ต้องบอกตำแหน่ง schema (ให้โปรแกรมแก้ไขช่วยตรวจและเติมคำ)",
                          f"ใส่บรรทัดแรกเป็น `{expected}`", "first line must name the file's schema",
                          f"make the first line `{expected}`")
