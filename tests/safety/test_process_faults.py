"""The build as a process: Ctrl-C, SIGTERM and SIGKILL of the main process leave no worker
behind, and two builds into one output folder keep each other's manifest entries.

Each test starts `plandoc build --jobs 2` in its own session (as a terminal would), waits
until the worker processes are running, then signals it; "left behind" means any process
still in that session afterwards (found in /proc, so no extra tool is needed).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from badinput.make_corpus import BASE_YAML
from safety.conftest import PLANDOC, REPO

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="needs /proc (Linux) to find the worker processes")


def _session_members(sid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        # fields[0] is the state, [3] the session id; a zombie is already gone
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _inputs(root: Path) -> Path:
    """Three programmes, so that both workers are busy for a few seconds."""
    inputs = root / "inputs"
    for name in ("sunnvik", "indre-dalen", "sandbakken"):
        shutil.copytree(REPO / "inputs" / name, inputs / name)
        for extra in (inputs / name).glob("*.xlsx"):
            extra.unlink()  # the YAML twin is the same programme; build it once
    return inputs


def _start(inputs: Path, out: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH",
                                                             "PLANDOC_DEBUG")}
    return subprocess.Popen(
        [*PLANDOC, "build", str(inputs), "--out", str(out), "-q", "--jobs", "2", "--force"],
        cwd=inputs.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )


def _wait_for_workers(proc: subprocess.Popen[str], at_least: int = 5) -> None:
    """Until the session has the build, its resource tracker, its forkserver and both
    workers."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len(_session_members(proc.pid)) >= at_least:
            time.sleep(0.5)  # let the workers start on their programmes
            return
        time.sleep(0.05)
    pytest.fail("the build never started its worker processes")


def _gone(sid: int, seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = _session_members(sid)
        if not left:
            return []
        time.sleep(0.1)
    left = _session_members(sid)
    for pid in left:  # do not leave them running after a failed test
        os.kill(pid, signal.SIGKILL)
    return left


def _temporaries(out: Path) -> list[str]:
    return [str(p) for p in out.rglob(".*.tmp")] if out.exists() else []


def test_ctrl_c_stops_the_build_and_its_workers_in_norwegian(tmp_path: Path) -> None:
    proc = _start(_inputs(tmp_path), tmp_path / "ut")
    _wait_for_workers(proc)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C: to every process
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "plandoc: avbrutt" in err
    for english in ("Traceback", "KeyboardInterrupt", "Aborted!", "intern feil"):
        assert english not in err, err
    assert _gone(proc.pid) == []
    assert _temporaries(tmp_path / "ut") == []


def test_sigterm_cleans_up(tmp_path: Path) -> None:
    proc = _start(_inputs(tmp_path), tmp_path / "ut")
    _wait_for_workers(proc)
    proc.terminate()  # SIGTERM to the main process only, as a service manager sends it
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "plandoc: stoppet" in err and "Traceback" not in err
    assert _gone(proc.pid) == []
    assert _temporaries(tmp_path / "ut") == []


def test_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    proc = _start(_inputs(tmp_path), tmp_path / "ut")
    _wait_for_workers(proc)
    os.kill(proc.pid, signal.SIGKILL)  # main process only: nothing can clean up after it
    proc.communicate(timeout=60)
    assert _gone(proc.pid) == []
    # Nothing is written after the build is gone: the folder stands still.
    before = sorted(str(p) for p in (tmp_path / "ut").rglob("*"))
    time.sleep(1.0)
    assert sorted(str(p) for p in (tmp_path / "ut").rglob("*")) == before


def test_two_builds_into_one_folder_keep_both_programmes(tmp_path: Path) -> None:
    for name, municipality in (("a", "Dyrøy"), ("b", "Ibestad")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "program.yaml").write_text(
            BASE_YAML.replace("Dyrøy", municipality), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    procs = [subprocess.Popen([*PLANDOC, "build", name, "--out", "ut", "-q", "--format",
                               "docx,pdf"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    manifest = json.loads((tmp_path / "ut" / ".plandoc-manifest.json").read_text("utf-8"))
    assert len(manifest["programmes"]) == 2
    recorded = {rel for entry in manifest["programmes"].values() for rel in entry["outputs"]}
    on_disk = {str(p.relative_to(tmp_path / "ut")) for p in (tmp_path / "ut").rglob("*")
               if p.suffix in (".docx", ".pdf", ".xlsx")}
    assert recorded == on_disk and len(on_disk) >= 4
