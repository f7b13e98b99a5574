"""A show being edited: the editor's (and the importer's) model, free of Qt.

A `Draft` holds a `Show` — frozen, so each edit makes a new one with
`dataclasses.replace` — and the text and path it came from. Every edit is a small named
method; an edit that changes nothing is not recorded, any other pushes the show before
it on the undo stack (at most `MAX_UNDO` deep) and clears the redo stack. `issues()`
writes the draft as "Save" would and runs the validator on that text, so the editor
shows exactly what `console validate` would say, each problem placed on the field
(header, n-th SKU, n-th segment) that causes it. Values are taken the way the reader
takes them (titles and lines stripped, blank lines dropped, a segment without a title
called by its kind), so the draft's show is the show its saved file reads back as.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from console.errors import KnownError
from console.script import check_show_bytes, content_hash, load_show_text
from console.script.issues import Issue
from console.script.model import (STANDARD_OPENING_MAX_S, STANDARD_SKU_PITCH_S, Defaults,
                                  Segment, SegmentKind, Show, Sku)
from console.script.writer import default_duration_s, update_show_text, write_show
from console.text import translate
from console.tomlfile import decode, read_bytes

__all__ = ["Area", "Draft", "FieldIssue", "PlannedCue", "PlannedSegment", "Timeline",
           "new_segment_seconds", "place", "timeline"]

MAX_UNDO = 200
MAX_ID = 40
# A custom segment must give its length; a new one starts at a minute.
CUSTOM_SECONDS = 60

_HEADER_FIELDS = {"title", "platform", "hosts", "assistants", "planned_start", "notes"}
_LINE_FIELDS = {"hosts", "assistants", "host", "assistant", "floor", "cues",
                "selling_points", "scenes"}
def _kind_label(kind: SegmentKind) -> str:
    labels = {
        SegmentKind.OPENING: translate("Draft", "Opening"),
        SegmentKind.SKU: translate("Draft", "SKU pitch"),
        SegmentKind.LOTTERY: translate("Draft", "Lottery"),
        SegmentKind.INTERACTION: translate("Draft", "Interaction"),
        SegmentKind.FLASH_SALE: translate("Draft", "Flash sale"),
        SegmentKind.COUPON: translate("Draft", "Coupon"),
        SegmentKind.CLOSING: translate("Draft", "Closing"),
        SegmentKind.CUSTOM: translate("Draft", "Custom"),
    }
    return labels[kind]


def new_segment_seconds(kind: SegmentKind, defaults: Defaults) -> int:
    """How long a new segment of `kind` is planned: what the format gives a segment
    without a duration (an SKU pitch `defaults.sku_seconds`, an opening 3:00, a
    lottery 1:00 …), a custom one a minute."""
    seconds = default_duration_s(kind, defaults)
    return CUSTOM_SECONDS if seconds is None else seconds


def _lines(value: str | Iterable[str]) -> tuple[str, ...]:
    """Lines as the reader keeps them: stripped, blank ones dropped."""
    items = [value] if isinstance(value, str) else list(value)
    return tuple(v.strip() for v in items if v.strip())


def _unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … — the first not in `taken`, ≤ 40 characters."""
    base = re.sub(r"[^A-Za-z0-9_\-]", "-", base)[:MAX_ID].strip("-_") or "x"
    if not base[0].isalnum():
        base = "x" + base[: MAX_ID - 1]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)] + suffix
    return candidate


# ── Issues on fields ───────────────────────────────────────────────────────────

class Area(enum.Enum):
    HEADER = "header"       # [show], [show.targets], [defaults]
    SKU = "sku"
    SEGMENT = "segment"
    FILE = "file"           # the file as a whole: syntax, schema_version, encoding


@dataclasses.dataclass(frozen=True)
class FieldIssue:
    """A problem of the draft, on the field the editor shows it on."""

    issue: Issue
    area: Area
    index: int | None       # from 0, for an SKU or a segment; None for the header or all
    field: str              # "duration", "title", "targets.gmv", "defaults.sku_seconds", ""

    @property
    def is_error(self) -> bool:
        return self.issue.is_error


_ENTRY = re.compile(r"^(segment|sku)(?:\[(\d+)\])?(?:\.(.*))?$")


def place(issue: Issue) -> FieldIssue:
    """Where in the draft `issue` belongs, from the field the validator names."""
    entry = _ENTRY.match(issue.field)
    if entry:
        index = int(entry.group(2)) - 1 if entry.group(2) else None
        return FieldIssue(issue, Area(entry.group(1)), index, entry.group(3) or "")
    if issue.field == "show" or issue.field.startswith("show."):
        return FieldIssue(issue, Area.HEADER, None, issue.field[len("show."):])
    if issue.field == "defaults" or issue.field.startswith("defaults."):
        return FieldIssue(issue, Area.HEADER, None, issue.field)
    return FieldIssue(issue, Area.FILE, None, issue.field)


