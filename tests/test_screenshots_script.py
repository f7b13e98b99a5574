"""The screenshot script renders every key state of both windows."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "screenshots.py"


@pytest.mark.slow
def test_screenshots_cover_the_states_a_host_and_assistant_care_about(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    names = {p.name for p in tmp_path.glob("*.png")}
    for state in ("sku-10s-left", "overtime", "lottery-due", "crisis-pushed", "message",
                  "key-map", "hold", "prompt-skip", "prompt-jump", "typing"):
        for size in ("1366", "1920"):
            for window in ("operator", "presenter"):
                assert f"{state}-{size}-{window}.png" in names
    assert "sku-10s-left-en-1366-operator.png" in names
    assert "does not fit" not in result.stderr
    assert all(p.stat().st_size > 20_000 for p in tmp_path.glob("*.png"))
