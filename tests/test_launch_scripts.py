"""scripts/launch.sh and test.sh start at once when nothing changed: pip runs only when needed."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALL = ROOT / "scripts" / "install-console.sh"

if shutil.which("bash") is None:                           # pragma: no cover
    pytest.skip("needs bash", allow_module_level=True)

# A stand-in for the venv's python: notes each pip call, "installs" the console
# command, and prints a setuptools-style banner on stderr as the real build does.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../pip-calls"
[ -f "$(dirname "$0")/../fail" ] && { echo "pip: boom"; exit 1; }
touch "$(dirname "$0")/console" && chmod +x "$(dirname "$0")/console"
echo "******** Please be careful with folders in your working directory ********" >&2
"""


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "checkout"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return root, venv


def install(checkout, extras=""):
    root, venv = checkout
    result = subprocess.run(
        ["bash", "-c", f'source "{INSTALL}"; install_console "$1" "$2" "$3"', "-",
         str(root), str(venv), extras], capture_output=True, text=True, timeout=30)
    calls = (venv / "pip-calls").read_text().splitlines() if (venv / "pip-calls").exists() else []
    return result, calls


def test_the_console_is_installed_once_then_the_start_skips_pip(checkout):
    root, _ = checkout
    first, calls = install(checkout)
    assert first.returncode == 0 and calls == [f"-m pip install --quiet -e {root}"]
    second, calls = install(checkout)
    assert second.returncode == 0 and len(calls) == 1
    assert second.stderr == ""


def test_the_setuptools_banner_is_not_shown_when_the_install_works(checkout):
    result, _ = install(checkout)
    assert "Please be careful" not in result.stderr + result.stdout
    assert result.stderr.startswith("installing the console into")


def test_new_extras_install_again_and_older_groups_stay_satisfied(checkout):
    root, _ = checkout
    install(checkout)
    _, calls = install(checkout, "test")
    assert calls[-1] == f"-m pip install --quiet -e {root}[test]"
    _, again = install(checkout, "")                        # launch.sh after test.sh
    _, once_more = install(checkout, "test")
    assert len(again) == len(once_more) == 2


def test_a_changed_pyproject_installs_again(checkout):
    root, _ = checkout
    install(checkout)
    with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("\n# a new dependency\n")
    _, calls = install(checkout)
    assert len(calls) == 2


def test_a_removed_console_command_installs_again(checkout):
    _, venv = checkout
    install(checkout)
    (venv / "bin" / "console").unlink()
    _, calls = install(checkout)
    assert len(calls) == 2


def test_a_failed_install_shows_pips_messages_and_is_tried_again(checkout):
    _, venv = checkout
    (venv / "fail").touch()
    result, _ = install(checkout)
    assert result.returncode != 0
    assert "pip: boom" in result.stderr and "installing the console failed" in result.stderr
    (venv / "fail").unlink()
    result, calls = install(checkout)
    assert result.returncode == 0 and len(calls) == 2