# ── The planned timeline ───────────────────────────────────────────────────────

@dataclasses.dataclass(frozen=True)
class PlannedSegment:
    index: int
    start_ms: int
    end_ms: int
    standard_s: int | None  # the seeds' limit for its kind (opening 3:00, SKU 1:30)

    @property
    def over_standard(self) -> bool:
        return self.standard_s is not None and self.end_ms - self.start_ms > self.standard_s * 1000


@dataclasses.dataclass(frozen=True)
class PlannedCue:
    number: int             # 1, 2, 3 …
    at_ms: int              # show time of the grid point
    segment_index: int      # the segment planned to be on air then


@dataclasses.dataclass(frozen=True)
class Timeline:
    segments: tuple[PlannedSegment, ...]
    total_ms: int
    cues: tuple[PlannedCue, ...]

    @property
    def over_standard(self) -> tuple[int, ...]:
        return tuple(s.index for s in self.segments if s.over_standard)


def timeline(show: Show) -> Timeline:
    """Start and end of every segment, the total, and the segment each lottery cue of a
    run on plan falls in (the cues `console validate` counts: the grid before the
    closing)."""
    starts = show.planned_starts_ms()
    standards = {SegmentKind.OPENING: STANDARD_OPENING_MAX_S, SegmentKind.SKU: STANDARD_SKU_PITCH_S}
    segments = tuple(PlannedSegment(i, start, start + s.duration_ms, standards.get(s.kind))
                     for i, (start, s) in enumerate(zip(starts, show.segments)))
    cues = []
    for number in range(1, show.planned_lottery_cues() + 1):
        at = number * show.lottery_interval_ms
        cues.append(PlannedCue(number, at, max(0, bisect.bisect_right(starts, at) - 1)))
    return Timeline(segments, show.planned_ms, tuple(cues))


# ── The draft ──────────────────────────────────────────────────────────────────

