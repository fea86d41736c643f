"""Operating-system errors (disk full, read-only, no access, …) described in Norwegian."""

from __future__ import annotations

import errno
import os

_REASONS = {
    errno.ENOSPC: "disken er full",
    errno.EDQUOT: "diskkvoten er brukt opp",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EACCES: "mangler tilgang",
    errno.EPERM: "mangler tilgang",
    errno.EISDIR: "er en mappe",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.ENOENT: "finnes ikke",
    errno.EEXIST: "finnes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EIO: "lese- eller skrivefeil på disken",
    errno.EMFILE: "for mange åpne filer",
    errno.ENOTEMPTY: "mappen er ikke tom",
    errno.EBUSY: "er i bruk",
    errno.ETXTBSY: "er i bruk",
    errno.EFBIG: "filen er for stor",
    errno.ELOOP: "for mange symbolske lenker",
}


def shown_path(name: object) -> str:
    """A path as it can be printed: bytes that are not UTF-8 shown as �."""
    text = os.fsdecode(name) if isinstance(name, bytes | os.PathLike) else str(name)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def reason(exc: OSError) -> str:
    """Why `exc` happened, in Norwegian ("disken er full")."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or type(exc).__name__)


def describe(exc: OSError) -> str:
    """`<file>: <reason>` for an error about a file, else just the reason."""
    where = exc.filename if exc.filename is not None else None
    if where is None:
        return reason(exc)
    return f"{shown_path(where)}: {reason(exc)}"
