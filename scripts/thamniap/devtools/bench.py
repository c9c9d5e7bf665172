"""`thamniap bench`: measure, side by side in one run on this machine, how long each job takes and
how much memory it needs — our validator against check-jsonschema on the same files, the
incremental check, the site builds and the bytes one search fetches. Prints a table, writes JSON.

Every step runs as a separate process; its peak memory is the largest total resident set of the
process and all its descendants, sampled from /proc every 20 ms.
"""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import threading
import time
from dataclasses import asdict
from pathlib import Path

from thamniap.core import geography
from thamniap.core.dates import thai_date
from thamniap.load.layout import slugify
from thamniap.devtools.measure import PY, TODAY, Step, git_copy, last_line, measure
from thamniap.devtools.rebuild import REBUILD_NAME, serve_rebuild

KINDS = ("province", "club", "district", "roster", "meeting")


def _diagnostic_counts(output: str) -> str:
    """'12 errors, 3 warnings' from `thamniap validate --format json` output."""
    try:
        found = json.loads(output)
    except ValueError:
        return last_line(output)
    errors = sum(1 for d in found if d.get("severity") == "error")
    return f"{errors} errors, {len(found) - errors} warnings"


def _thamniap(*args: str) -> list[str]:
    return [PY, "-m", "thamniap.cli", *args]


def ensure_sample(scale: str, work: Path, seed: int, project: Path) -> tuple[Path, Step | None]:
    """The dataset to measure: the PROJECT's data/ for loei, a generated national sample (made once)
    for national."""
    if scale == "loei":
        return project / "data", None
    root = work / f"national-{seed}"
    # The marker lives beside the dataset: inside, the site build would refuse it as an unknown file.
    done = work / f"national-{seed}.complete"
    if (root / ".complete").exists():            # made by an earlier bench, inside
        (root / ".complete").replace(done)
    if done.exists():
        return root, None
    shutil.rmtree(root, ignore_errors=True)
    step = measure("sample --scale national", _thamniap("sample", "--scale", "national", "--out", str(root),
                                                        "--seed", str(seed)))
    done.write_text("ok\n")
    return root, step


def data_files(root: Path) -> dict[str, list[str]]:
    from thamniap.load.layout import discover
    files: dict[str, list[str]] = {k: [] for k in KINDS}
    for f in discover(root).files:
        files[f.kind].append(str(f.path))
    return files


def check_jsonschema(root: Path, schemas: Path) -> Step:
    """check-jsonschema on the same files against the same schemas, those in SCHEMAS (one invocation
    per file kind)."""
    total, peak, ok, count = 0.0, 0.0, True, 0
    for kind, files in data_files(root).items():
        if not files:
            continue
        step = measure(f"check-jsonschema {kind}", [str(Path(PY).parent / "check-jsonschema"), "--schemafile",
                                                    str(schemas / f"{kind}.schema.json"), *files])
        total += step.seconds
        peak = max(peak, step.peak_mb)
        ok = ok and step.ok
        count += len(files)
    return Step("check-jsonschema (schema only)", round(total, 2), peak, ok, f"{count} files")


def git_repo_of(root: Path, work: Path) -> Path:
    """A git repository holding a copy of ROOT (made once), for --changed-since."""
    repo = work / f"git-{root.name}"
    marker = repo / ".git" / "thamniap-bench-complete"
    if marker.exists():
        return repo
    git_copy(root, repo)
    marker.write_text("ok\n")
    return repo


def changed_since(root: Path, work: Path) -> Step:
    """Change one district's roster in a git repository of the dataset; check only what changed."""
    repo = git_repo_of(root, work)
    rosters = sorted((repo / "data").glob("*/*/roster/*.yaml"))
    roster = rosters[len(rosters) // 2]
    original = roster.read_bytes()
    text = original.decode("utf-8")
    roster.write_text(text.replace("first_name: ", "first_name: ก", 1), encoding="utf-8")
    try:
        step = measure("validate --changed-since (1 district)",
                       _thamniap("validate", str(repo / "data"), "--changed-since", "HEAD", "--today", TODAY), ok_codes=(0,))
    finally:
        roster.write_bytes(original)
    step.extra["district"] = roster.parent.parent.name
    return step


def largest_province(root: Path) -> str:
    """Code of the province with the most people in the dataset (by roster file size)."""
    sizes: dict[str, int] = {}
    for roster in root.glob("*/*/roster/*.yaml"):
        code = roster.parent.parent.parent.name[:2]
        sizes[code] = sizes.get(code, 0) + roster.stat().st_size
    return max(sizes, key=sizes.get)


def province_folders(root: Path) -> list[Path]:
    """The dataset's province folders (42-loei …)."""
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name[:2].isdigit())