class Draft:
    """A show being edited, with undo/redo, validation and saving."""

    def __init__(self, show: Show, text: str | None = None, path: str | Path | None = None,
                 max_undo: int = MAX_UNDO) -> None:
        self._show = show
        self.text = text            # the file as last read or saved (None: never saved)
        self.path = None if path is None else Path(path)
        self._saved = show
        self._undo: list[Show] = []
        self._redo: list[Show] = []
        self._max_undo = max_undo
        self._blank = False         # Draft.new(): nothing in it yet worth asking about

    @classmethod
    def from_text(cls, text: str, path: str | Path | None = None) -> Draft:
        """A draft of a valid show file's text (ShowFileError when it has errors)."""
        loaded = load_show_text(text, str(path) if path is not None else "<text>")
        return cls(loaded.show, loaded.text, path)

    @classmethod
    def open(cls, path: str | Path) -> Draft:
        from console.script import load_show
        loaded = load_show(path)
        return cls(loaded.show, loaded.text, path)

    @classmethod
    def new(cls, title: str = "") -> Draft:
        """A new show, never saved: an opening to start from."""
        opening = Segment("open", SegmentKind.OPENING, _kind_label(SegmentKind.OPENING),
                          new_segment_seconds(SegmentKind.OPENING, Defaults()))
        draft = cls(Show(title=title.strip(), segments=(opening,)))
        draft._blank = True
        return draft

    # ── state ──

    @property
    def show(self) -> Show:
        return self._show

    @property
    def dirty(self) -> bool:
        """Changes not yet saved (undoing back to the saved show is not a change)."""
        return self._show != self._saved or self.text is None

    @property
    def untouched(self) -> bool:
        """A new show (`new()`) as it was made, never saved: unsaved, yet nothing would be
        lost by closing it (edits undone back to it count as untouched too)."""
        return self._blank and self.text is None and self._show == self._saved

    @property
    def needs_saving(self) -> bool:
        """Unsaved changes that closing would lose: dirty, but not an untouched new show."""
        return self.dirty and not self.untouched

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _apply(self, show: Show) -> bool:
        if show == self._show:
            return False
        self._undo.append(self._show)
        del self._undo[: -self._max_undo]
        self._redo.clear()
        self._show = show
        return True

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self._show)
        self._show = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._show)
        self._show = self._redo.pop()
        return True

    # ── header ──

    def set_header(self, **changes: Any) -> bool:
        """title, platform, hosts, assistants, planned_start, notes."""
        unknown = set(changes) - _HEADER_FIELDS
        if unknown:
            raise TypeError(f"not a header field: {', '.join(sorted(unknown))}")
        if "title" in changes:
            changes["title"] = changes["title"].strip()
        for key in _LINE_FIELDS & set(changes):
            changes[key] = _lines(changes[key])
        return self._apply(dataclasses.replace(self._show, **changes))

    def set_targets(self, **changes: Any) -> bool:
        """gmv, orders, peak_online, conversion (None: no target)."""
        targets = dataclasses.replace(self._show.targets, **changes)
        return self._apply(dataclasses.replace(self._show, targets=targets))

    def set_defaults(self, **changes: Any) -> bool:
        """sku_seconds, lottery_interval_minutes, warning_seconds, lottery_warning_seconds.
        The SKU pitches that last the old `sku_seconds` follow a new one (one edit)."""
        show = self._show
        defaults = dataclasses.replace(show.defaults, **changes)
        segments = show.segments
        if defaults.sku_seconds != show.defaults.sku_seconds:
            segments = tuple(
                dataclasses.replace(s, duration_s=defaults.sku_seconds)
                if s.kind is SegmentKind.SKU and s.duration_s == show.defaults.sku_seconds else s
                for s in segments)
        return self._apply(dataclasses.replace(show, defaults=defaults, segments=segments))

    # ── segments ──

    def new_segment_id(self, kind: SegmentKind, sku_id: str | None = None) -> str:
        taken = {s.id for s in self._show.segments}
        base = f"sku-{sku_id.lower()}" if sku_id else kind.value.replace("_", "-")
        return _unique(base, taken)

    def new_segment(self, kind: SegmentKind, sku_id: str | None = None) -> Segment:
        """A segment of `kind` as a new one starts: its kind's length, an unused id, for
        an SKU pitch the SKU not pitched yet (or the first)."""
        if kind is SegmentKind.SKU and sku_id is None and self._show.skus:
            pitched = {s.sku_id for s in self._show.segments}
            sku_id = next((k.id for k in self._show.skus if k.id not in pitched),
                          self._show.skus[0].id)
        sku = self._show.sku(sku_id)
        title = sku.name.strip() if sku is not None and kind is SegmentKind.SKU else ""
        return Segment(self.new_segment_id(kind, sku_id), kind,
                       title or _kind_label(kind),
                       new_segment_seconds(kind, self._show.defaults), sku_id=sku_id)

    def _segments(self, segments: list[Segment]) -> bool:
        return self._apply(dataclasses.replace(self._show, segments=tuple(segments)))

    def add_segment(self, kind: SegmentKind, index: int | None = None,
                    sku_id: str | None = None) -> int:
        """A new segment at `index` (the end when None); its index."""
        segments = list(self._show.segments)
        index = len(segments) if index is None else max(0, min(index, len(segments)))
        segments.insert(index, self.new_segment(kind, sku_id))
        self._segments(segments)
        return index

    def insert_segment(self, segment: Segment, index: int | None = None) -> int:
        """`segment` as given (the importer's), its id made unique."""
        segments = list(self._show.segments)
        index = len(segments) if index is None else max(0, min(index, len(segments)))
        segment = dataclasses.replace(segment, id=_unique(segment.id, {s.id for s in segments}))
        segments.insert(index, self._normal_segment(segment))
        self._segments(segments)
        return index

    def remove_segment(self, index: int) -> bool:
        segments = list(self._show.segments)
        del segments[index]
        return self._segments(segments)

    def duplicate_segment(self, index: int) -> int:
        """A copy right after segment `index`, with an id of its own; its index."""
        segments = list(self._show.segments)
        original = segments[index]
        copy = dataclasses.replace(original, id=_unique(original.id, {s.id for s in segments}),
                                   line=0)
        segments.insert(index + 1, copy)
        self._segments(segments)
        return index + 1

    def move_segment(self, index: int, to: int) -> bool:
        """Segment `index` to position `to` (clamped to the list)."""
        segments = list(self._show.segments)
        segment = segments.pop(index)
        segments.insert(max(0, min(to, len(segments))), segment)
        return self._segments(segments)

    def move_segment_up(self, index: int) -> bool:
        return index > 0 and self.move_segment(index, index - 1)

    def move_segment_down(self, index: int) -> bool:
        return index < len(self._show.segments) - 1 and self.move_segment(index, index + 1)

    def _normal_segment(self, segment: Segment) -> Segment:
        return dataclasses.replace(
            segment, title=segment.title.strip() or segment.kind.value,
            host=_lines(segment.host), assistant=_lines(segment.assistant),
            floor=_lines(segment.floor), cues=_lines(segment.cues))

    def set_segment(self, index: int, **changes: Any) -> bool:
        """id, kind, title, duration_s, sku_id, host, assistant, floor, cues, notes.
        A new kind brings its own length when the segment had its old kind's."""
        segments = list(self._show.segments)
        old = segments[index]
        if "kind" in changes and "duration_s" not in changes:
            kind = SegmentKind(changes["kind"])
            defaults = self._show.defaults
            if old.duration_s == new_segment_seconds(old.kind, defaults):
                changes["duration_s"] = new_segment_seconds(kind, defaults)
        if "kind" in changes:
            changes["kind"] = SegmentKind(changes["kind"])
        segments[index] = self._normal_segment(dataclasses.replace(old, **changes))
        return self._segments(segments)

    # ── SKUs ──

    def new_sku_id(self) -> str:
        taken = {s.id for s in self._show.skus}
        return next(f"SKU{n:02d}" for n in range(1, len(taken) + 2) if f"SKU{n:02d}" not in taken)

    def _skus(self, skus: list[Sku], segments: Iterable[Segment] | None = None) -> bool:
        return self._apply(dataclasses.replace(
            self._show, skus=tuple(skus),
            segments=self._show.segments if segments is None else tuple(segments)))

    def add_sku(self, index: int | None = None, **fields: Any) -> int:
        """A new SKU at `index` (the end when None), an unused id unless given; its index."""
        skus = list(self._show.skus)
        index = len(skus) if index is None else max(0, min(index, len(skus)))
        fields.setdefault("name", "")
        sku_id = _unique(fields.pop("id", None) or self.new_sku_id(), {s.id for s in skus})
        skus.insert(index, self._normal_sku(Sku(id=sku_id, **fields)))
        self._skus(skus)
        return index

    def remove_sku(self, index: int) -> bool:
        """The SKU goes; segments that pitch it keep the reference, which `issues()`
        names until they are changed (the editor asks first)."""
        skus = list(self._show.skus)
        del skus[index]
        return self._skus(skus)

    def duplicate_sku(self, index: int) -> int:
        skus = list(self._show.skus)
        skus.insert(index + 1, dataclasses.replace(
            skus[index], id=_unique(skus[index].id, {s.id for s in skus})))
        self._skus(skus)
        return index + 1

    def _normal_sku(self, sku: Sku) -> Sku:
        return dataclasses.replace(sku, selling_points=_lines(sku.selling_points),
                                   scenes=_lines(sku.scenes))

    def set_sku(self, index: int, **changes: Any) -> bool:
        """Any field of the SKU; a new id is followed by the segments that pitch it."""
        skus = list(self._show.skus)
        old = skus[index]
        skus[index] = self._normal_sku(dataclasses.replace(old, **changes))
        segments = list(self._show.segments)
        if skus[index].id != old.id and sum(s.id == old.id for s in skus) == 0:
            segments = [dataclasses.replace(s, sku_id=skus[index].id) if s.sku_id == old.id
                        else s for s in segments]
        return self._skus(skus, segments)

    # ── checking and saving ──

    def rendered(self) -> str:
        """The text "Save" writes: the file as it was, with the draft's values."""
        if self.text is None:
            return write_show(self._show)
        return update_show_text(self.text, self._show)

    def issues(self) -> list[FieldIssue]:
        """What `console validate` says of the text Save would write, each on its field."""
        text = self.rendered()
        path = str(self.path) if self.path is not None else "<draft>"
        _, _, issues = check_show_bytes(text.encode("utf-8"), path)
        return [place(i) for i in issues]

    def timeline(self) -> Timeline:
        return timeline(self._show)

    def save(self, path: str | Path | None = None, live_hash: str | None = None) -> str:
        """Writes the draft to `path` (its own path when None) and returns the text.
        `live_hash`: the content hash a running session pinned; a file on disk with that
        content is the one on air and is never written (KnownError)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise KnownError(lambda: translate("Draft", "Choose where to save the show."))
        if live_hash is not None:
            data, _ = read_bytes(target)
            if data is not None:
                on_disk, _ = decode(data)
                if on_disk is not None and content_hash(on_disk) == live_hash:
                    raise KnownError(lambda: translate(
                        "Draft", "{path} is the script a live session is running; it is not "
                        "changed during the show. Save the edits under another name.")
                        .format(path=target))
        text = self.rendered()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
                    file.write(text)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise KnownError(lambda: translate("Draft", "{path} cannot be written: {reason}")
                             .format(path=target, reason=reason)) from exc
        self.text, self.path, self._saved = text, target, self._show
        return text

