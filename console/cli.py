"""The `console` command: validate scripts, run shows, list sessions.

Every feature is reachable from here as well as from the window, so CI,
benchmarks and producers' own scripts can use it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from console import __version__, text
from console.text import translate
from console.clock import SystemClock
from console.errors import KnownError
from console.kpi.ingest import DEFAULT_PORT
from console.logs import setup_logging
from console.paths import DATA_DIR_ENV, data_dir, demo_dir, ensure_data_dir
from console.resources import resource_path, sample_show_path
from console.script import ShowFileError, check_show_bytes, load_show, read_show_file
from console.storage.database import DB_FILENAME, open_database
from console.storage.instance_lock import InstanceLock, holder_pid, is_held
from console.storage.session_log import delete_rehearsal, session_summaries
from console.timefmt import clock_text
from console.tomlfile import escape_controls

log = logging.getLogger(__name__)

EXIT_INVALID = 2
EXIT_USAGE = 2
EXIT_BUG = 70


class NoDisplay(KnownError):
    exit_code = EXIT_USAGE


class WordingRefused(KnownError):
    exit_code = EXIT_INVALID


class Parser(argparse.ArgumentParser):
    """argparse, with its error line in the terminal's language like every other message."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, translate("CLI", "{prog}: error: {message}\n").format(
            prog=self.prog, message=message))


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="console", description="Live Console (直播中控台) for live-commerce studios.",
        epilog="Each command has its own help: console COMMAND --help")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log debug detail (to the terminal and console.log)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check run-of-show files",
        description="Check run-of-show files: a summary per file, or FILE:LINE: field: problem.")
    validate.add_argument("files", nargs="+", metavar="FILE", help="run-of-show files (TOML)")

    run = commands.add_parser(
        "run", help="run a show (resumes an unfinished session)",
        description="Run a show in the console windows (or --headless). An unfinished "
                    "session in the data folder (the console crashed) is resumed.")
    run.add_argument("file", nargs="?", metavar="FILE",
                     help="run-of-show file (default: the bundled 35-minute sample, always as "
                          "a rehearsal, in the data folder's demo/ subfolder)")
    run.add_argument("--headless", action="store_true",
                     help="no window: advance at each planned end, fire each lottery when due, "
                          "print the timeline")
    run.add_argument("--autopilot", action="store_true",
                     help="with the window: let the autopilot advance and fire lotteries too")
    run.add_argument("--lang", choices=("system", "zh_CN", "en"),
                     help="UI language for this run (default: the saved choice, else the "
                          "system's)")
    run.add_argument("--rehearsal", action="store_true",
                     help="a rehearsal, not a live show (implied without FILE)")
    run.add_argument("--speed", type=float, default=1.0, metavar="N",
                     help="rehearsal only: run N times faster than real time, 0 < N <= 1000 "
                          "(default: %(default)g)")
    run.add_argument("--from", dest="first", metavar="SEGMENT",
                     help="rehearsal only: start at this segment (its number in the rundown, "
                          "1 = the first, or its id) instead of the first")
    run.add_argument("--accept-wording", action="store_true",
                     help="--headless live show only: go live although the script's wording has "
                          "must-fix advertising-law hits (console lint FILE lists them); logged")
    run.add_argument("--until-end", action="store_true",
                     help="end the show when the last segment reaches its planned end "
                          "(with the window: then close it)")
    kpi = run.add_argument_group("live figures (KPI sources; several may run at once)")
    kpi.add_argument("--simulate", nargs="?", const=1, type=int, metavar="SEED",
                     help="a simulated room that reacts to the show (seeded, reproducible; "
                          "SEED default: %(const)s)")
    kpi.add_argument("--ingest", nargs="?", const=DEFAULT_PORT, type=int, metavar="PORT",
                     help="accept JSON samples over HTTP on ADDRESS:PORT (PORT default: "
                          "%(const)s; see docs/ingest.md)")
    kpi.add_argument("--ingest-token", metavar="TOKEN",
                     help="the token bridges must send (default: a new random one, printed)")
    kpi.add_argument("--ingest-host", default="127.0.0.1", metavar="ADDRESS",
                     help="listen on another address (LAN) — only together with "
                          "--ingest-token (default: %(default)s)")
    kpi.add_argument("--follow", action="append", default=[], metavar="FILE",
                     help="follow a CSV or JSON-lines file another tool appends to "
                          "(repeat for several)")
    kpi.add_argument("--replay", type=int, metavar="SESSION",
                     help="replay the KPI samples of a past session (see: console sessions)")
    resume = run.add_argument_group("instead of resuming an unfinished session")
    resume.add_argument("--new", action="store_true",
                        help="start a new session: close an unfinished rehearsal as abandoned "
                             "(an unfinished LIVE show is refused)")
    resume.add_argument("--abandon-live", action="store_true",
                        help="like --new, and close an unfinished LIVE show as abandoned too "
                             "(its log stays in the database)")
    resume.add_argument("--downtime", choices=("count", "none"),
                        help="when resuming after the PC restarted, the downtime cannot be "
                             "checked: 'count' counts what the wall clock says as show time, "
                             "'none' resumes where the log stopped (default: count it when "
                             "measured, or when the wall clock says at most 10 min; else ask)")
    _add_data_dir(run)

    lint = commands.add_parser(
        "lint", help="check show texts against the compliance word list (广告法, platform rules)",
        description="Check every text of a show (or every line of a .txt file) against the "
                    "compliance word list and the data folder's compliance.toml: "
                    "FILE:LINE: severity: term — category; suggestion. Exit 1 on any must-fix "
                    "hit, 2 when a file cannot be read.")
    lint.add_argument("files", nargs="+", metavar="FILE", help="run-of-show files (TOML) or .txt")
    _add_data_dir(lint)

    importer = commands.add_parser(
        "import", help="turn a spreadsheet rundown (.xlsx, .csv) into a show file",
        description="Read a rundown as teams write it in Excel/WPS (see "
                    "docs/spreadsheet-import.md) and write a run-of-show file. Prints "
                    "FILE:SHEET!ROW: column: problem for every row it could not read. Exit 0: "
                    "every row read; 1: some rows reported, the show written; 2: nothing usable.")
    importer.add_argument("file", metavar="RUNDOWN", help="the spreadsheet (.xlsx or .csv)")
    importer.add_argument("-o", "--output", required=True, metavar="SHOW.toml",
                          help="the show file to write")
    importer.add_argument("--sheet", metavar="NAME",
                          help="the sheet to read (default: the first with a recognisable header)")
    importer.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                          help="read COLUMN (its header or letter) as FIELD, or 'ignore'; "
                               "repeat for several (fields: see docs/spreadsheet-import.md)")
    importer.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    _add_data_dir(importer)

    export = commands.add_parser(
        "export", help="write a show as a printable spreadsheet (.xlsx, .csv)",
        description="One row per segment with its lines, the show's header above, a SKU sheet "
                    "and a legend; `console import` reads it back to the same show.")
    export.add_argument("file", metavar="SHOW.toml", help="run-of-show file")
    export.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                        help="the spreadsheet to write (.xlsx or .csv)")
    export.add_argument("--force", action="store_true", help="overwrite an existing -o file")

    edit = commands.add_parser(
        "edit", help="edit a show in the script editor window (a .toml, .xlsx or .csv)",
        description="Open the script editor on a run-of-show file, or on a spreadsheet "
                    "rundown through the column-mapping step; without FILE, a new show.")
    edit.add_argument("file", nargs="?", metavar="FILE", help="show file or rundown to open")
    edit.add_argument("--lang", choices=("system", "zh_CN", "en"),
                      help="UI language (default: the saved choice, else the system's)")
    _add_data_dir(edit)

    sessions = commands.add_parser(
        "sessions", help="list the sessions in the data folder",
        description="List the sessions in the data folder, marking unfinished ones.")
    sessions.add_argument("--delete", type=int, metavar="ID", action="append", default=[],
                          help="delete an ended rehearsal with everything it logged (live "
                               "shows are never deleted); repeat for several")
    _add_data_dir(sessions)
    return parser


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"data folder (default: ${DATA_DIR_ENV}, else the per-user folder; "
                             "`console sessions` names it)")


