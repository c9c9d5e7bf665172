"""Fixtures shared by the tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import BASE


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A writable copy of the small clean dataset."""
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root
