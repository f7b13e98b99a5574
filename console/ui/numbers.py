"""Figures as the assistant reads them: never "-0.0" (a change too small to show is 0)."""

from __future__ import annotations


def signed(value: float, decimals: int = 0) -> str:
    """+1,234 / -0.3 / +0 — rounded first, so a tiny fall is "+0.0", not "-0.0"."""
    rounded = round(value, decimals) + 0.0          # + 0.0 turns -0.0 into 0.0
    return f"{rounded:+,.{decimals}f}"


def percent(fraction: float, decimals: int = 1) -> str:
    """12.3% — and 0.0%, never -0.0%."""
    rounded = round(fraction, decimals + 2) + 0.0
    return f"{rounded:.{decimals}%}"
