"""The page budget: pages per part and per profile or example, measured in the finished PDF,
against what bauta.yaml plans (seed 002: about 100 A4 pages with the cover)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from plandoc.bauta.edition import Edition, ExampleView
from plandoc.writers.pdf_pages import PdfPages

#: The book's parts in order: key, the label of the report line, and the part headings
#: (level 1, by their label key) that belong to it. The cover has no heading: its pages are
#: the ones without a page number.
PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cover", "Omslag", ()),
    ("front", "Forord, innledning og innhold", ("foreword", "introduction")),
    ("national", "Pilotkommunesatsingen (nasjonal del)", ("national",)),
    ("shared", "Felles erfaringer og gode råd", ("shared",)),
    ("profiles", "Kommuneprofiler", ("profiles",)),
    ("examples", "Eksempler", ("examples",)),
    ("references", "Henvisninger", ("references",)),
)


@dataclass
class PartPages:
    key: str
    label: str
    budget: int
    actual: int
    #: First and last page (1-based) of the part; the cover's are its front pages.
    first: int = 0
    last: int = 0

    @property
    def over(self) -> int:
        return self.actual - self.budget


@dataclass
class ItemPages:
    """A profile or an example: its pages against its own budget."""

    kind: str
    title: str
    municipality: str
    budget: int
    actual: int
    first: int

    @property
    def over(self) -> int:
        return self.actual - self.budget


@dataclass
class BookPages:
    """The page report of the book (and of the short version, when it was made)."""

    pdf: str
    total: int
    parts: list[PartPages] = field(default_factory=list)
    items: list[ItemPages] = field(default_factory=list)
    short_pdf: str = ""
    short_items: list[ItemPages] = field(default_factory=list)

    @property
    def budget(self) -> int:
        return sum(p.budget for p in self.parts)

    @property
    def too_long(self) -> list[ItemPages]:
        """Profiles, examples and short-version pages that run over their pages."""
        return [i for i in self.items + self.short_items if i.over > 0]

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["budget"] = self.budget
        data["too_long"] = [asdict(i) for i in self.too_long]
        return data


def _item_spans(starts: list[int], end: int) -> list[int]:
    """Pages of consecutive items starting at `starts`, the last ending at page `end`."""
    bounds = [*starts[1:], end + 1]
    return [b - s for s, b in zip(starts, bounds, strict=True)]


def _find(pages: PdfPages, title: str, level: int, after: int = 0) -> int | None:
    for entry in pages.outline:
        if entry.level == level and entry.title.strip() == title.strip() and entry.page > after:
            return entry.page
    return None


def measure_book(pages: PdfPages, ed: Edition, pdf_name: str = "bauta.pdf") -> BookPages:
    """Pages per part and per item, from the PDF's page labels and bookmarks."""
    budget = ed.settings.budget
    n_profiles, n_examples = len(ed.profiles), len(ed.examples)
    planned = {
        "cover": budget.cover, "front": budget.front, "national": budget.national,
        "shared": budget.shared,
        "profiles": budget.per_profile * n_profiles + budget.profiles_intro,
        "examples": budget.per_example * n_examples + budget.examples_intro,
        "references": budget.references,
    }
    report = BookPages(pdf=pdf_name, total=pages.count)
    numbered = [i + 1 for i, label in enumerate(pages.labels) if label.strip()]
    first_numbered = numbered[0] if numbered else 1
    last_numbered = numbered[-1] if numbered else pages.count
    cover_pages = pages.count - len(numbered)

    starts: dict[str, int] = {}
    for key, _, headings in PARTS[1:]:
        found = [p for p in (_find(pages, ed.labels[h], 1) for h in headings) if p is not None]
        if found:
            starts[key] = min(found)
    if "front" in starts:
        starts["front"] = first_numbered  # the contents page opens the front matter
    order = [key for key, _, _ in PARTS[1:] if key in starts]
    for key, label, _ in PARTS:
        if key == "cover":
            front = first_numbered - 1
            report.parts.append(PartPages(key, label, planned[key], cover_pages, 1, front))
            continue
        if key not in starts:
            report.parts.append(PartPages(key, label, planned[key], 0))
            continue
        i = order.index(key)
        end = starts[order[i + 1]] - 1 if i + 1 < len(order) else last_numbered
        report.parts.append(PartPages(key, label, planned[key], end - starts[key] + 1,
                                      starts[key], end))
    parts = {p.key: p for p in report.parts}
    for key, kind, views, per in (("profiles", "profil", ed.profiles, budget.per_profile),
                                  ("examples", "eksempel", ed.examples, budget.per_example)):
        part = parts[key]
        if not part.actual:
            continue
        located: list[tuple[int, str, str]] = []
        after = part.first - 1
        for view in views:
            title = view.title if isinstance(view, ExampleView) else view.name
            where = view.municipality_name if isinstance(view, ExampleView) else view.name
            page = _find(pages, title, 2, after)
            if page is not None and page <= part.last:
                located.append((page, title, where))
                after = page
        spans = _item_spans([p for p, _, _ in located], part.last)
        report.items.extend(ItemPages(kind, title, where, per, span, page)
                            for (page, title, where), span in zip(located, spans, strict=True))
    return report


