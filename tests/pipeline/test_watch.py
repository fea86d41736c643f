"""`plandoc watch`: rebuilds exactly what a save changed, shrugs off Excel's temporary files,
and survives a bad save; run in a thread (and once as a process) with a stop event."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from plandoc.build.watch import Round, counts, save_like_excel, watch_rounds

ROOT = Path(__file__).resolve().parents[2]
SUNNVIK_VISION = "Sunnvik – fjordsamfunnet som skaper nytt av det vi kan"
FJORDVIK_VISION = "Fjordvik – et levende kystsamfunn der folk vil bo, jobbe og skape"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Sunnvik as a workbook, Fjordvik as YAML (without projects), each in its folder."""
    folder = tmp_path / "inputs"
    (folder / "sunnvik").mkdir(parents=True)
    (folder / "fjordvik").mkdir()
    shutil.copyfile(ROOT / "inputs/sunnvik/program.xlsx", folder / "sunnvik/program.xlsx")
    shutil.copyfile(ROOT / "inputs/fjordvik/program.yaml", folder / "fjordvik/program.yaml")
    return folder


class Watcher:
    """`watch_rounds` in a thread; each round arrives in `rounds`."""

    def __init__(self, inputs: Path, out: Path, formats: tuple[str, ...]) -> None:
        self.rounds: queue.Queue[Round | BaseException] = queue.Queue()
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(inputs, out, formats),
                                       daemon=True)

    def _run(self, inputs: Path, out: Path, formats: tuple[str, ...]) -> None:
        try:
            for round_ in watch_rounds([inputs], out, formats, jobs=1, stop=self.stop,
                                       on_ready=self.ready.set):
                self.rounds.put(round_)
        except BaseException as exc:
            self.rounds.put(exc)

    def next(self, timeout: float = 90) -> Round:
        item = self.rounds.get(timeout=timeout)
        if isinstance(item, BaseException):
            raise item
        return item

    def quiet_for(self, seconds: float) -> bool:
        try:
            item = self.rounds.get(timeout=seconds)
        except queue.Empty:
            return True
        raise AssertionError(f"unexpected round: {item}")


@pytest.fixture
def watcher(inputs: Path, tmp_path: Path) -> Iterator[Watcher]:
    w = Watcher(inputs, tmp_path / "out", ("pdf",))
    w.thread.start()
    yield w
    w.stop.set()
    w.thread.join(10)
    assert not w.thread.is_alive()


def files(out: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).parts[0].startswith(".")}


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", " ")


def test_watch_rebuilds_exactly_what_a_save_changed(
    watcher: Watcher, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = watcher.next()
    assert first.exit_code == 0 and not first.changed
    assert {w.rel.split("/")[0] for w in first.written} == {
        "sunnvik-kommune", "fjordvik-kommune", "samleoversikt.pdf", "samleoversikt.xlsx"}
    assert watcher.ready.wait(60)
    before = files(out)

    # A workbook saved the way Excel saves it (lock file, temporary file, rename).
    workbook = inputs / "sunnvik/program.xlsx"
    save_like_excel(workbook, SUNNVIK_VISION, "Sunnvik – det nye fjordsamfunnet")
    change = watcher.next()
    assert change.changed == [workbook]  # neither ~$program.xlsx nor the temporary file
    assert change.exit_code == 0
    after = files(out)
    rewritten = {k for k in after if after[k] != before.get(k)}
    assert rewritten and all(k.startswith("sunnvik-kommune/") for k in rewritten)
    assert {w.rel for w in change.written} == rewritten
    for name, state in before.items():
        if name.startswith("fjordvik-kommune/"):
            assert after[name] == state  # bytes and mtime
    assert "det nye fjordsamfunnet" in pdf_text(out / "sunnvik-kommune/omstillingsplan.pdf")
    assert change.first_pdf is not None and change.first_pdf >= 0

    # Excel's own files and other noise start no round.
    (inputs / "sunnvik/~$program.xlsx").write_bytes(b"lock")
    (inputs / "sunnvik/program.xlsx~RF1a2b.TMP").write_bytes(b"x")
    (inputs / "sunnvik/.program.yaml.swp").write_bytes(b"x")
    assert watcher.quiet_for(1.0)

    # A YAML change: Fjordvik alone is rebuilt.
    before = files(out)
    yaml = inputs / "fjordvik/program.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace(FJORDVIK_VISION, "Fjordvik – ny visjon"),
                    "utf-8")
    change = watcher.next()
    assert change.changed == [yaml] and change.exit_code == 0
    after = files(out)
    rewritten = {k for k in after if after[k] != before.get(k)}
    assert rewritten and all(k.startswith("fjordvik-kommune/") for k in rewritten)
    assert "ny visjon" in pdf_text(out / "fjordvik-kommune/omstillingsplan.pdf")

    # The same bytes saved again (Excel may save twice): nothing is written.
    before = files(out)
    yaml.write_bytes(yaml.read_bytes())
    again = watcher.next()
    assert again.exit_code == 0 and not again.written
    assert files(out) == before


