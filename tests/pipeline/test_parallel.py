"""Worker pools: every unit's result comes back, and workers are replaced after their share."""

from __future__ import annotations

import os

import pytest

from plandoc.build import parallel
from plandoc.core.memory import release_freed_memory


def _pid(unit: int) -> tuple[int, int]:
    return unit, os.getpid()


def test_workers_are_replaced_after_their_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "UNITS_PER_WORKER", 2)
    results = list(parallel.run_units(list(range(9)), _pid, jobs=2))
    assert sorted(unit for unit, _ in results) == list(range(9))
    pids = {pid for _, pid in results}
    # 9 units, 2 workers, 2 units each: three pools (4 + 4 + 1 units), each with new workers.
    assert len(pids) >= 3
    assert os.getpid() not in pids


def test_one_job_runs_in_this_process() -> None:
    assert {pid for _, pid in parallel.run_units([1, 2, 3], _pid, jobs=1)} == {os.getpid()}


def test_releasing_freed_memory_is_safe_to_call() -> None:
    release_freed_memory()
    release_freed_memory()
