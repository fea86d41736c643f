"""A build killed with SIGKILL at any moment leaves every output either the previous good
version or absent, and the next build completes with the reference bytes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from safety.conftest import PLANDOC, build, documents

#: When each build is killed, as a fraction of how long a whole build takes: during start-up,
#: loading, the first documents, in the middle and near the end. One more build is killed
#: the moment a temporary file appears, that is, in the middle of writing a document.
FRACTIONS = (0.1, 0.45, 0.8)


def _check_outputs(out: Path, reference: dict[str, bytes]) -> list[str]:
    """Every visible file is a reference document with the reference bytes; returns the
    hidden (dot) files, where temporaries and the manifest live."""
    hidden: list[str] = []
    if not out.exists():
        return hidden
    for path in sorted(out.rglob("*")):
        if path.is_dir():
            continue
        rel = str(path.relative_to(out))
        if any(part.startswith(".") for part in path.relative_to(out).parts):
            hidden.append(rel)
            continue
        assert rel in reference, f"{rel} is not an output of a good build"
        assert path.read_bytes() == reference[rel], f"{rel} is not complete"
    return hidden


def _start(inputs: Path, out: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.Popen(
        [*PLANDOC, "build", str(inputs), "--out", str(out), "-q", *args],
        cwd=inputs.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL the build and its workers; False when it had already finished."""
    alive = proc.poll() is None
    if alive:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return alive


def _temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob(".*.tmp")] if out.exists() else []


def test_killed_builds_leave_old_or_no_files(
    inputs: Path, reference_build: tuple[dict[str, bytes], float], tmp_path: Path,
) -> None:
    reference, seconds = reference_build
    out = tmp_path / "out"
    kills = 0
    for fraction in FRACTIONS:
        # --force: every build rewrites every file, so a kill can hit the rewrite of a file
        # that an earlier build completed: that file must keep its previous good bytes.
        proc = _start(inputs, out, "--force", "--jobs", "2")
        time.sleep(fraction * seconds)
        kills += _kill(proc)
        _check_outputs(out, reference)
    assert kills >= 2

    # Once more, killed exactly while a document is being written.
    before = set(_temporaries(out))
    proc = _start(inputs, out, "--force", "--jobs", "2")
    deadline = time.monotonic() + 3 * seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if set(_temporaries(out)) - before:
            break
        time.sleep(0.002)
    assert _kill(proc), "the build finished before it could be killed mid-write"
    _check_outputs(out, reference)

    done = build(inputs, out)
    assert done.returncode == 0, done.stderr
    assert documents(out) == reference
    _check_outputs(out, reference)  # what killed builds left behind is hidden (".…")


def test_a_forced_build_after_a_kill_gives_the_reference(
    inputs: Path, reference_build: tuple[dict[str, bytes], float], tmp_path: Path,
) -> None:
    reference, seconds = reference_build
    out = tmp_path / "out"
    proc = _start(inputs, out, "--jobs", "1")
    time.sleep(seconds / 2)
    _kill(proc)
    _check_outputs(out, reference)
    done = build(inputs, out, "--force", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert documents(out) == reference