WHOLE_SITE = "site build: whole dataset"


def whole_site_build(root: Path, work: Path, project: Path) -> Step:
    """`mkdocs build --strict` of every province of ROOT in one site (issue 21 §4), once: the
    national site takes minutes, so it is not repeated like the Loei build."""
    return site_build(f"{WHOLE_SITE} ({len(province_folders(root))} provinces, every page)", root,
                      work / "site-whole", 1, project)


def whole_vs_loei(steps: list[Step]) -> dict | None:
    """The whole dataset's site build beside the Loei build of the same run: time, peak memory, pages."""
    loei = next((s for s in steps if s.name.startswith("site build: Loei")), None)
    whole = next((s for s in steps if s.name.startswith(WHOLE_SITE)), None)
    if not (loei and whole and loei.ok and whole.ok):
        return None

    def figures(step: Step) -> dict:
        return {"seconds": round(step.seconds, 2), "peak_mb": round(step.peak_mb), "pages": step.extra.get("pages"),
                "site_mb": step.extra.get("site_mb")}
    return {"loei": figures(loei), "whole": figures(whole),
            "time_ratio": round(whole.seconds / loei.seconds, 1) if loei.seconds else None,
            "memory_ratio": round(whole.peak_mb / loei.peak_mb, 1) if loei.peak_mb else None}


def site_build(name: str, data: Path, site: Path, repeat: int = 1, project: Path | None = None) -> Step:
    """`mkdocs build --strict` of DATA with PROJECT's mkdocs.yml (default: the current directory's),
    REPEAT times: the step's time is the median (this shared
    2-core machine's speed varies by tens of per cent from one minute to the next), every run's
    time is in the detail and `extra["runs"]`, the memory is the highest of all runs."""
    runs = [measure(name, [PY, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                    env={"THAMNIAP_DATA": str(data), "THAMNIAP_TODAY": TODAY}) for _ in range(max(1, repeat))]
    failed = next((r for r in runs if not r.ok), None)
    if failed is not None:
        return failed
    step = Step(name, statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), True, runs[-1].detail)
    if len(runs) > 1:
        step.detail = f"median of {len(runs)} runs: " + ", ".join(f"{r.seconds:.2f}" for r in runs) + " s"
        step.extra["runs"] = [r.seconds for r in runs]
    if site.exists():
        step.extra["pages"] = sum(1 for _ in site.rglob("index.html"))
        step.extra["site_mb"] = round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1)
    return step


# ---------------------------------------------------------------- the stock anchor
# What this project's build is held against (issue 23): a stock MkDocs + Material site holding
# the same people as plain Markdown tables, one page per district, indexed by the Pagefind CLI
# (the extended binary the build itself runs, build/search/pagefind.py). No hooks, no generated
# downloads, no QR codes.

STOCK_NAME = "stock site: MkDocs + Material + Pagefind, same people"


