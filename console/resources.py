"""Bundled resources, found the same way from a source checkout and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; build.spec puts them in resources/.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_show_path() -> Path:
    return resource_path("shows", "standard-35min.toml")