def main(argv: list[str] | None = None) -> int:
    _safe_output()
    _install_terminal_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    folder = data_dir(getattr(args, "data_dir", None)) if args.command not in (
        "validate", "export") else None
    try:
        setup_logging(folder and ensure_data_dir(folder), args.verbose)
        return COMMANDS[args.command](args, parser)
    except KnownError as exc:
        print(translate("CLI", "error: {message}").format(message=exc), file=sys.stderr)
        _tell_in_window(args, exc)
        return exc.exit_code
    except Exception:
        log.critical("internal error", exc_info=True)
        if folder:
            print(translate("CLI", "internal error: this is a bug (details in {log})").format(
                log=folder / "console.log"), file=sys.stderr)
        else:
            print(translate("CLI", "internal error: this is a bug"), file=sys.stderr)
        return EXIT_BUG


def _install_terminal_language() -> None:
    """Problems in scripts, folders and ports in Chinese when the terminal's locale is
    Chinese; English otherwise: a C or POSIX locale is a server or CI, whose logs are
    read in English. (The window then follows its own language setting.)"""
    from PySide6.QtCore import QLocale, QTranslator

    if not QLocale.system().name().startswith("zh"):
        return
    translator = QTranslator()
    if translator.load(str(resource_path("i18n", "console_zh_CN.qm"))):
        text.install(translator.translate)


