"""Real-browser harness: build a site with MkDocs, serve it on 127.0.0.1, drive Chromium.

Fixtures
--------
``site_config``   (session) the mkdocs.yml to build; default: site_fixture/mkdocs.yml.
                  Override it in a test module to run the same harness on another site.
``built_site``    (session) ``BuiltSite(dir, url, log)``: the site built with
                  ``mkdocs build --strict`` into a temporary directory and served by a
                  threaded ``http.server`` on 127.0.0.1, random port, under /thamniap/
                  (the path of site_url, as GitHub Pages serves it).
``browser``       (session) Playwright Chromium, the SYSTEM browser at /usr/bin/chromium
                  (no ``playwright install``). When it or Playwright is missing the
                  tests skip with the reason, except under CI (CI=true), where they
                  fail: install it with ``scripts/install-browser.sh``.
``page``          (function) ``BrowserPage``: a fresh context + page (desktop size) that
                  records every request URL, finished request and console error.
``phone_page``    (function) the same at a phone size (360×740, touch).

The Chromium path can be changed with THAMNIAP_CHROMIUM=/path/to/chromium.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = os.environ.get("THAMNIAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_HOSTS = {"127.0.0.1"}
SITE_PATH = "/thamniap/"   # the path of site_url: GitHub Pages serves the project site there


def site_path(url: str) -> str:
    """The path of URL inside the site ("/thamniap/a/b/" -> "/a/b/"); unchanged when outside it."""
    path = urlsplit(url).path
    return "/" + path[len(SITE_PATH):] if path.startswith(SITE_PATH) else path


# ---------------------------------------------------------------- building + serving


@dataclass
class BuiltSite:
    dir: Path
    url: str          # "http://127.0.0.1:PORT/thamniap/" (the site_url path; ends with "/")
    log: str          # mkdocs build output
    served: list = field(default_factory=list)   # (path, body bytes) per response, in order

    def bytes_served_since(self, mark: int) -> tuple[int, list[tuple[str, int]]]:
        """Body bytes the server sent after ``mark`` (= an earlier ``len(served)``).

        Counted at the server, so requests from Pagefind's web worker are included.
        """
        rows = list(self.served[mark:])
        return sum(n for _, n in rows), rows

    def page_url(self, path: str = "") -> str:
        return self.url + path.lstrip("/")


def build_site(config_file: Path, site_dir: Path) -> str:
    """``mkdocs build --strict`` in a subprocess (keeps Pagefind's asyncio out of pytest).

    Returns the build log; raises AssertionError with the log if the build fails.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("THAMNIAP_DATA", None)   # the config file says which data (if any) to render
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(config_file), "-d", str(site_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build failed ({proc.returncode}):\n{log}"
    return log


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
    }

    served: list | None = None   # set per server

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def end_headers(self):
        """Every answer may be kept for 10 minutes, as GitHub Pages says (Cache-Control: max-age=600):
        a page opened after another takes the stylesheet, fonts and scripts from the browser's cache
        instead of asking again. A test's new browser context starts with an empty cache."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source, outputfile):
        size = os.fstat(source.fileno()).st_size
        super().copyfile(source, outputfile)
        if self.served is not None:
            self.served.append((site_path(self.path), size))


@pytest.fixture(scope="session")
def site_config() -> Path:
    return HERE / "site_fixture" / "mkdocs.yml"




class _PrefixHandler(_QuietHandler):
    """Serves the site only under SITE_PATH, as GitHub Pages does: a link that climbs out of
    /thamniap/ (or starts at the server root) gets a 404 instead of working by luck."""

    def translate_path(self, path):
        if not path.startswith(SITE_PATH):
            return os.path.join(self.directory, "__outside-the-site-path__", "missing")
        return super().translate_path("/" + path[len(SITE_PATH):])

    def send_error(self, code, message=None, explain=None):
        """A missing address under SITE_PATH gets the site's 404.html with status 404, as on GitHub Pages."""
        page = Path(self.directory, "404.html")
        if code != 404 or not self.path.startswith(SITE_PATH) or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _GzipHandler(_PrefixHandler):
    """_PrefixHandler that compresses text files (gzip) for a browser that accepts it, as GitHub
    Pages does: what a phone downloads is the compressed size."""

    COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".wasm")

    def do_GET(self):
        path = self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if (not os.path.isfile(path) or not path.endswith(self.COMPRESSED)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.served is not None:
            self.served.append((site_path(self.path), len(body)))


def data_site_config(work: Path, data: Path, site_url: str | None = None) -> Path:
    """A mkdocs.yml in WORK that builds the project's site from the dataset DATA (for 1 Feb 2024)."""
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        + (f"site_url: {site_url}\n" if site_url else "")
        + f"docs_dir: {REPO / 'docs'}\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
        f"hooks:\n  - {REPO / 'scripts/mkdocs_hook.py'}\n"
        f"extra:\n  thamniap:\n    data: {data}\n    today: 2024-02-01\n", encoding="utf-8")
    return config


