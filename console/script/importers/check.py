"""A built `Show` checked by the script format's own reader, so an import never hands
over a show `console validate` would refuse."""

from __future__ import annotations

from console.script.issues import Issue
from console.script.model import Show
from console.script.parse import build_show
from console.tomlfile import KeyLines


def show_document(show: Show) -> dict:
    """The show as the TOML document that would hold it (what tomllib would read)."""
    header: dict = {"title": show.title}
    if show.platform:
        header["platform"] = show.platform
    if show.hosts:
        header["hosts"] = list(show.hosts)
    if show.assistants:
        header["assistants"] = list(show.assistants)
    if show.planned_start is not None:
        header["planned_start"] = show.planned_start
    if show.notes:
        header["notes"] = show.notes
    targets = {k: v for k, v in vars(show.targets).items() if v is not None}
    if targets:
        header["targets"] = targets
    skus = []
    for sku in show.skus:
        table: dict = {"id": sku.id, "name": sku.name}
        for key in ("list_price", "live_price", "stock", "link"):
            if getattr(sku, key) is not None:
                table[key] = getattr(sku, key)
        for key in ("selling_points", "scenes"):
            if getattr(sku, key):
                table[key] = list(getattr(sku, key))
        if sku.faq:
            table["faq"] = [{"q": e.question, "a": e.answer} for e in sku.faq]
        if sku.compliance:
            table["compliance"] = sku.compliance
        skus.append(table)
    segments = []
    for seg in show.segments:
        table = {"id": seg.id, "kind": seg.kind.value, "title": seg.title,
                 "duration": seg.duration_s}
        if seg.sku_id is not None:
            table["sku"] = seg.sku_id
        for key in ("host", "assistant", "floor", "cues"):
            if getattr(seg, key):
                table[key] = list(getattr(seg, key))
        if seg.notes:
            table["notes"] = seg.notes
        segments.append(table)
    return {"schema_version": show.schema_version, "show": header,
            "defaults": dict(vars(show.defaults)), "sku": skus, "segment": segments}


def check_show(show: Show) -> list[Issue]:
    _, issues = build_show(show_document(show), KeyLines())
    return issues
