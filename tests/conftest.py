import os

import pytest

from console.clock import FakeClock
from console.engine.runner import ShowRunner
from console.kpi.model import KpiModel, Sample
from console.resources import resource_path
from console.script import load_show, load_show_text
from console.storage.database import open_database

# Before pytest-qt creates the QApplication: no screen, no sound server needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LIVE_CONSOLE_AUDIO"] = "off"
# The command line speaks the terminal's language; the suite expects English from it
# whatever the developer's locale (tests that want Chinese ask for it).
os.environ["LC_ALL"] = "C.UTF-8"

SHOWS = resource_path("shows")
STANDARD = SHOWS / "standard-35min.toml"
MARATHON = SHOWS / "marathon-2h.toml"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """No test may touch a real per-user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LIVE_CONSOLE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_modal_startup_dialog(monkeypatch):
    """A modal box would wait for a click that never comes: tests capture it instead."""
    import console.ui.startup_dialogs as dialogs

    def refuse(box):
        raise AssertionError(f"a modal startup dialog would block: {box.informativeText()}")
    monkeypatch.setattr(dialogs, "show_modal", refuse)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def standard():
    return load_show(STANDARD)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "db" / "sessions.db")
    yield database
    database.close()


@pytest.fixture
def make_runner(clock):
    """A runner over a show written inline, recording its events in a list."""
    def make(text_or_loaded, journal=None, **kwargs):
        loaded = text_or_loaded if not isinstance(text_or_loaded, str) else load_show_text(text_or_loaded)
        events = []
        runner = ShowRunner(loaded.show, clock, journal=journal or events.append, **kwargs)
        runner.events = events
        return runner
    return make


def show_text(*segments: str, defaults: str = "", skus: str = "") -> str:
    """A minimal valid show with the given [[segment]] bodies."""
    sku_block = skus or '[[sku]]\nid = "A"\nname = "商品A"\n[[sku]]\nid = "B"\nname = "商品B"\n'
    body = "\n".join(f"[[segment]]\n{s}\n" for s in segments)
    return (f'schema_version = 1\n[show]\ntitle = "测试"\n[defaults]\n{defaults}\n'
            f"{sku_block}\n{body}")


def model_with(*samples):
    """A KPI model holding (show_ms, {field: value}) samples, in order."""
    model = KpiModel()
    for show_ms, values in samples:
        model.add(Sample(show_ms, values, "test"))
    return model
