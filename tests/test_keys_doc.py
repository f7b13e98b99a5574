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


def test_the_page_is_what_the_generator_writes(tmp_path, monkeypatch):
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "keys_doc", Path(__file__).resolve().parent.parent / "scripts" / "keys_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path.parent / "copy")
    (module.ROOT / "docs").mkdir(parents=True)
    (module.ROOT / "resources" / "i18n").mkdir(parents=True)
    source = Path(__file__).resolve().parent.parent
    (module.ROOT / "resources" / "i18n" / "console_zh_CN.ts").write_bytes(
        (source / "resources" / "i18n" / "console_zh_CN.ts").read_bytes())
    module.main()
    assert (module.ROOT / "docs" / "keys.md").read_text("utf-8") == DOC, \
        "run scripts/keys_doc.py"
