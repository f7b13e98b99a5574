"""Show time as people read it: m:ss, h:mm:ss, with a sign when it is a difference.

The one place clocks are written: the windows, the graphs' time axis, the terminal
timeline and the command line all import from here, so a countdown on the operator's
screen and the same moment in a log file always read alike. Plain Python (no Qt), so
the headless path can use it too.

Every function takes milliseconds (an int; a float is accepted and treated the same)
and writes whole seconds; none of them rounds to the nearest second:
`clock_text` cuts toward zero (1.9 s is 0:01, -1.9 s is -0:01), `countdown_text`
rounds a time left up (0.1 s left is 0:01, so 0:00 means time is up).
"""

from __future__ import annotations


def _hms(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_text(ms: int | float, signed: bool = False) -> str:
    """1:30, 1:02:03, or +0:15 / -1:05 when `signed`; whole seconds, rounded toward zero.
    A negative time always has its minus sign, even under a second (-0:00)."""
    sign = "-" if ms < 0 else ("+" if signed else "")
    return sign + _hms(int(abs(ms) // 1000))


def duration_text(ms: int | float) -> str:
    """A span said in a sentence, always with its hours (0:56:02, 1:02:03), so that it
    cannot be read as minutes and seconds; whole seconds, rounded toward zero."""
    seconds = int(abs(ms) // 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def countdown_text(remaining_ms: int | float) -> str:
    """What a countdown shows: whole seconds rounded up, so 0:00 means time is up;
    overtime counts up with a plus sign (+0:05 = five seconds over)."""
    if remaining_ms > 0:
        return clock_text(-(-remaining_ms // 1000) * 1000)
    return "+" + clock_text(-remaining_ms)


def minutes_text(seconds: int) -> str:
    """m:ss with the minutes never carried into hours (90:00, 125:30): the way a
    script writes a duration ("1:30"), for messages that suggest one."""
    return f"{seconds // 60}:{seconds % 60:02d}"
