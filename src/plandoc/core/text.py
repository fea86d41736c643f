"""Text rules every layer shares: which control characters text may hold, and "mente du …?"."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

#: Invisible characters with a job in real text (joiners in emoji and Persian, emoji
#: presentation selectors, soft hyphen, zero-width space); they need no glyph of their own.
INVISIBLE_OK = frozenset({0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E, 0xFE0F})

#: Bidirectional controls: invisible, and able to show text in another order than it is
#: stored (the "Trojan Source" trick); a document should not carry them.
BIDI_CONTROLS = frozenset({0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
BIDI = re.compile("[" + "".join(chr(c) for c in sorted(BIDI_CONTROLS)) + "]")

#: The C0 controls, DEL and the C1 controls.
_CONTROL_CODES = (*range(0x00, 0x20), *range(0x7F, 0xA0))


@cache
def control_characters(keep: str = "", noncharacters: bool = True) -> re.Pattern[str]:
    """A pattern for the C0 and C1 control characters (and DEL) other than those in `keep`.

    With `noncharacters`, lone surrogates (a YAML "\\ud800" escape) and U+FFFE/U+FFFF match
    too: UTF-8, XML, DOCX and PDF cannot carry them. Each layer keeps what it handles itself:
    the readers keep tab and line breaks, a writer those its format shows.
    """
    codes = [c for c in _CONTROL_CODES if chr(c) not in keep]
    chars = "".join(f"\\x{c:02x}" for c in codes)
    if noncharacters:
        chars += "\\ud800-\\udfff\\ufffe\\uffff"
    return re.compile(f"[{chars}]")


_ASCII_A = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_ASCII_AA = str.maketrans({"æ": "ae", "ø": "o", "å": "aa"})


def _closeness(typed: str, candidate: str) -> float:
    # Users without Norwegian letters write "maal" or "mal" for "mål": compare those too.
    return max(
        SequenceMatcher(None, typed, candidate).ratio(),
        SequenceMatcher(None, typed.translate(_ASCII_A), candidate.translate(_ASCII_A)).ratio(),
        SequenceMatcher(None, typed.translate(_ASCII_AA), candidate.translate(_ASCII_AA)).ratio(),
    )


def suggest(text: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """The one closest candidate to `text` (case ignored), for "mente du …?" hints.

    None when nothing is close, or when two candidates are equally close ("IO9" is as near
    to "IO1" as to "IO2"): a guess then misleads more than it helps.
    """
    folded = text.casefold()
    scored = sorted(
        ((_closeness(folded, c.casefold()), c) for c in dict.fromkeys(candidates)),
        key=lambda pair: -pair[0],
    )
    if not scored or scored[0][0] < 0.6:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
