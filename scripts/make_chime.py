"""Regenerates resources/sounds/lottery.wav: a short two-note bell, loud enough over a studio.

    .venv/bin/python scripts/make_chime.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
NOTES = ((0.00, 880.0), (0.18, 1318.5))    # A5 then E6: "ding-dong", rising = good news
LENGTH_S = 0.9

path = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "lottery.wav"
frames = bytearray()
for i in range(int(RATE * LENGTH_S)):
    t = i / RATE
    sample = 0.0
    for start, freq in NOTES:
        if t >= start:
            age = t - start
            # A bell: fundamental plus a quieter octave, decaying exponentially.
            sample += math.exp(-4.5 * age) * (math.sin(2 * math.pi * freq * age)
                                              + 0.3 * math.sin(4 * math.pi * freq * age))
    frames += struct.pack("<h", int(max(-1.0, min(1.0, sample * 0.45)) * 32767))
with wave.open(str(path), "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(RATE)
    out.writeframes(bytes(frames))
print(f"{path}: {path.stat().st_size} bytes")
