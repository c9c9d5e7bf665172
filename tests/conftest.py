"""Fixtures shared by the tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import BASE, GIT_ENV, hookfree_build, mkdocs_build, project_repo

from thamniap.render.reportform import reply


@pytest.fixture(autouse=True)
def replies_are_plain_thai(monkeypatch):
    """Issue 19 §6: every reply the bot makes in any test scenario is plain Thai for a district official:
    no file name, file line, YAML key or git word outside the collapsed part for the province's maintainers
    (reply.plain_problems). The bot's replies all end in reply._finish; comments posted through
    tests/fake_github.py are checked there too."""
    finish = reply._finish

    def checked(lines):
        out = finish(lines)
        found = reply.plain_problems(out)
        assert not found, f"the reply's main text holds {found}:\n{out}"
        return out

    monkeypatch.setattr(reply, "_finish", checked)


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A writable copy of the small clean dataset."""
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


@pytest.fixture
def data_repo(tmp_path, monkeypatch) -> Path:
    """The project's data on `main` of a new git repository (helpers.project_repo), with a fixed git
    identity; the current directory is its root."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    root = project_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def landed_site(tmp_path_factory) -> Path:
    """The project's site on the landed data/, built once per test session by the real
    `mkdocs build --strict` (helpers.mkdocs_build: the project's mkdocs.yml, for 1 Feb 2024).
    Shared by every test that needs that build: read it, never change it."""
    site = tmp_path_factory.mktemp("landed") / "site"
    proc = mkdocs_build(site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The project's site on the landed data/, built once per test session without hooks by the
    real `zensical build --strict` (helpers.hookfree_build: `thamniap pages --site-config`,
    Zensical, `thamniap index`). Compared with landed_site by tests/test_zensical.py and
    tests/browser/test_zensical_site.py: read it, never change it."""
    return hookfree_build(tmp_path_factory.mktemp("zensical"), generator="zensical")


# ---------------------------------------------------------------- figures measured

FIGURES = "figures"   # a test's record_property(FIGURES, text): a table it measured, printed at the run's end


def pytest_terminal_summary(terminalreporter):
    """Print the figures tests measured (Lighthouse, first paint at 400 kbps) at the end of every run,
    whichever process ran them: a speed figure is reported, not asserted, and a run under
    pytest-xdist would otherwise swallow what those tests print."""
    shown: list[str] = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == FIGURES and value not in shown:
                    shown.append(value)
    if shown:
        terminalreporter.section("figures measured")
        for text in shown:
            terminalreporter.write_line(text)
