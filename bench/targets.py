"""The targets of issue 18 as one table: measured in one run; met, missed or not measured."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: Shown where a target could not be measured in this run (a tool missing, a part not built).
NOT_MEASURED = "ikke målt"


@dataclass(frozen=True)
class Target:
    """One row of the targets table."""

    goal: str
    measured: str
    #: True: met; False: missed; None: not measured (`why` says why).
    met: bool | None
    #: How far off a missed target is, or why it was not measured.
    why: str = ""


def _times(x: float) -> str:
    """How many times off: two decimals when it is close ("1.04×"), else one."""
    return f"{x:.2f}×" if x < 1.1 else f"{x:.1f}×"


def _at_least(goal: str, got: float | None, want: float, unit: str = "×",
              missing: str = "") -> Target:
    """A ratio that must be at least `want` (bigger is better)."""
    if got is None:
        return Target(goal, NOT_MEASURED, None, missing)
    ok = got >= want
    return Target(goal, f"{got:.1f}{unit}", ok, "" if ok else f"{_times(want / got)} for sakte")


def _at_most(goal: str, got: float | None, want: float, shown: str,
             missing: str = "", strict: bool = False, what: str = "sakte") -> Target:
    """A quantity that must be at most `want` (or below it, `strict`)."""
    if got is None:
        return Target(goal, NOT_MEASURED, None, missing)
    ok = got < want if strict else got <= want
    return Target(goal, shown, ok, "" if ok else f"{_times(got / want)} for {what}")


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def evaluate(m: Mapping[str, float | None], jobs: int = 2, programmes: int = 357,
             many: int = 100, notes: Mapping[str, str] | None = None) -> list[Target]:
    """The issue's targets from the run's measurements (`None` or absent: not measured).

    Keys of `m`: one (plandoc, one document), one_pandoc, one_docxtpl, floor (plandoc's
    floor for that document), many (plandoc), many_pandoc, many_docxtpl, typst_now and
    typst_before (the Typst floor with today's template and with bench/typst_reference/),
    full, peak (MiB), noop, changed, watch (seconds to the first updated PDF).
    `notes` gives the reason a key is missing.
    """
    notes = notes or {}

    def get(key: str) -> float | None:
        value = m.get(key)
        return None if value is None else float(value)

    def ratio(base: str, ours: str) -> float | None:
        b, o = get(base), get(ours)
        return None if b is None or not o else b / o

    def why(*keys: str) -> str:
        return next((notes[k] for k in keys if k in notes), "")

    rows = [
        _at_least("1 dokument (DOCX + PDF) ≥ 3× raskere enn pandoc",
                  ratio("one_pandoc", "one"), 3.0, missing=why("one_pandoc", "one")),
        _at_least("1 dokument (DOCX + PDF) ≥ 6× raskere enn docxtpl + LibreOffice",
                  ratio("one_docxtpl", "one"), 6.0, missing=why("one_docxtpl", "one")),
        _at_least(f"{many} dokumenter med {jobs} jobber ≥ 2,5× raskere enn pandoc",
                  ratio("many_pandoc", "many"), 2.5, missing=why("many_pandoc", "many")),
        _at_least(f"{many} dokumenter med {jobs} jobber ≥ 3× raskere enn docxtpl + LibreOffice",
                  ratio("many_docxtpl", "many"), 3.0, missing=why("many_docxtpl", "many")),
    ]
    floor_ratio = ratio("one", "floor")
    rows.append(_at_most("plandoc per dokument ≤ 1,3 × gulvet", floor_ratio, 1.3,
                         f"{floor_ratio:.2f} ×" if floor_ratio else "",
                         missing=why("floor", "one")))
    now, before = get("typst_now"), get("typst_before")
    if now is None or before is None or not before:
        rows.append(Target("Typst-gulvet ≥ 30 % lavere enn før (samme innhold)", NOT_MEASURED,
                           None, why("typst_before", "typst_now")))
    else:
        cut = 1 - now / before
        ok = cut >= 0.30
        rows.append(Target("Typst-gulvet ≥ 30 % lavere enn før (samme innhold)",
                           f"{cut * 100:.0f} % lavere ({_seconds(before)} → {_seconds(now)})",
                           ok, "" if ok else f"{0.30 * 100 - cut * 100:.0f} prosentpoeng for lite"))
    full = get("full")
    scope = "" if programmes >= 357 else f" (her bare {programmes} program)"
    corpus_rows = [
        _at_most(f"hele korpuset (357 program, alle dokumenter, DOCX + PDF, {jobs} jobber) "
                 f"≤ 180 s{scope}", full, 180.0, _seconds(full) if full is not None else "",
                 missing=why("full")),
        _at_most("høyeste minnebruk, hele korpuset < 1 GiB", get("peak"), 1024.0,
                 f"{get('peak') or 0:.0f} MiB", missing=why("peak"), strict=True,
                 what="mye"),
    ]
    if programmes < 357:
        # A smaller corpus says nothing about these two: shown, not judged.
        corpus_rows = [Target(r.goal, r.measured, None, "ikke bedømt: korpuset er mindre "
                              "enn 357 program") if r.met is not None else r
                       for r in corpus_rows]
    rows += [
        *corpus_rows,
        _at_most("ingen endring (no-op) ≤ 0,5 s", get("noop"), 0.5,
                 _seconds(get("noop") or 0), missing=why("noop")),
        _at_most("én endret arbeidsbok ≤ 1 s med `plandoc build`", get("changed"), 1.0,
                 _seconds(get("changed") or 0), missing=why("changed")),
        _at_most("én endret arbeidsbok ≤ 0,5 s til første oppdaterte PDF i `plandoc watch`",
                 get("watch"), 0.5, _seconds(get("watch") or 0), missing=why("watch")),
    ]
    return rows


def table(rows: list[Target]) -> list[str]:
    """The targets as Markdown table lines."""
    lines = ["| mål | målt | nådd? | bommet med / merknad |", "|---|---|---|---|"]
    for row in rows:
        met = {True: "ja", False: "NEI", None: "–"}[row.met]
        lines.append(f"| {row.goal} | {row.measured} | {met} | {row.why} |")
    return lines