def stock_project(data: Path, folder: Path) -> tuple[Path, int]:
    """Write the stock site's mkdocs.yml and docs/ into FOLDER from DATA; (mkdocs.yml, people)."""
    from thamniap.check.validate import load_dataset
    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs"
    (docs / "districts").mkdir(parents=True)
    ds = load_dataset(data)
    pages, people = [], 0

    def cell(text) -> str:
        return "" if text is None else str(text).replace("|", "\\|").replace("\n", " ")

    for province in ds.provinces:
        for district in sorted(province.districts, key=lambda d: d.code):
            lines = [f"# อำเภอ{cell(district.name)}", ""]
            for sub in district.subdistricts or []:
                lines += [f"## ตำบล{cell(sub.name)}", "", "| ชื่อ | บทบาท | หมู่ที่ | หมู่บ้าน |", "|---|---|---|---|"]
                for person in sub.leaders:
                    lines.append(f"| {cell(person.name)} | ผู้นำ อช. | | |")
                    people += 1
                for village in sub.villages:
                    for person in village.volunteers:
                        lines.append(f"| {cell(person.name)} | อช. | {village.moo} | {cell(village.name)} |")
                        people += 1
                lines.append("")
            rel = f"districts/{district.code}.md"
            (docs / rel).write_text("\n".join(lines), encoding="utf-8")
            pages.append(rel)
    (docs / "index.md").write_text("# ทำเนียบ\n\n" + "".join(f"- [{p}]({p})\n" for p in pages), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text("site_name: ทำเนียบ (stock)\ntheme:\n  name: material\n  language: th\n  font: false\n"
                      "plugins: []\nmarkdown_extensions:\n  - tables\n", encoding="utf-8")
    return config, people


def stock_build(config: Path, site: Path) -> Step:
    """One build of the stock site: `mkdocs build --strict`, then the Pagefind CLI on the result."""
    from thamniap.build.search.pagefind import pagefind_executable
    script = (f"{_quote(PY)} -m mkdocs build --strict -q -f {_quote(str(config))} -d {_quote(str(site))} && "
              f"{_quote(str(pagefind_executable()))} --site {_quote(str(site))}")
    return measure(STOCK_NAME, ["sh", "-c", script])


def _quote(text: str) -> str:
    import shlex
    return shlex.quote(text)


# ---------------------------------------------------------------- the same site built by Zensical
# Material for MkDocs reaches its end of life on 5 May 2027; Zensical, its successor, builds this
# site on the hook-free path (issue 23 §2, tests/test_zensical.py). Timed whole, as `mkdocs build`
# with the hook is: the pages, the generator, the search index.

ZENSICAL_NAME = "Zensical build: Loei (thamniap pages, zensical build, thamniap index)"


def zensical_installed() -> bool:
    import importlib.util
    return importlib.util.find_spec("zensical") is not None


def zensical_build(data: Path, project: Path, folder: Path) -> Step:
    """One build of PROJECT's site from DATA with Zensical: `thamniap pages FOLDER/docs --site-config
    FOLDER/mkdocs.yml`, `zensical build`, `thamniap index FOLDER/site` (copying docs/ is not timed)."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(project / "docs", folder / "docs")
    config = folder / "mkdocs.yml"
    pages = _thamniap("pages", str(folder / "docs"), "--data", str(data), "--config", str(project / "mkdocs.yml"),
                      "--today", TODAY, "--site-config", str(config))
    script = " && ".join(" ".join(_quote(a) for a in argv) for argv in (
        pages, [PY, "-m", "zensical", "build", "--clean", "-f", str(config)],
        _thamniap("index", str(folder / "site"))))
    return measure(ZENSICAL_NAME, ["sh", "-c", script], cwd=project)


def side_by_side(data: Path, site: Path, work: Path, repeat: int, project: Path,
                 with_zensical: bool = True) -> list[Step]:
    """Our `mkdocs build --strict`, the stock anchor's and (WITH_ZENSICAL, when it is installed) our
    build with Zensical, alternating (a busy minute slows all), REPEAT times each; each step's time
    is its median."""
    config, people = stock_project(data, work / "stock")
    zensical = with_zensical and zensical_installed()
    ours_runs, stock_runs, zensical_runs = [], [], []
    for _ in range(max(1, repeat)):
        stock_runs.append(stock_build(config, work / "stock-site"))
        ours_runs.append(site_build("site build: Loei (pages, exports, QR, search index)", data, site, 1, project))
        if zensical:
            zensical_runs.append(zensical_build(data, project, work / "zensical"))
    steps = []
    for name, runs in (("site build: Loei (pages, exports, QR, search index)", ours_runs), (STOCK_NAME, stock_runs),
                       (ZENSICAL_NAME, zensical_runs)):
        if not runs:
            if with_zensical:
                steps.append(Step(name, None, None, True, "ไม่ได้วัด: ยังไม่ได้ติดตั้ง zensical (requirements-dev.txt)"))
            continue
        failed = next((r for r in runs if not r.ok), None)
        if failed is not None:
            steps.append(failed)
            continue
        step = Step(name, statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), True)
        step.detail = f"median of {len(runs)} runs: " + ", ".join(f"{r.seconds:.2f}" for r in runs) + " s"
        step.extra["runs"] = [r.seconds for r in runs]
        steps.append(step)
    next(s for s in steps if s.name == STOCK_NAME).extra["people"] = people
    return steps


def search_bytes(site: Path, query: str) -> Step:
    """Bytes the server sends for one search typed on the home page (after the page has loaded)."""
    chromium = os.environ.get("THAMNIAP_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return Step("search: bytes for one query", ok=False, detail="Chromium not installed")
    from playwright.sync_api import sync_playwright
    served: list[tuple[str, int]] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                          ".wasm": "application/wasm", ".json": "application/json"}

        def log_message(self, *args):
            pass

        def copyfile(self, source, outputfile):
            served.append((self.path, os.fstat(source.fileno()).st_size))
            super().copyfile(source, outputfile)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_load_state("networkidle")
            mark = len(served)
            started = time.perf_counter()
            page.fill("header input[type=search]", query)
            page.wait_for_function("(q) => { const r = document.querySelector('[data-tn-search]');"
                                   " return r.dataset.state === 'done' && r.dataset.query === q; }",
                                   arg=query, timeout=60_000)
            seconds = time.perf_counter() - started
            results = page.locator("[data-tn-search] .md-search-result__link").count()
            browser.close()
    finally:
        server.shutdown()
    fetched = sum(n for _, n in served[mark:])
    return Step("search: bytes for one query", round(seconds, 2), None, results > 0,
                f"{fetched / 1024:.0f} KB in {len(served) - mark} responses, {results} results for {query!r}",
                {"bytes": fetched, "responses": len(served) - mark, "query": query})


def a_name(root: Path, province_code: str) -> str:
    """A person's first and last name from the middle of the province's data (the query to search)."""
    rosters = sorted(root.glob(f"{province_code}-*/*/roster/*.yaml"))
    text = rosters[len(rosters) // 2].read_text(encoding="utf-8")
    first = text.split("first_name: ", 1)[1].split("\n", 1)[0]
    last = text.split("last_name: ", 1)[1].split("\n", 1)[0]
    return f"{first} {last}"


def run(scale: str, work: Path, seed: int = 2567, skip: tuple[str, ...] = (), repeat: int = 1,
        project: Path | None = None) -> dict:
    """Every step, for the PROJECT (default: the current directory) and the dataset of SCALE."""
    project = (project or Path.cwd()).resolve()
    work.mkdir(parents=True, exist_ok=True)
    steps: list[Step] = []
    root, made = ensure_sample(scale, work, seed, project)
    if made:
        steps.append(made)
    if "validate" not in skip:
        steps.append(measure("thamniap validate (full)", _thamniap("validate", str(root), "--today", TODAY, "--format", "json"),
                             project, describe=_diagnostic_counts))
    if "check-jsonschema" not in skip:
        steps.append(check_jsonschema(root, project / "schemas"))
    if "changed-since" not in skip:
        steps.append(changed_since(root, work))
    loei_site = work / "site-loei"
    if "site" not in skip and "stock" not in skip:
        steps += side_by_side(project / "data", loei_site, work, repeat, project, "zensical" not in skip)
    elif "site" not in skip:
        steps.append(site_build("site build: Loei (pages, exports, QR, search index)", project / "data", loei_site,
                                repeat, project))
    if "rebuild" not in skip:
        steps.append(serve_rebuild(project / "data", work, project))   # a province office's serve: its own data
    if "site" not in skip and "whole" not in skip and len(province_folders(root)) > 1:
        steps.append(whole_site_build(root, work, project))
    biggest = largest_province(root)
    big_site = loei_site
    if scale == "national" and "site" not in skip:
        p = geography.province(biggest)
        only = work / f"only-{biggest}"
        shutil.rmtree(only, ignore_errors=True)
        only.mkdir()
        folder = f"{biggest}-{slugify(p.name_en)}"
        shutil.copytree(root / folder, only / folder)
        big_site = work / f"site-{biggest}"
        steps.append(site_build(f"site build: largest province ({p.name_th})", only, big_site, repeat, project))
    if "search" not in skip and big_site.exists():
        steps.append(search_bytes(big_site, a_name(root, biggest)))
    return report(scale, root, steps)


def machine() -> dict:
    mem = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    return {"cpus": os.cpu_count(), "cpu": model, "memory_gb": round(int(mem) / 2**20, 1),
            "python": platform.python_version(), "system": platform.platform()}


def report(scale: str, root: Path, steps: list[Step]) -> dict:
    by = {s.name: s for s in steps}
    ours = by.get("thamniap validate (full)")
    theirs = by.get("check-jsonschema (schema only)")
    ratio = round(ours.seconds / theirs.seconds, 3) if ours and theirs and theirs.seconds else None
    files = sum(len(v) for v in data_files(root).values())
    site = next((s for s in steps if s.name.startswith("site build: Loei")), None)
    stock = by.get(STOCK_NAME)
    site_ratio, zensical_ratio = _ratio(site, stock), _ratio(by.get(ZENSICAL_NAME), stock)
    return {"scale": scale, "date": dt.date.today().isoformat(), "machine": machine(), "dataset": str(root),
            "files": files, "dataset_mb": round(sum(p.stat().st_size for p in root.rglob("*.yaml")) / 2**20, 1),
            "validate_vs_check_jsonschema": ratio, "site_vs_stock": site_ratio, "zensical_vs_stock": zensical_ratio,
            "whole_vs_loei": whole_vs_loei(steps), "steps": [asdict(s) for s in steps]}


def _ratio(step: Step | None, stock: Step | None) -> float | None:
    """STEP's time over the STOCK site's, when both were measured."""
    if not (step and stock and step.ok and stock.ok and step.seconds is not None and stock.seconds):
        return None
    return round(step.seconds / stock.seconds, 2)


def table(result: dict) -> str:
    lines = [f"ขนาดข้อมูล: {result['scale']} — {result['files']} ไฟล์, {result['dataset_mb']} MB; "
             f"เครื่อง: {result['machine']['cpus']} cores, {result['machine']['memory_gb']} GB",
             "| ขั้นตอน (step) | เวลา (s) | หน่วยความจำสูงสุด (MB) | ผล |", "|---|---:|---:|---|"]
    for s in result["steps"]:
        seconds = "-" if s["seconds"] is None else f"{s['seconds']:.2f}"
        peak = "-" if s["peak_mb"] is None else f"{s['peak_mb']:.0f}"
        lines.append(f"| {s['name']} | {seconds} | {peak} | {'ok' if s['ok'] else 'FAILED'} {s['detail']} |")
    if result["validate_vs_check_jsonschema"] is not None:
        lines.append(f"\nthamniap validate / check-jsonschema = {result['validate_vs_check_jsonschema']:.3f}")
    if result.get("site_vs_stock") is not None:
        lines.append(f"\nสร้างเว็บไซต์เลย / เว็บไซต์ stock (MkDocs + Material + Pagefind, คนชุดเดียวกัน) = "
                     f"{result['site_vs_stock']:.2f} ×")
    if result.get("zensical_vs_stock") is not None:
        lines.append(f"สร้างเว็บไซต์เลยด้วย Zensical / เว็บไซต์ stock = {result['zensical_vs_stock']:.2f} ×"
                     + (f" (MkDocs {result['site_vs_stock']:.2f} ×)" if result.get("site_vs_stock") is not None else ""))
    pair = result.get("whole_vs_loei")
    if pair:
        whole, loei = pair["whole"], pair["loei"]
        lines += ["", "| สร้างเว็บไซต์ (รอบเดียวกัน) | เวลา (s) | หน่วยความจำสูงสุด (MB) | หน้า | ขนาด (MB) |",
                  "|---|---:|---:|---:|---:|",
                  f"| จังหวัดเลย | {loei['seconds']:.2f} | {loei['peak_mb']} | {loei['pages']} | {loei['site_mb']} |",
                  f"| ทั้งชุดข้อมูล | {whole['seconds']:.2f} | {whole['peak_mb']} | {whole['pages']} | {whole['site_mb']} |",
                  f"| ทั้งชุด / เลย | {pair['time_ratio']} × | {pair['memory_ratio']} × | | |"]
    return "\n".join(lines)


def targets(result: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for the figures the project promises (None: not measured)."""
    steps = {s["name"]: s for s in result["steps"]}

    def find(prefix: str):
        return next((s for name, s in steps.items() if name.startswith(prefix)), None)

    full = find("thamniap validate (full)")
    inc = find("validate --changed-since")
    loei = find("site build: Loei")
    big = find("site build: largest")
    search = find("search:")
    fetched = search["extra"].get("bytes") if search and search.get("extra") else None
    return [
        _target("validate ทั้งชุด ≤ 0.25 × check-jsonschema", result.get("validate_vs_check_jsonschema"),
                lambda ratio: f"{ratio:.3f} ×", lambda ratio: ratio <= 0.25),
        _target("หน่วยความจำสูงสุดของ validate ≤ 2 GB", full,
                lambda s: f"{s['peak_mb']:.0f} MB", lambda s: s["peak_mb"] <= 2048),
        _target("ตรวจเฉพาะอำเภอที่เปลี่ยน ≤ 3 s", inc, _seconds, lambda s: s["ok"] and s["seconds"] <= 3),
        _target("สร้างเว็บไซต์เลย ≤ 10 s", loei, _seconds, lambda s: s["ok"] and s["seconds"] <= 10),
        _target("สร้างเว็บไซต์เลย ≤ 1.5 × เว็บไซต์ stock", result.get("site_vs_stock"),
                lambda ratio: f"{ratio:.2f} ×", lambda ratio: ratio <= 1.5),
        _target("สร้างเว็บไซต์จังหวัดใหญ่ที่สุด ≤ 30 s", big, _seconds, lambda s: s["ok"] and s["seconds"] <= 30),
        _target("mkdocs serve: งานของเราหลังแก้ roster หนึ่งไฟล์ ≤ 1 s", find(REBUILD_NAME), _seconds,
                lambda s: s["ok"] and s["seconds"] <= 1),
        _target("ค้นหาหนึ่งครั้ง ≤ 250 KB (จังหวัดใหญ่ที่สุด)", fetched,
                lambda n: f"{n / 1024:.0f} KB", lambda n: n <= 250 * 1024),
    ]


def _target(label: str, measured, shown, met) -> tuple[str, str, bool | None]:
    """(LABEL, the figure as shown, whether it meets the target); "-" and None when not measured."""
    if measured is None:
        return label, "-", None
    return label, shown(measured), met(measured)


def _seconds(step: dict) -> str:
    return f"{step['seconds']:.2f} s"


def _measured_on(day: str) -> str:
    """result['date'] (ISO, as stored in the JSON) as a Thai date: '2026-11-25' -> thai_date (Thai month, B.E. year)."""
    try:
        return thai_date(dt.date.fromisoformat(day))
    except (TypeError, ValueError):
        return str(day)


def markdown(result: dict) -> str:
    """The results block of docs/performance.md."""
    m = result["machine"]
    lines = [f"วัดเมื่อวันที่ {_measured_on(result['date'])} บนเครื่อง {m['cpus']} คอร์ ({m['cpu'] or 'ไม่ทราบรุ่น'}), หน่วยความจำ {m['memory_gb']} GB, "
             f"Python {m['python']} — ชุดข้อมูล `{result['scale']}`: {result['files']} ไฟล์ {result['dataset_mb']} MB",
             "", table(result).split("\n", 1)[1], "", "| เป้าหมาย | ผลวัด | ผ่าน |", "|---|---:|---|"]
    for target, measured, met in targets(result):
        lines.append(f"| {target} | {measured} | {'-' if met is None else ('ผ่าน' if met else 'ไม่ผ่าน')} |")
    return "\n".join(lines)


def update_docs(result: dict, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("<!-- bench:start -->", 1)
    _, tail = rest.split("<!-- bench:end -->", 1)
    page.write_text(head + "<!-- bench:start -->\n" + markdown(result) + "\n<!-- bench:end -->" + tail, encoding="utf-8")
