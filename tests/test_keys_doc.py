"""docs/keys.md lists exactly the key map the console installs."""

from pathlib import Path

from console.ui.keymap import BINDINGS

DOC = (Path(__file__).resolve().parent.parent / "docs" / "keys.md").read_text("utf-8")


def test_every_binding_is_documented_with_its_keys():
    for binding in BINDINGS:
        line = next((row for row in DOC.splitlines() if f"| {binding.label} |" in row), None)
        assert line is not None, binding.label
        keys = (binding.keys[0], binding.keys[-1]) if binding.numbered else binding.keys
        for key in keys:
            assert f"`{key}`" in line, (binding.label, key)
