"""`thamniap` — the command line. Each command parses its options and calls one function that
returns an exit code: 0 fine, 1 problems found / refused, 2 usage or internal error."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"


class ThaiArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, with a Thai lead line
        self.print_usage(sys.stderr)
        self.exit(2, f"thamniap: ใช้คำสั่งไม่ถูกต้อง (usage error): {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"วันที่ต้องเป็น YYYY-MM-DD (ค.ศ.): {value!r}") from None


def cmd_validate(args) -> int:
    from . import report
    from .validate import validate
    paths = [Path(p) for p in args.paths] or [DATA]
    diags = validate(paths, args.today, args.changed_since, tuple(args.skip))
    report.REPORTERS[args.format](diags, sys.stdout, args.lang)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(report.markdown(diags, args.lang))
    failed = any(d.is_error for d in diags) or (args.strict and diags)
    return 1 if failed else 0


def cmd_rules(args) -> int:
    from .rules import load_all
    if args.markdown:
        from .rules_doc import render
        sys.stdout.write(render())
        return 0
    for r in sorted(load_all().values(), key=lambda r: r.id):
        print(f"{r.id}\t{r.severity.value}\t{r.doc}")
    return 0


def cmd_sample(args) -> int:
    from .sample import generate
    out = Path(args.out) if args.out else DATA
    stats = generate(out, scale=args.scale, seed=args.seed)
    print(f"สร้างข้อมูลตัวอย่างแล้ว: {stats['provinces']} จังหวัด {stats['districts']} อำเภอ "
          f"{stats['subdistricts']} ตำบล {stats['villages']} หมู่บ้าน {stats['people']} คน → {out}")
    return 0


def cmd_new_district(args) -> int:
    from .sample import scaffold_district
    try:
        folder = scaffold_district(Path(args.data), args.code)
    except (ValueError, FileExistsError) as exc:
        print(f"thamniap: {exc}", file=sys.stderr)
        return 1
    print(f"สร้างโฟลเดอร์อำเภอแล้ว: {folder}")
    return 0


def cmd_pages(args) -> int:
    from . import report
    from .publish import generate
    from .render.site import SiteSettings
    settings = SiteSettings.from_file(Path(args.config))
    result = generate(Path(args.data), Path(args.outdir), settings, args.today, args.province)
    if result.failed:
        report.text([d for d in result.diagnostics if d.is_error], sys.stderr)
        print("thamniap: ไม่สร้างหน้าเว็บ เพราะข้อมูลมีข้อผิดพลาด", file=sys.stderr)
        return 1
    print(f"สร้างแล้ว {len(result.written)} ไฟล์ → {args.outdir}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = ThaiArgumentParser(prog="thamniap", description="ทำเนียบ อช. — ตรวจและเผยแพร่ข้อมูลชมรมและทำเนียบอาสาพัฒนาชุมชน")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ThaiArgumentParser)

    p = sub.add_parser("validate", help="ตรวจข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="ไฟล์ โฟลเดอร์อำเภอ หรือรากของชุดข้อมูล")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="คำเตือนก็ถือว่าไม่ผ่าน")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้ตรวจวาระ (YYYY-MM-DD)")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.add_argument("--changed-since", metavar="REV", help="ตรวจเต็มเฉพาะอำเภอที่เปลี่ยนตั้งแต่ REV (git)")
    p.add_argument("--skip", action="append", default=[], metavar="RULE", help="ข้ามกฎนี้")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("rules", help="รายการกฎที่ใช้ตรวจ")
    p.add_argument("--markdown", action="store_true", help="พิมพ์หน้าเอกสาร docs/rules.md")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("sample", help="สร้างข้อมูลตัวอย่าง (สมมุติ)")
    p.add_argument("--scale", choices=("loei", "national"), default="loei")
    p.add_argument("--out", metavar="DIR", help="โฟลเดอร์ปลายทาง (ค่าเริ่มต้น: data/)")
    p.add_argument("--seed", type=int, default=2567)
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("pages", help="สร้างหน้าเว็บ (Markdown, SVG, QR, ไฟล์ดาวน์โหลด) จากข้อมูล โดยไม่ต้องใช้ MkDocs")
    p.add_argument("outdir", metavar="OUTDIR")
    p.add_argument("--data", default=str(DATA), help="ชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--config", default=str(REPO / "mkdocs.yml"), help="อ่าน site_url, repo_url, edit_uri จากไฟล์นี้")
    p.add_argument("--province", help="รหัสจังหวัด (ค่าเริ่มต้น: จังหวัดแรกในชุดข้อมูล)")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้คำนวณสถานะ (YYYY-MM-DD)")
    p.set_defaults(func=cmd_pages)

    p = sub.add_parser("new-district", help="สร้างโฟลเดอร์อำเภอใหม่จากรายชื่อทางการ (geothai)")
    p.add_argument("code", help="รหัสอำเภอ 4 หลัก เช่น 4201")
    p.add_argument("--data", default=str(DATA), help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.set_defaults(func=cmd_new_district)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 2
    except Exception as exc:  # an internal error must not look like "data invalid" (exit 1)
        import traceback
        traceback.print_exc()
        print(f"thamniap: ข้อผิดพลาดภายในโปรแกรม (internal error): {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