def cmd_validate(args, parser) -> int:
    status = 0
    for name in args.files:
        data, issues = read_show_file(name)
        show = None
        if data is not None:
            show, _, issues = check_show_bytes(data, name)
        for issue in issues:
            print(issue.format(name), file=sys.stderr if issue.is_error else sys.stdout)
        if show is None:
            status = EXIT_INVALID
            continue
        warnings = f", {len(issues)} warning(s)" if issues else ""
        print(f"{name}: OK — {escape_controls(show.title)}: {len(show.segments)} segments, {len(show.skus)} SKUs, "
              f"planned {clock_text(show.planned_ms)}, {show.planned_lottery_cues()} lottery cues "
              f"(every {show.defaults.lottery_interval_minutes} min){warnings}")
    return status


def cmd_run(args, parser) -> int:
    from console.headless import HeadlessRun
    from console.kpi.setup import KpiOptions, build_kpi

    sample = args.file is None
    args.rehearsal = args.rehearsal or sample          # the bundled sample never goes live
    if args.speed != 1.0 and not args.rehearsal:
        parser.error(translate("CLI", "--speed only applies to a rehearsal; add --rehearsal"))
    if not 0 < args.speed <= 1000:
        parser.error(translate("CLI", "--speed must be between 0 and 1000"))
    path = sample_show_path() if sample else Path(args.file)
    try:
        loaded = load_show(path)
    except ShowFileError as exc:
        for issue in exc.issues:
            print(issue.format(str(path)), file=sys.stderr)
        _tell_in_window(args, exc)
        return EXIT_INVALID
    for warning in loaded.warnings:
        print(warning.format(str(path)))
    args.first_index = _first_segment(args, parser, loaded.show)
    folder = _run_folder(args)
    if sample:
        ensure_data_dir(folder)
        print(translate("CLI", "No show file given: rehearsing the bundled sample 《{title}》 — "
                        "nothing goes live. Its sessions are kept apart, in {folder}. To run "
                        "your own show: console run FILE").format(title=loaded.show.title,
                                                                  folder=folder), flush=True)
    if not args.headless:
        from console.ui.startup_dialogs import can_show_windows
        if not can_show_windows():
            raise NoDisplay(lambda: translate(
                "CLI", "there is no display to open the console's windows on (no DISPLAY or "
                "WAYLAND_DISPLAY); run the show with --headless, or start it from the desktop"))
    with InstanceLock(folder) as lock:
        db = open_database(folder / DB_FILENAME)
        session = _open_session(args, db, loaded)
        session.log.guard = lock.verify
        options = KpiOptions(simulate=args.simulate, ingest_port=args.ingest,
                             ingest_host=args.ingest_host, ingest_token=args.ingest_token,
                             follow=tuple(args.follow), replay=args.replay)
        if args.headless:
            try:
                acknowledged = _wording_accepted(args, session, folder)
                kpi = build_kpi(session, db, folder, options)
                try:
                    return HeadlessRun(session, kpi=kpi, end_with_script=args.until_end,
                                       acknowledged=acknowledged).run()
                finally:
                    kpi.close()
            finally:
                session.close()
        from console.ui.app import run_gui
        return run_gui(session, folder, language=args.lang, autopilot=args.autopilot,
                       quit_at_end=args.until_end, kpi_options=options, db=db)