@contextlib.contextmanager
def serve_site(site_dir: Path, log: str = "", compress: bool = False):
    """A threaded http.server on 127.0.0.1 (random port) serving SITE_DIR under SITE_PATH
    (COMPRESS: text files gzip-compressed for a browser that accepts it, as GitHub Pages serves)."""
    served: list = []
    handler_class = type("_Handler", (_GzipHandler if compress else _PrefixHandler,), {"served": served})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield BuiltSite(site_dir, f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}", log, served)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def built_site(site_config: Path, tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    log = build_site(site_config, site_dir)
    with serve_site(site_dir, log) as site:
        yield site


# ---------------------------------------------------------------- browser


def under_ci() -> bool:
    """True on a CI runner (GitHub Actions and most others set CI=true)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing_browser(reason: str):
    """Stop a browser test: a failure under CI (a runner without the browser would otherwise pass
    with every browser test skipped), a skip with REASON on a developer's machine."""
    if under_ci():
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        missing_browser(f"Chromium not found at {CHROMIUM}: run scripts/install-browser.sh "
                        "(apt-get install -y chromium) or set THAMNIAP_CHROMIUM")
    try:
        import playwright.sync_api as sync_api
    except ImportError:
        missing_browser("playwright not installed: pip install -r requirements-dev.txt")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class BrowserPage:
    page: object                      # playwright.sync_api.Page
    requests: list = field(default_factory=list)          # every request URL, in order
    finished: list = field(default_factory=list)          # finished Request objects
    console_errors: list = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but 127.0.0.1 (data:/blob: URLs never leave the page)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out

    def bytes_since(self, mark: int) -> tuple[int, list[tuple[str, int]]]:
        """Sum of response body sizes of requests finished after ``mark``."""
        rows = []
        for req in self.finished[mark:]:
            try:
                size = req.sizes()["responseBodySize"]
            except Exception:  # noqa: BLE001 - request gone with its page
                size = 0
            rows.append((req.url, size))
        return sum(s for _, s in rows), rows

    def assert_clean(self):
        foreign = self.foreign_requests()
        assert not foreign, "requests left 127.0.0.1:\n  " + "\n  ".join(foreign)
        assert not self.console_errors, "console errors:\n  " + "\n  ".join(self.console_errors)


def _open_page(browser, **context_args) -> tuple[object, BrowserPage]:
    context = browser.new_context(locale="th-TH", **context_args)
    page = context.new_page()
    bp = BrowserPage(page)
    page.on("request", lambda req: bp.requests.append(req.url))
    page.on("requestfinished", lambda req: bp.finished.append(req))
    page.on("requestfailed", lambda req: bp.console_errors.append(
        f"request failed: {req.url} ({req.failure})"))
    page.on("console", lambda msg: bp.console_errors.append(f"console.{msg.type}: {msg.text}")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: bp.console_errors.append(f"page error: {exc}"))
    return context, bp


@pytest.fixture
def page(browser):
    context, bp = _open_page(browser, viewport={"width": 1280, "height": 800})
    yield bp
    context.close()


@pytest.fixture
def phone_page(browser):
    context, bp = _open_page(browser, viewport={"width": 360, "height": 740},
                             is_mobile=True, has_touch=True, device_scale_factor=2)
    yield bp
    context.close()