def measure_short(report: BookPages, pages: PdfPages, ed: Edition,
                  pdf_name: str = "kortversjon.pdf") -> None:
    """Add the short version's pages per example to `report`."""
    report.short_pdf = pdf_name
    numbered = [i + 1 for i, label in enumerate(pages.labels) if label.strip()]
    last = numbered[-1] if numbered else pages.count
    found: list[tuple[int, str, str]] = []
    after = 0
    for view in ed.examples:
        page = _find(pages, view.title, 1, after)
        if page is not None:
            found.append((page, view.title, view.municipality_name))
            after = page
    spans = _item_spans([p for p, _, _ in found], last)
    per = ed.settings.budget.short_per_example
    report.short_items = [ItemPages("kortversjon", title, where, per, span, page)
                          for (page, title, where), span in zip(found, spans, strict=True)]


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("±0" if n == 0 else f"−{-n}")


def format_report(report: BookPages) -> str:
    """The report as the editors read it: one line per part, then what runs over."""
    lines = [f"Sidebudsjett – målt i {report.pdf} ({report.total} sider)", ""]
    width = max(len(p.label) for p in report.parts) + 2
    lines.append(f"{'Del':<{width}}{'Budsjett':>9}{'Faktisk':>9}{'Avvik':>7}  Sider")
    for p in report.parts:
        where = "" if not p.actual else (
            f"{p.first}–{p.last}" if p.key != "cover" else
            f"1–{p.last} og {report.total - (p.actual - p.last) + 1}–{report.total}")
        lines.append(f"{p.label:<{width}}{p.budget:>9}{p.actual:>9}{_signed(p.over):>7}  {where}")
    total_actual = sum(p.actual for p in report.parts)
    lines.append(f"{'Sum':<{width}}{report.budget:>9}{total_actual:>9}"
                 f"{_signed(total_actual - report.budget):>7}")
    lines.append("")
    over = [i for i in report.items if i.over > 0]
    if over:
        lines.append("For lange bidrag (må kortes):")
        for i in over:
            lines.append(f"  {i.kind} «{i.title}» ({i.municipality}): {i.actual} sider, "
                         f"budsjett {i.budget} ({_signed(i.over)}), fra side {i.first}")
    else:
        lines.append("Alle profiler og eksempler holder seg innenfor sine sider.")
    counts = {}
    for kind in ("profil", "eksempel"):
        counts[kind] = sum(1 for i in report.items if i.kind == kind)
    lines.append(f"Målt: {counts['profil']} profiler og {counts['eksempel']} eksempler.")
    if report.short_pdf:
        lines.append("")
        short_over = [i for i in report.short_items if i.over > 0]
        if short_over:
            lines.append(f"Kortversjonen ({report.short_pdf}): eksempler over én side:")
            for i in short_over:
                lines.append(f"  «{i.title}» ({i.municipality}): {i.actual} sider")
        else:
            lines.append(f"Kortversjonen ({report.short_pdf}): alle "
                         f"{len(report.short_items)} eksempler får plass på sin side.")
    return "\n".join(lines) + "\n"