def _first_segment(args, parser, show) -> int:
    """--from as a 0-based index: a number in the rundown (1 = the first) or a segment id."""
    if args.first is None:
        return 0
    if not args.rehearsal:
        parser.error(translate("CLI", "--from only applies to a rehearsal; add --rehearsal"))
    wanted = args.first.strip()
    if wanted.isascii() and wanted.isdigit() and 1 <= int(wanted) <= len(show.segments):
        return int(wanted) - 1
    for index, segment in enumerate(show.segments):
        if segment.id == wanted:
            return index
    return parser.error(translate("CLI", "--from {wanted}: no such segment; give its number "
                                  "(1 to {count}) or its id").format(
                                      wanted=escape_controls(wanted)[:40],
                                      count=len(show.segments)))


def _wording_accepted(args, session, folder) -> tuple[str, ...]:
    """A headless LIVE show whose wording has must-fix hits goes live only with
    --accept-wording (the window asks instead); the hits are then logged."""
    from console.compliance.lint import must_fix_before_going_live
    from console.engine.runner import ShowState

    if session.runner.rehearsal or session.runner.state is not ShowState.READY:
        return ()
    hits, problem = must_fix_before_going_live(session.loaded.text, session.loaded.path, folder)
    if problem:
        print(translate("CLI", "warning: {problem}").format(problem=problem), file=sys.stderr)
    if hits and not args.accept_wording:
        session.log.abandon(SystemClock().utc_now(), "never started")     # nothing went live
        raise WordingRefused(lambda: translate(
            "CLI", "the script has {count} must-fix wording problem(s) under the advertising "
            "law ({first}); see them with: console lint {path}. Fix them, or add "
            "--accept-wording to go live anyway (logged)").format(
                count=len(hits), first=hits[0], path=session.loaded.path))
    return tuple(hits)


def _open_session(args, db, loaded):
    from console.session import UncertainDowntime, open_session

    def attempt():
        return open_session(db, loaded, SystemClock(), rehearsal=args.rehearsal,
                            speed=args.speed, new=args.new, abandon_live=args.abandon_live,
                            downtime=args.downtime, background=True,
                            first_segment=args.first_index)

    try:
        return attempt()
    except UncertainDowntime as exc:
        if args.headless:
            raise
        from console.ui.startup_dialogs import ask_downtime, can_show_windows
        if not can_show_windows():
            raise
        choice = ask_downtime(exc, _run_folder(args), args.lang)
        if choice is None:                 # the operator chose to quit: asked once is enough
            exc.told_in_window = True
            raise
        args.downtime = choice
        return attempt()


def _run_folder(args) -> Path:
    """The data folder of `console run`: the sample rehearses in the demo folder inside it."""
    folder = data_dir(args.data_dir)
    return demo_dir(folder) if args.file is None else folder


def _tell_in_window(args, problem: KnownError | ShowFileError) -> None:
    """Whoever started the console for its window (a shortcut, the installed app) may have
    no terminal to read: a problem that stops the start is shown in a dialog as well."""
    if args.command != "run" or args.headless or getattr(problem, "told_in_window", False):
        return
    from console.ui.startup_dialogs import can_show_windows, tell_startup_problem
    if can_show_windows():
        tell_startup_problem(problem, _run_folder(args), args.lang)


