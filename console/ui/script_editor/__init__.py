"""The script editor (issue 11): a producer's own window for a show's header, SKU
catalogue and segments, with its planned timeline, problems and wording hits, open by
drag and drop (a .toml, or a spreadsheet through the column-mapping step), and a
rehearsal started from it. Every edit goes through `console.script.draft.Draft`."""

from console.ui.script_editor.window import ScriptEditor

__all__ = ["ScriptEditor"]
