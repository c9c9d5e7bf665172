"""`thamniap` — the command line. Each command parses its options and calls one function that
returns an exit code: 0 fine, 1 problems found / refused, 2 usage or internal error."""
from __future__ import annotations

import argparse
import tempfile
import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path

from thamniap.core import project as projects
from thamniap.core.project import Project, ProjectNotFound


class ThaiArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, with a Thai lead line
        self.print_usage(sys.stderr)
        self.exit(2, f"thamniap: ใช้คำสั่งไม่ถูกต้อง (usage error): {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"วันที่ต้องเป็น YYYY-MM-DD (ค.ศ.): {value!r}") from None


def project_of(args) -> Project:
    """The project the command works on (`--project DIR`, else found from the current directory);
    looked up only when a default needs it. Raises ProjectNotFound (exit 2, Thai message)."""
    if getattr(args, "found_project", None) is None:
        given = getattr(args, "project", None)
        args.found_project = projects.locate(Path(given) if given else None)
    return args.found_project


def project_or_none(args) -> Project | None:
    """The project when there is one; a `--project DIR` that is not a project is still an error."""
    try:
        return project_of(args)
    except ProjectNotFound:
        if getattr(args, "project", None):
            raise
        return None


def cmd_validate(args) -> int:
    from thamniap.core import report
    from thamniap.build.parallel import load_dataset      # on every core for a large dataset
    from thamniap.check.validate import validate
    paths = [Path(p) for p in args.paths] or [project_of(args).data]
    diags = validate(paths, args.today, args.changed_since, tuple(args.skip), load=load_dataset)
    report.REPORTERS[args.format](diags, sys.stdout, args.lang)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(report.markdown(diags, args.lang))
    failed = any(d.is_error for d in diags) or (args.strict and diags)
    return 1 if failed else 0


def cmd_rules(args) -> int:
    from thamniap.check.registry import all_rules
    if args.markdown:
        from thamniap.render.rules_doc import render
        sys.stdout.write(render())
        return 0
    for r in all_rules().values():
        print(f"{r.id}\t{r.severity}\t{r.doc}")
    return 0


def _organisation(args) -> str | None:
    """The project's GitHub organisation (mkdocs.yml's repo_url), for the teams a command writes."""
    from thamniap.render.site import SiteSettings
    found = project_or_none(args)
    return SiteSettings.from_file(found.config).organisation if found and found.config.is_file() else None


def cmd_sample(args) -> int:
    from thamniap.devtools.sample import generate
    out = Path(args.out) if args.out else project_of(args).data
    stats = generate(out, scale=args.scale, seed=args.seed, org=_organisation(args))
    print(f"สร้างข้อมูลตัวอย่างแล้ว: {stats['provinces']} จังหวัด {stats['districts']} อำเภอ "
          f"{stats['subdistricts']} ตำบล {stats['villages']} หมู่บ้าน {stats['people']} คน → {out}")
    return 0


def cmd_new_district(args) -> int:
    from thamniap.devtools.sample import scaffold_district
    try:
        folder = scaffold_district(Path(args.data) if args.data else project_of(args).data, args.code, _organisation(args))
    except (ValueError, FileExistsError) as exc:
        print(f"thamniap: {exc}", file=sys.stderr)
        return 1
    print(f"สร้างโฟลเดอร์อำเภอแล้ว: {folder}")
    return 0


def cmd_clear_sample(args) -> int:
    from thamniap.tools.clear_sample import clear_sample_command
    return clear_sample_command(Path(args.data) if args.data else project_of(args).data, sys.stdout, sys.stderr)


def cmd_rename_org(args) -> int:
    """rename-org, then the two files generated from what it changed (CODEOWNERS, the issue chooser)."""
    from thamniap.bot.cli import issue_forms_command
    from thamniap.review.codeowners import run as codeowners
    from thamniap.tools.rename_org import rename
    found = project_of(args)
    renamed = rename(found.config, found.data, args.org, args.repo)
    if renamed.problems:
        print("thamniap: ไม่ได้เปลี่ยนชื่อ (ไม่มีไฟล์ใดเปลี่ยน):", *(f"- {p}" for p in renamed.problems), sep="\n", file=sys.stderr)
        return 1
    print(f"เปลี่ยนองค์กร {renamed.old_org} → {args.org} แล้ว: ที่อยู่ที่เก็บใน mkdocs.yml และชื่อทีมผู้ดูแล {renamed.teams} รายการ")
    code = codeowners(found.data, found.codeowners, False, sys.stdout, sys.stderr)
    return code or issue_forms_command(found.root, False, sys.stdout, sys.stderr)


def cmd_new_round(args) -> int:
    from thamniap.tools import rounds
    meeting = None
    if args.meeting_date:
        meeting = rounds.NewMeeting(args.meeting_id or f"{args.id}-meeting", args.meeting_title or "ประชุมผู้แทนชมรมและเจ้าหน้าที่",
                                    args.meeting_date, args.meeting_time, args.meeting_place or "",
                                    args.representatives, args.officials)
    title = args.title or rounds.default_title(dt.date.fromisoformat(args.opens) if _iso(args.opens) else None)
    try:
        circular = None
        if args.circular:
            try:
                text = Path(args.circular).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise rounds.RoundRefused([f"อ่านไฟล์หนังสือเวียน {args.circular} ไม่ได้ (ต้องเป็นข้อความ UTF-8): {exc}"])
            circular = rounds.read_circular(text, args.circular_number, args.circular_date, args.circular_subject,
                                            args.circular_signer)
        path = rounds.province_file(Path(args.data) if args.data else project_of(args).data, args.province)
        added = rounds.add_round(path, rounds.NewRound(args.id, title, args.opens, args.deadline, meeting, circular))
    except rounds.RoundRefused as exc:
        print("thamniap: ไม่ได้เพิ่มรอบ (ไฟล์ไม่เปลี่ยน):", *(f"- {p}" for p in exc.args[0]), sep="\n", file=sys.stderr)
        return 1
    print(f"เพิ่มรอบ {args.id} ใน {path} แล้ว:\n{added}\nตรวจแล้วส่งเป็น pull request: อำเภอยืนยันรอบนี้ใน club.yaml "
          f"(`- round: {args.id}` และ `date:` ใต้ `confirmations:`)")
    return 0


def cmd_split_roster(args) -> int:
    from thamniap.tools import split_roster
    root = Path(args.data) if args.data else project_of(args).data
    return split_roster.split_command(root, args.district, sys.stdout, sys.stderr)


def _iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def cmd_pages(args) -> int:
    found = project_or_none(args) if args.data and args.config else project_of(args)
    config = Path(args.config) if args.config else found.config
    data = Path(args.data) if args.data else found.data
    # Edit links and the history are relative to the project; for data and a config given
    # outside any project, to the config file's folder (the site's own folder).
    root = found.root if found else config.resolve().parent
    from thamniap.core import report
    from thamniap.build.publish import generate
    from thamniap.render.site import SiteSettings
    if args.site_config:
        from thamniap.build.generator import config_can_hold
        if not config_can_hold(Path(args.site_config), Path(args.outdir)):
            print(f"thamniap: โฟลเดอร์หน้าเว็บ {args.outdir} ต้องอยู่ในโฟลเดอร์ของไฟล์ตั้งค่า {args.site_config} "
                  "(Zensical สร้างเว็บไซต์ได้เฉพาะเมื่อ docs_dir อยู่ในโฟลเดอร์นั้น) เช่น build/docs กับ build/mkdocs.yml "
                  "— ไม่ได้สร้างอะไร", file=sys.stderr)
            return 2
    settings = SiteSettings.from_file(config)
    if args.site_config:     # for a build without the hook, which would escape titles and meta
        settings = replace(settings, escape_front_matter=True)
    result = generate(data, Path(args.outdir), settings, args.today, args.province, project_root=root)
    if result.failed:
        report.text([d for d in result.diagnostics if d.is_error], sys.stderr)
        print("thamniap: ไม่สร้างหน้าเว็บ เพราะข้อมูลมีข้อผิดพลาด", file=sys.stderr)
        return 1
    if args.site_config:
        from thamniap.build.generator import write_site_config
        write_site_config(Path(args.site_config), config, Path(args.outdir), result.written)
    print(f"สร้างแล้ว {len(result.written)} ไฟล์ → {args.outdir}")
    return 0


def cmd_index(args) -> int:
    from thamniap.build.finish import finish_site
    from thamniap.build.search.index import SearchIndexError
    try:
        stats = finish_site(Path(args.site_dir))
    except SearchIndexError as exc:
        print(f"thamniap: สร้างดัชนีค้นหาไม่สำเร็จ (search index failed): {exc}", file=sys.stderr)
        return 1
    print(f"ดัชนีค้นหา: {stats['page_count']} หน้า {stats['record_count']} ส่วนรายชื่อ {stats['word_count']} คำ "
          f"→ {stats['bundle_dir']} ({stats['bundle_files']} ไฟล์, {stats['bundle_bytes'] / 1024:.1f} KiB, "
          f"Pagefind {stats['pagefind_version']})")
    return 0


def cmd_check_pr(args) -> int:
    from thamniap.review.checkpr import Options, run
    teams = _teams(args.actor_teams)
    # The data folder is the project's (check-pr finds its git repository from there); without a
    # project here, the data/ of the git repository at the current directory.
    found = project_or_none(args) if args.data_dir is None else None
    where = dict(cwd=found.root, data_dir=None) if found else dict(data_dir=args.data_dir or "data")
    options = Options(base=args.base, head=args.head, actor=(args.actor or "").strip().lstrip("@") or None,
                      actor_teams=teams, **where)
    return run(options, sys.stdout, sys.stderr)


def _teams(given: list[str] | None) -> tuple[str, ...] | None:
    """--actor-teams ORG/TEAM,… (repeatable) as a tuple; None when not given (membership unknown)."""
    if given is None:
        return None
    return tuple(t.strip().lstrip("@") for item in given for t in item.split(",") if t.strip())


def cmd_report(args) -> int:
    from thamniap.bot.cli import report_command
    return report_command(Path(args.event), project_of(args).root, _teams(args.actor_teams), args.base,
                          args.today, args.publish, sys.stdout, sys.stderr, triage=args.triage)


def cmd_report_file(args) -> int:
    from thamniap.bot.offline import report_file_command
    return report_file_command(Path(args.file), project_of(args).root, args.author, _teams(args.actor_teams), args.base,
                               args.today, sys.stdout, sys.stderr)


def cmd_report_merged(args) -> int:
    from thamniap.bot.receipt import receipt_command
    from thamniap.github import client as github_client
    client = None
    if args.publish:
        client = github_client.from_environment()
        if not client.ready:
            sys.stderr.write(github_client.MISSING_TOKEN + "\n")
            return 2
    return receipt_command(Path(args.event), project_of(args).root, client, sys.stdout, sys.stderr)


def cmd_pr_actor(args) -> int:
    from thamniap.github import client as github_client
    from thamniap.review.authority import pr_actor_command
    return pr_actor_command(Path(args.event), args.actor, args.bot or None, github_client.from_environment(),
                            sys.stdout, sys.stderr)


def cmd_issue_forms(args) -> int:
    from thamniap.bot.cli import issue_forms_command
    return issue_forms_command(project_of(args).root, args.check, sys.stdout, sys.stderr)


def cmd_codeowners(args) -> int:
    from thamniap.review.codeowners import run
    data = Path(args.data) if args.data else project_of(args).data
    output = Path(args.output) if args.output else project_of(args).codeowners
    return run(data, output, args.check, sys.stdout, sys.stderr)


def cmd_template_xlsx(args) -> int:
    from thamniap.tools.spreadsheet.template import template_command
    data = Path(args.data) if args.data else project_of(args).data
    return template_command(args.code, Path(args.out), data, sys.stdout, sys.stderr)


def cmd_import_xlsx(args) -> int:
    from thamniap.tools.spreadsheet.importer import import_command
    data = Path(args.data) if args.data else project_of(args).data
    return import_command(Path(args.file), args.district, data, args.today, sys.stdout, sys.stderr)


def cmd_import_roster(args) -> int:
    from thamniap.tools.import_roster import RosterImport, import_roster_command
    data = Path(args.data) if args.data else project_of(args).data
    options = RosterImport(Path(args.file), args.district, data, tuple(args.map), args.today, not args.check)
    return import_roster_command(options, sys.stdout, sys.stderr)


def cmd_status(args) -> int:
    from thamniap.core.dates import thai_today
    from thamniap.tools.status import StatusOptions, status_command
    found = project_or_none(args)
    data = Path(args.data) if args.data else project_of(args).data
    options = StatusOptions(data, found.config if found else None, args.today or thai_today(), args.round,
                            args.province, args.format)
    return status_command(options, sys.stdout, sys.stderr)


def cmd_remind(args) -> int:
    from thamniap.bot.remind import remind_command
    from thamniap.core.dates import thai_today
    from thamniap.github import client as github_client
    found = project_or_none(args)
    data = Path(args.data) if args.data else project_of(args).data
    return remind_command(data, found.config if found else None, args.today or thai_today(), args.publish,
                          github_client.from_environment(), sys.stdout, sys.stderr, args.province)


def cmd_bench(args) -> int:
    import json
    from thamniap.devtools import bench
    found = project_of(args)
    result = bench.run(args.scale, Path(args.work), args.seed, tuple(args.skip), args.repeat, project=found.root)
    print(bench.table(result))
    out = Path(args.json) if args.json else Path(args.work) / f"bench-{args.scale}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"ผลการวัดบันทึกที่ {out}")
    for target, measured, met in bench.targets(result):
        print(f"{'ผ่าน' if met else ('-' if met is None else 'ไม่ผ่าน')}\t{target}\t{measured}")
    if args.update_docs:
        bench.update_docs(result, found.docs / "performance.md")
        print("ปรับปรุง docs/performance.md แล้ว")
    return 0 if all(s["ok"] for s in result["steps"]) else 1


PROJECT_HELP = ("โฟลเดอร์โครงการ (ที่มี mkdocs.yml และ data/); ค่าเริ่มต้น: โฟลเดอร์ปัจจุบัน "
                "หรือโฟลเดอร์แม่ที่ใกล้ที่สุดที่เป็นโครงการ")


class _Subcommands:
    """add_parser with the common options (--project) on every command."""

    def __init__(self, action, common: argparse.ArgumentParser):
        self.action, self.common = action, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        return self.action.add_parser(name, parents=[self.common], **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = ThaiArgumentParser(prog="thamniap", description="ทำเนียบ อช. — ตรวจและเผยแพร่ข้อมูลชมรมและทำเนียบอาสาพัฒนาชุมชน")
    parser.add_argument("--project", metavar="DIR", help=PROJECT_HELP)
    # Also accepted after the command; SUPPRESS keeps a subcommand from overwriting the global value.
    common = ThaiArgumentParser(add_help=False)
    common.add_argument("--project", metavar="DIR", default=argparse.SUPPRESS, help=PROJECT_HELP)
    sub = _Subcommands(parser.add_subparsers(dest="command", required=True, parser_class=ThaiArgumentParser), common)

    p = sub.add_parser("validate", help="ตรวจข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="ไฟล์ โฟลเดอร์อำเภอ หรือรากของชุดข้อมูล")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="คำเตือนก็ถือว่าไม่ผ่าน")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้ตรวจวาระ (YYYY-MM-DD)")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.add_argument("--changed-since", metavar="REV", help="รายงานข้อผิดพลาดทุกแห่ง แต่คำเตือนเฉพาะอำเภอและไฟล์ระดับจังหวัดที่เปลี่ยนตั้งแต่ REV (git)")
    p.add_argument("--skip", action="append", default=[], metavar="RULE", help="ข้ามกฎนี้")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("rules", help="รายการกฎที่ใช้ตรวจ (ทุกรหัสที่ validate รายงานได้)")
    p.add_argument("--markdown", action="store_true", help="พิมพ์หน้าเอกสาร docs/rules.md")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("sample", help="สร้างข้อมูลตัวอย่าง (สมมุติ)")
    p.add_argument("--scale", choices=("loei", "national"), default="loei")
    p.add_argument("--out", metavar="DIR", help="โฟลเดอร์ปลายทาง (ค่าเริ่มต้น: data/)")
    p.add_argument("--seed", type=int, default=2567)
    p.set_defaults(func=cmd_sample)

    _add_site_commands(sub)
    _add_data_commands(sub)
    _add_review_commands(sub)
    return parser


def _add_site_commands(sub) -> None:
    """pages, index, bench: building the site and measuring it."""
    p = sub.add_parser("pages", help="สร้างหน้าเว็บ (Markdown, SVG, QR, ไฟล์ดาวน์โหลด) จากข้อมูล โดยไม่ต้องใช้ MkDocs")
    p.add_argument("outdir", metavar="OUTDIR")
    p.add_argument("--data", help="ชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--config", help="อ่าน site_url, repo_url, edit_uri จากไฟล์นี้")
    p.add_argument("--province", help="สร้างเฉพาะจังหวัดนี้ (รหัส 2 หลัก) ค่าเริ่มต้น: ทุกจังหวัดในชุดข้อมูล "
                                      "(หลายจังหวัด: หน้าแรกให้เลือกจังหวัด หน้าของแต่ละจังหวัดอยู่ในโฟลเดอร์ของจังหวัด)")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้คำนวณสถานะ (YYYY-MM-DD)")
    p.add_argument("--site-config", metavar="FILE",
                   help="สำหรับสร้างเว็บไซต์โดยไม่ใช้ hook: เขียนไฟล์ตั้งค่า (mkdocs.yml ที่ไม่มี hooks มีเมนู) "
                        "และ escape ชื่อหน้าใน front matter ไว้ก่อน (ดู docs/architecture.md)")
    p.set_defaults(func=cmd_pages)

    p = sub.add_parser("index", help="หลังสร้างเว็บไซต์: สร้างดัชนีค้นหา (Pagefind) และลบไฟล์ค้นหาของธีมที่ไม่ใช้")
    p.add_argument("site_dir", metavar="SITE_DIR", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (เช่น site/)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("bench", help="วัดเวลาและหน่วยความจำ (เทียบกับ check-jsonschema และเว็บไซต์ MkDocs + Material แบบ stock)")
    p.add_argument("--scale", choices=("loei", "national"), default="loei")
    p.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "thamniap-bench"), help="โฟลเดอร์ทำงาน (ข้อมูลตัวอย่างระดับประเทศสร้างครั้งเดียวเก็บไว้ที่นี่)")
    p.add_argument("--json", help="ไฟล์ผลลัพธ์ JSON (ค่าเริ่มต้น: WORK/bench-SCALE.json)")
    p.add_argument("--seed", type=int, default=2567)
    p.add_argument("--repeat", type=int, default=3, metavar="N",
                   help="สร้างเว็บไซต์ซ้ำ N ครั้งแล้วรายงานค่ามัธยฐาน (เวลาบนเครื่องที่ใช้ร่วมกันแกว่งมาก; ค่าเริ่มต้น 3)")
    p.add_argument("--skip", action="append", default=[], choices=("validate", "check-jsonschema", "changed-since", "site", "stock", "zensical", "whole", "search", "rebuild"))
    p.add_argument("--update-docs", action="store_true", help="เขียนผลลงใน docs/performance.md")
    p.set_defaults(func=cmd_bench)


def _add_data_commands(sub) -> None:
    """new-district, new-round, status, remind, split-roster: the province's data and its rounds."""
    p = sub.add_parser("new-district", help="สร้างโฟลเดอร์อำเภอใหม่จากรายชื่อทางการ (geothai)")
    p.add_argument("code", help="รหัสอำเภอ 4 หลัก เช่น 4201")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.set_defaults(func=cmd_new_district)

    p = sub.add_parser("clear-sample", help="ก่อนใช้งานจริง: ลบบุคคลตัวอย่าง (สมมุติ) และป้ายข้อมูลตัวอย่างออกจากทุกไฟล์ "
                                            "เก็บเขตการปกครอง สำนักงาน และข้อมูลจริงไว้ (ไม่เขียนอะไรถ้ามีปัญหา)")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.set_defaults(func=cmd_clear_sample)

    p = sub.add_parser("rename-org", help="ย้ายโครงการไปองค์กร GitHub อื่น: เปลี่ยน repo_url (และ site_url) ใน mkdocs.yml "
                                          "ชื่อทีมผู้ดูแลในข้อมูล แล้วสร้าง CODEOWNERS และแบบฟอร์มรายงานใหม่")
    p.add_argument("org", metavar="NEW", help="ชื่อองค์กรใหม่ เช่น cdd-nongkhai")
    p.add_argument("--repo", help="ชื่อที่เก็บใหม่ (ค่าเริ่มต้น: ชื่อเดิม)")
    p.set_defaults(func=cmd_rename_org)

    p = sub.add_parser("new-round", help="เพิ่มรอบการรายงานใหม่ของปีงบประมาณ (และการประชุม) ใน province.yaml "
                                         "โดยเพิ่มบรรทัดท้ายรายการ ไม่แตะรอบเดิม")
    p.add_argument("id", help="รหัสรอบใหม่ เช่น 2568-club-update (ห้ามซ้ำรอบเดิม)")
    p.add_argument("--opens", required=True, help="วันเริ่มรับรายงาน YYYY-MM-DD (ค.ศ.) เช่น วันที่ของหนังสือเวียน")
    p.add_argument("--deadline", required=True, help="กำหนดส่ง YYYY-MM-DD (ค.ศ.)")
    p.add_argument("--title", help="ชื่อรอบ (ค่าเริ่มต้น: ทบทวน ปรับปรุงโครงสร้าง… ประจำปีงบประมาณ พ.ศ. ของวันเริ่ม)")
    p.add_argument("--province", help="รหัสจังหวัด 2 หลัก (ต้องระบุเมื่อข้อมูลมีหลายจังหวัด)")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--meeting-date", help="วันประชุมผู้แทน YYYY-MM-DD (ค.ศ.) — ใส่เมื่อหนังสือเวียนนัดประชุม")
    p.add_argument("--meeting-time", default="09:00", help="เวลาประชุม ชช:นน (ค่าเริ่มต้น 09:00)")
    p.add_argument("--meeting-place", help="สถานที่ประชุม")
    p.add_argument("--meeting-title", help="หัวข้อการประชุม")
    p.add_argument("--meeting-id", help="รหัสการประชุม (ค่าเริ่มต้น: <รหัสรอบ>-meeting)")
    p.add_argument("--representatives", type=int, default=2, help="ผู้แทนชมรมต่ออำเภอ (ค่าเริ่มต้น 2)")
    p.add_argument("--officials", type=int, default=1, help="เจ้าหน้าที่ต่ออำเภอ (ค่าเริ่มต้น 1)")
    p.add_argument("--circular", metavar="FILE", help="ไฟล์ข้อความเต็มของหนังสือเวียนที่ตั้งรอบนี้ (UTF-8) เก็บเป็น "
                                                      "circular-<รหัสรอบ>.txt และแสดงบนเว็บไซต์เป็นหนังสือเวียนปัจจุบัน")
    p.add_argument("--circular-number", help="เลขที่หนังสือ (ค่าเริ่มต้น: อ่านจากข้อความ บรรทัด ที่ …)")
    p.add_argument("--circular-date", help="วันที่ของหนังสือ YYYY-MM-DD (ค.ศ.) (ค่าเริ่มต้น: อ่านจากข้อความ)")
    p.add_argument("--circular-subject", help="เรื่อง (ค่าเริ่มต้น: อ่านจากข้อความ บรรทัด เรื่อง …)")
    p.add_argument("--circular-signer", help="ผู้ลงนามและตำแหน่ง (ค่าเริ่มต้น: อ่านจากข้อความ)")
    p.set_defaults(func=cmd_new_round)

    p = sub.add_parser("status", help="อำเภอที่ยังไม่ส่งรายงานของรอบ เรียงจากเกินกำหนดนานที่สุด พร้อมโทรศัพท์และหน้ารายงาน")
    p.add_argument("--round", metavar="ID", help="รหัสรอบ (ค่าเริ่มต้น: รอบปัจจุบัน)")
    p.add_argument("--format", choices=("text", "csv"), default="text")
    _standing_args(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("remind", help="เปิดเรื่องเตือน (issue) บน GitHub ถึงผู้ดูแลของอำเภอที่ยังไม่ส่งรายงานรอบปัจจุบัน "
                                      "แจ้งซ้ำเมื่อใกล้และเกินกำหนด และปิดเมื่อได้รับรายงาน (ไม่ใส่ --publish = พิมพ์แผนเท่านั้น)")
    p.add_argument("--publish", action="store_true", help="ทำจริงบน GitHub (ต้องมี GITHUB_TOKEN และ GITHUB_REPOSITORY)")
    _standing_args(p)
    p.set_defaults(func=cmd_remind)

    p = sub.add_parser("split-roster", help="แยก roster.yaml แบบเดิม (ทั้งอำเภอในไฟล์เดียว) เป็นหนึ่งไฟล์ต่อตำบลใน roster/ "
                                            "โดยข้อมูลไม่เปลี่ยน (ไม่เขียนอะไรถ้ามีปัญหา)")
    p.add_argument("--district", metavar="CODE", help="เฉพาะอำเภอรหัสนี้ (ค่าเริ่มต้น: ทุกอำเภอที่ยังมี roster.yaml)")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.set_defaults(func=cmd_split_roster)


def _standing_args(p) -> None:
    """The options of the commands that work out each district's standing on a day (status, remind)."""
    p.add_argument("--today", type=_date, default=None, help="วันที่ใช้คำนวณสถานะ (YYYY-MM-DD; ค่าเริ่มต้น: วันนี้ เวลาประเทศไทย)")
    p.add_argument("--province", help="รหัสจังหวัด 2 หลัก (ค่าเริ่มต้น: จังหวัดแรกในชุดข้อมูล)")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")


def _add_review_commands(sub) -> None:
    """check-pr, codeowners and the spreadsheet route: reviewing and submitting changes."""
    p = sub.add_parser("check-pr", help="ตรวจสิทธิ์และสรุปการเปลี่ยนแปลงของคำขอแก้ไข (pull request) ใน git")
    p.add_argument("--base", required=True, metavar="REV", help="รุ่นฐาน เช่น origin/main (สิทธิ์อ่านจากข้อมูลรุ่นนี้)")
    p.add_argument("--head", metavar="REV", help="รุ่นที่ตรวจ (ค่าเริ่มต้น: ไฟล์ในเครื่อง)")
    p.add_argument("--actor", metavar="LOGIN", help="บัญชี GitHub ของผู้ส่ง (หรือทีม องค์กร/ทีม); ไม่ระบุ = แสดงผู้ที่ต้องอนุมัติเท่านั้น")
    p.add_argument("--actor-teams", action="append", metavar="ORG/TEAM,…",
                   help="ทีมที่ผู้ส่งเป็นสมาชิก (คั่นด้วยจุลภาค ใส่ซ้ำได้); ไม่ระบุ = ไม่ทราบทีม ตรวจเฉพาะชื่อบัญชี")
    p.add_argument("--data-dir", metavar="DIR", help="โฟลเดอร์ข้อมูลในที่เก็บ (ค่าเริ่มต้น: data)")
    p.set_defaults(func=cmd_check_pr)

    p = sub.add_parser("report", help="อ่านรายงานของอำเภอจาก issue (ไฟล์เหตุการณ์ issues ของ GitHub) "
                                      "แก้ club.yaml/meeting.yaml เฉพาะบรรทัดที่เปลี่ยน ตรวจ แล้วพิมพ์คำตอบภาษาไทย")
    p.add_argument("event", metavar="EVENT.json", help="ไฟล์เหตุการณ์ (ใน GitHub Actions: $GITHUB_EVENT_PATH)")
    p.add_argument("--actor-teams", action="append", metavar="ORG/TEAM,…",
                   help="ทีมของผู้เปิด issue (คั่นด้วยจุลภาค); ไม่ระบุ = ไม่ทราบทีม ตรวจเฉพาะชื่อบัญชี")
    p.add_argument("--base", default="HEAD", metavar="REV", help="รุ่นของ branch หลัก (สิทธิ์อ่านจากข้อมูลรุ่นนี้; ค่าเริ่มต้น HEAD)")
    p.add_argument("--today", type=_date, default=None, help="วันที่ใช้ตรวจ (YYYY-MM-DD; ค่าเริ่มต้น: วันนี้ เวลาประเทศไทย)")
    p.add_argument("--publish", action="store_true",
                   help="ส่งผลขึ้น GitHub: branch report/<เลข issue>, pull request, ความเห็นตอบกลับ, ป้าย (ต้องมี GITHUB_TOKEN ของ GitHub App)")
    p.add_argument("--triage", action="store_true",
                   help="ไม่อ่านเนื้อรายงาน พิมพ์เพียง true (เป็นรายงานที่บอทต้องอ่านและตอบ) หรือ false — ขั้นก่อนขอ token ของ GitHub App")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("report-file", help="นำเข้าไฟล์รายงานที่อำเภอดาวน์โหลดจากหน้ารายงานของเว็บไซต์ (ไม่มีบัญชี GitHub) "
                                           "ตรวจและแก้ข้อมูลเหมือนรายงานที่ส่งเป็น issue")
    p.add_argument("file", metavar="FILE.md", help="ไฟล์รายงาน (report-<รายงาน>-<รหัสอำเภอ>.md)")
    p.add_argument("--author", required=True, metavar="LOGIN",
                   help="บัญชี GitHub ของผู้ดูแลที่นำเข้า (ใช้ตรวจสิทธิ์แทนผู้เปิด issue)")
    p.add_argument("--actor-teams", action="append", metavar="ORG/TEAM,…",
                   help="ทีมของผู้นำเข้า (คั่นด้วยจุลภาค) เช่น <องค์กร>/province-admins")
    p.add_argument("--base", default="HEAD", metavar="REV", help="รุ่นของ branch หลัก (ค่าเริ่มต้น HEAD)")
    p.add_argument("--today", type=_date, default=None, help="วันที่ใช้ตรวจ (YYYY-MM-DD; ค่าเริ่มต้น: วันนี้ เวลาประเทศไทย)")
    p.set_defaults(func=cmd_report_file)

    p = sub.add_parser("report-merged", help="หลังรวม (merge) คำขอแก้ไขของบอทรายงาน: แจ้งใน issue ว่ารายงานอยู่ในทำเนียบแล้ว "
                                             "พร้อมลิงก์หน้าอำเภอ (หลักฐานการรายงานของอำเภอ)")
    p.add_argument("event", metavar="EVENT.json", help="ไฟล์เหตุการณ์ pull_request ($GITHUB_EVENT_PATH)")
    p.add_argument("--publish", action="store_true", help="ส่งความเห็นขึ้น GitHub (ต้องมี GITHUB_TOKEN); ไม่ระบุ = พิมพ์เท่านั้น")
    p.set_defaults(func=cmd_report_merged)

    p = sub.add_parser("pr-actor", help="หาบัญชีที่การตรวจสิทธิ์ของคำขอแก้ไขต้องตรวจ: ผู้ส่ง หรือผู้รายงานเมื่อคำขอเป็นของบอท "
                                        "และ commit ล่าสุดเป็น commit ที่บอทสร้างเท่านั้น (พิมพ์ชื่อบัญชีเดียว)")
    p.add_argument("event", metavar="EVENT.json", help="ไฟล์เหตุการณ์ pull_request_target ($GITHUB_EVENT_PATH)")
    p.add_argument("--actor", required=True, metavar="LOGIN", help="ผู้ที่ทำให้เกิดเหตุการณ์ (github.actor)")
    p.add_argument("--bot", metavar="LOGIN", help="บัญชีของบอทรายงาน (ตัวแปร THAMNIAP_BOT_LOGIN); ไม่ระบุ = ไม่สลับผู้ตรวจ")
    p.set_defaults(func=cmd_pr_actor)

    p = sub.add_parser("issue-forms", help="สร้างแบบฟอร์มรายงาน .github/ISSUE_TEMPLATE/<รายงาน>.yml จากคำอธิบายช่อง")
    p.add_argument("--check", action="store_true", help="ไม่เขียนไฟล์ ตรวจว่าแบบฟอร์มใน git ตรงกับคำอธิบาย (ออก 1 เมื่อไม่ตรง)")
    p.set_defaults(func=cmd_issue_forms)

    p = sub.add_parser("codeowners", help="สร้าง .github/CODEOWNERS จากผู้ดูแลในข้อมูล")
    p.add_argument("--check", action="store_true", help="ไม่เขียนไฟล์ ตรวจว่าไฟล์ใน git เป็นปัจจุบัน (ออก 1 เมื่อไม่ตรง)")
    p.add_argument("--data", help="ชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--output", help="ไฟล์ปลายทาง (ค่าเริ่มต้น: .github/CODEOWNERS)")
    p.set_defaults(func=cmd_codeowners)

    p = sub.add_parser("template-xlsx", help="สร้างแบบฟอร์ม Excel (.xlsx) ของทำเนียบอำเภอ กรอกรายชื่อปัจจุบันไว้แล้ว")
    p.add_argument("code", help="รหัสอำเภอ 4 หลัก เช่น 4209")
    p.add_argument("-o", "--out", required=True, metavar="FILE", help="ไฟล์ .xlsx ที่จะสร้าง")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.set_defaults(func=cmd_template_xlsx)

    p = sub.add_parser("import-xlsx", help="นำเข้าแบบฟอร์ม Excel เป็นไฟล์รายตำบลใน roster/ ของอำเภอ (ไม่เขียนอะไรถ้ามีช่องผิด)")
    p.add_argument("file", metavar="FILE", help="ไฟล์ .xlsx ที่สร้างด้วย template-xlsx")
    p.add_argument("--district", required=True, metavar="CODE", help="รหัสอำเภอ 4 หลัก เช่น 4209")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้ตรวจข้อมูล (YYYY-MM-DD)")
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("import-roster", help="นำเข้าทำเนียบจากไฟล์ Excel ที่อำเภอใช้อยู่ (รูปแบบใดก็ได้) ครั้งแรกที่อำเภอเริ่มใช้ระบบ: "
                                             "เสนอว่าคอลัมน์ใดเป็นช่องใด แจ้งทุกแถวที่อ่านไม่ได้ และไม่เขียนอะไรจนกว่าทุกแถวถูกต้อง")
    p.add_argument("file", metavar="FILE", help="ไฟล์ .xlsx ของอำเภอ")
    p.add_argument("--district", required=True, metavar="CODE", help="รหัสอำเภอ 4 หลัก เช่น 4209")
    p.add_argument("--map", action="append", default=[], metavar="ช่อง=คอลัมน์",
                   help="แก้ข้อเสนอ: ช่อง (เช่น first_name หรือ ชื่อ, full_name, place) = ตัวอักษรคอลัมน์ (C) "
                        "หรือหัวคอลัมน์ หรือ - เพื่อไม่ใช้ (ใส่ซ้ำได้)")
    p.add_argument("--check", action="store_true", help="แสดงข้อเสนอและตรวจเท่านั้น ไม่เขียนไฟล์")
    p.add_argument("--data", help="รากของชุดข้อมูล (ค่าเริ่มต้น: data/)")
    p.add_argument("--today", type=_date, default=dt.date.today(), help="วันที่ใช้ตรวจข้อมูล (YYYY-MM-DD)")
    p.set_defaults(func=cmd_import_roster)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ProjectNotFound as exc:
        print(f"thamniap: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 2
    except BrokenPipeError:
        # the reader went away (`thamniap validate | head`): stop quietly, like other commands do
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141      # 128 + SIGPIPE, what a shell reports for a command cut off this way
    except Exception as exc:  # an internal error must not look like "data invalid" (exit 1)
        import traceback
        traceback.print_exc()
        print(f"thamniap: ข้อผิดพลาดภายในโปรแกรม (internal error): {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