def test_a_bad_save_is_reported_and_the_next_good_one_builds(
    watcher: Watcher, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert watcher.next().exit_code == 0
    assert watcher.ready.wait(60)
    before = files(out)
    workbook = inputs / "sunnvik/program.xlsx"
    good = workbook.read_bytes()
    # Half a workbook, as a program that writes in place leaves it mid-save.
    workbook.write_bytes(good[: len(good) // 2])
    bad = watcher.next()
    assert bad.exit_code == 1 and bad.report is not None
    (failed,) = bad.report.failed
    message = " ".join(str(d) for d in failed.diagnostics)
    assert "program.xlsx" in message and "Traceback" not in message
    assert files(out) == before  # nothing half-written, nothing removed

    workbook.write_bytes(good)
    save_like_excel(workbook, SUNNVIK_VISION, "Sunnvik – attende")
    recovered = watcher.next()
    while recovered.exit_code == 0 and not recovered.written:
        recovered = watcher.next()  # the restore and the edit may come as two batches
    assert recovered.exit_code == 0
    assert {w.rel.split("/")[0] for w in recovered.written} == {"sunnvik-kommune"}
    assert "attende" in pdf_text(out / "sunnvik-kommune/omstillingsplan.pdf")


def test_what_counts_as_a_change(tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert counts(tmp_path / "a/program.xlsx", out)
    assert counts(tmp_path / "a/prosjekter/p.yaml", out)
    assert not counts(tmp_path / "a/~$program.xlsx", out)
    assert not counts(tmp_path / "a/.~lock.program.xlsx#", out)
    assert not counts(tmp_path / "a/A1B2C3D4", out)
    assert not counts(tmp_path / "a/program.xlsx~RF1a2b.TMP", out)
    assert not counts(out / "a/portefoljeoversikt.xlsx", out)


@pytest.mark.skipif(sys.platform == "win32", reason="signals to a child process")
@pytest.mark.parametrize("stop, code, said", [
    (signal.SIGINT, 130, "avbrutt"), (signal.SIGTERM, 143, "stoppet (SIGTERM)")])
def test_the_command_prints_what_changed_and_ctrl_c_ends_it(
    inputs: Path, tmp_path: Path, stop: signal.Signals, code: int, said: str
) -> None:
    shutil.rmtree(inputs / "sunnvik")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "plandoc.cli.main", "watch", str(inputs), "--out", str(out),
         "--format", "html"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True
                     ).start()  # type: ignore[union-attr]

    def until(text: str, timeout: float = 90) -> list[str]:
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no «{text}» in {seen}")

    try:
        first = until("venter på endringer")
        assert any("første bygg: bygget" in line for line in first)
        yaml = inputs / "fjordvik/program.yaml"
        yaml.write_text(yaml.read_text("utf-8").replace(FJORDVIK_VISION, "Ny visjon"), "utf-8")
        shown = until("bygget ")
        assert any("endret: inputs/fjordvik/program.yaml" in line for line in shown)
        assert any("skrev out/fjordvik-kommune/omstillingsplan.html" in line
                   and "etter lagring" in line for line in shown)
    finally:
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == code
    assert said in stderr and "Traceback" not in stderr
