"""One console per data folder: a second one would fight over the session log.

The lock is an OS lock held on an open file descriptor, so it disappears with
the process even after a crash or SIGKILL — exactly when the next start must be
able to resume — and it does not depend on a file someone can delete:

- POSIX: `flock` on the data folder itself. A folder that holds the session
  database cannot be deleted, and a second console opening the same folder
  meets the same lock. (Not on the database file: SQLite's own POSIX locks would
  be dropped when our descriptor on the same file closed.)
- Windows: a byte lock on `console.lock`, which Windows will not let anyone
  delete while it is open.

`console.lock` also holds the owner's process id, for the message a second
console gives. `verify()` checks, before writing, that the lock still guards
the folder the database is in (it was not renamed or replaced).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.errors import InstanceLocked, KnownError, StorageError
from console.text import translate

LOCK_FILENAME = "console.lock"


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILENAME
        self._fd: int | None = None
        self._identity: tuple[int, int] | None = None

    def acquire(self) -> InstanceLock:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = _open_lock_target(self.folder, self.path)
        except OSError as exc:
            raise _unwritable(self.folder, exc) from exc
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            owner = holder_pid(self.folder) or "unknown"
            folder = self.folder
            raise InstanceLocked(lambda: translate(
                "Errors", "another console is already using the data folder {folder} (process "
                "{owner}); close it first, or pass --data-dir to use another folder").format(
                    folder=folder, owner=owner)) from exc
        self._fd = fd
        stat = os.fstat(fd)
        self._identity = (stat.st_dev, stat.st_ino)
        try:
            self._write_pid()
        except OSError as exc:
            self.release()
            raise _unwritable(self.folder, exc) from exc
        return self

    def verify(self) -> None:
        """StorageError unless the lock still guards the data folder at its path (checked
        before writing: a folder renamed or replaced under a running console)."""
        if self._fd is None:
            return
        try:
            stat = (os.stat(self.folder) if sys.platform != "win32" else os.stat(self.path))
            same = (stat.st_dev, stat.st_ino) == self._identity
        except OSError:
            same = False
        if not same:
            folder = self.folder
            raise StorageError(lambda: translate(
                "Errors", "the data folder {folder} was moved or replaced while the console "
                "ran; events are kept in memory — put the folder back").format(folder=folder))
        if not self.path.exists():            # deleted: only the process id note is lost
            try:
                self._write_pid()
            except OSError:
                pass

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    def _write_pid(self) -> None:
        if sys.platform == "win32":
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.ftruncate(self._fd, 0)
            os.write(self._fd, str(os.getpid()).encode())
            return
        self.path.write_text(str(os.getpid()), encoding="ascii")

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def holder_pid(folder: Path) -> str | None:
    """The process id written by the console holding `folder`, if the note is there."""
    try:
        return (Path(folder) / LOCK_FILENAME).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def is_held(folder: Path) -> bool:
    """True if a console is running on `folder` now (for `console sessions`)."""
    try:
        fd = _open_lock_target(Path(folder), Path(folder) / LOCK_FILENAME, create=False)
    except OSError:
        return False
    try:
        _lock(fd)
    except OSError:
        return True
    else:
        _unlock(fd)
        return False
    finally:
        os.close(fd)


def _unwritable(folder: Path, exc: OSError) -> KnownError:
    reason = exc.strerror or str(exc)
    return KnownError(lambda: translate(
        "Errors", "cannot use the data folder {folder}: {reason}. Make it writable, or choose "
        "another with --data-dir").format(folder=folder, reason=reason))


if sys.platform == "win32":
    import msvcrt

    def _open_lock_target(folder: Path, path: Path, create: bool = True) -> int:
        flags = os.O_RDWR | (os.O_CREAT if create else 0)
        return os.open(path, flags, 0o644)

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _open_lock_target(folder: Path, path: Path, create: bool = True) -> int:
        # Writing the process id note needs the folder writable: check that now, so a
        # read-only folder is told at start, not as a failed write mid-show.
        if create and not os.access(folder, os.W_OK):
            raise PermissionError(13, os.strerror(13), str(folder))
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