def cmd_sessions(args, parser) -> int:
    folder = data_dir(args.data_dir)
    db = open_database(folder / DB_FILENAME)
    for session_id in args.delete:
        delete_rehearsal(db, session_id)
        print(translate("CLI", "deleted rehearsal #{id}").format(id=session_id))
    rows = session_summaries(db)
    running = is_held(folder)        # a console has the folder: its open session is running
    latest_open = max((row.id for row in rows if row.ended_utc is None), default=None)
    print(f"{folder / DB_FILENAME}: {len(rows)} session(s)")
    for row in rows:
        if row.ended_utc:
            state = f"ended {row.ended_utc} ({row.end_reason})"
        elif running and row.id == latest_open:
            state = f"RUNNING now (console process {holder_pid(folder) or 'unknown'})"
        else:
            state = "UNFINISHED (resumes on next run)"
        print(f"#{row.id} {row.title} [{row.mode}] started {row.started_utc}, {state}, "
              f"{row.events} events")
    return 0


def cmd_edit(args, parser) -> int:
    from console.ui.startup_dialogs import can_show_windows
    if not can_show_windows():
        raise NoDisplay(lambda: translate(
            "CLI", "there is no display to open the script editor on (no DISPLAY or "
            "WAYLAND_DISPLAY)"))
    from console.ui.script_editor.launch import run_editor
    return run_editor(args.file, ensure_data_dir(data_dir(args.data_dir)), args.lang)


def cmd_lint(args, parser) -> int:
    from console.compliance.lint import lint_command
    return lint_command(args.files, data_dir(args.data_dir), sys.stdout, sys.stderr)


def cmd_import(args, parser) -> int:
    from console.script.importers import MAPPINGS_FILENAME, FIELDS, MappingMemory, import_rundown
    from console.script.writer import write_show

    output = Path(args.output)
    if output.exists() and not args.force:
        parser.error(translate("CLI", "{path} exists; add --force to overwrite it").format(
            path=output))
    overrides = {}
    for item in args.map:
        column, sep, field = item.rpartition("=")
        if not sep or not column or (field not in FIELDS and field not in ("ignore", "-")):
            parser.error(translate("CLI", "--map {item}: write COLUMN=FIELD, FIELD one of: "
                                   "{fields}, ignore").format(item=item, fields=", ".join(FIELDS)))
        overrides[column] = field
    memory = MappingMemory(data_dir(args.data_dir) / MAPPINGS_FILENAME)
    model, result = import_rundown(args.file, args.sheet, overrides, memory)
    if model.remembered:
        print(translate("CLI", "{file}: using the column mapping remembered for these headers")
              .format(file=args.file))
    for line in result.report_lines():
        print(escape_controls(line))
    if result.show is None:
        return EXIT_INVALID
    text_out = write_show(result.show)
    show, _, issues = check_show_bytes(text_out.encode("utf-8"), str(output))
    if show is None:
        for issue in issues:
            print(issue.format(str(output)), file=sys.stderr)
        return EXIT_INVALID
    output.write_text(text_out, encoding="utf-8")
    if result.mapping is not None:
        try:
            memory.remember(result.mapping)
        except OSError as exc:
            log.warning("cannot remember the import mapping: %s", exc)
    print(translate("CLI", "wrote {path}").format(path=output))
    return result.exit_code


def cmd_export(args, parser) -> int:
    from console.script.importers import export_show

    output = Path(args.output)
    if output.suffix.lower() not in (".xlsx", ".csv"):
        parser.error(translate("CLI", "-o must end in .xlsx or .csv"))
    if output.exists() and not args.force:
        parser.error(translate("CLI", "{path} exists; add --force to overwrite it").format(
            path=output))
    try:
        loaded = load_show(args.file)
    except ShowFileError as exc:
        for issue in exc.issues:
            print(issue.format(args.file), file=sys.stderr)
        return EXIT_INVALID
    try:
        export_show(loaded.show, output)
    except OSError as exc:
        print(translate("CLI", "error: cannot write {path}: {reason}").format(
            path=output, reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_INVALID
    print(translate("CLI", "wrote {path}: {segments} segments, {skus} SKUs").format(
        path=output, segments=len(loaded.show.segments), skus=len(loaded.show.skus)))
    return 0


COMMANDS = {"validate": cmd_validate, "run": cmd_run, "sessions": cmd_sessions,
            "lint": cmd_lint, "import": cmd_import, "export": cmd_export,
            "edit": cmd_edit}


def _safe_output() -> None:
    # A Windows console in a legacy code page must not crash a show over one glyph.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
