"""Where the submissions stand on a given day: missing, late, and not yet decided."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from plandoc.bauta.model import Project, Submission


def today() -> dt.date:
    """The date status is measured against (a function so tests and --dato can replace it)."""
    return dt.date.today()


@dataclass
class StatusLine:
    submission: Submission
    days: int


@dataclass
class Status:
    """Where the submissions stand on a given day."""

    today: dt.date
    overdue: list[StatusLine] = field(default_factory=list)
    missing: list[StatusLine] = field(default_factory=list)
    late: list[StatusLine] = field(default_factory=list)
    to_assess: list[Submission] = field(default_factory=list)
    assessed: list[Submission] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def status_of(project: Project, today: dt.date) -> Status:
    """Missing (overdue or not yet due), late, and not yet decided submissions."""
    status = Status(today=today)
    for s in project.submissions:
        if s.status == "mangler":
            days = (today - s.deadline).days if s.deadline else 0
            (status.overdue if s.deadline and today > s.deadline else status.missing).append(
                StatusLine(s, days))
        elif s.received and s.deadline and s.received > s.deadline:
            status.late.append(StatusLine(s, (s.received - s.deadline).days))
        if s.status == "mottatt":
            status.to_assess.append(s)
        elif s.status == "vurdert":
            status.assessed.append(s)
        kind = status.counts.setdefault(s.kind, {})
        kind["ventet"] = kind.get("ventet", 0) + 1
        kind[s.status] = kind.get(s.status, 0) + 1
    status.overdue.sort(key=lambda line: (-line.days, line.submission.municipality))
    status.late.sort(key=lambda line: (-line.days, line.submission.municipality))
    return status
