"""Fixtures shared by the tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import BASE, GIT_ENV, project_repo


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
