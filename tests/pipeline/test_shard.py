"""`plandoc build --shard K/N` and `--only-rollup`: disjoint shares whose union is a full build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plandoc.build.incremental import MANIFEST_NAME, FileHasher, Manifest
from plandoc.build.rollup import summaries_from_shards
from plandoc.build.shard import Shard, assignment
from plandoc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"


def build(out: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", str(INPUTS), "--out", str(out),
                                       "--format", "html", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def documents(out: Path) -> dict[str, bytes]:
    """Every output file's bytes by path (manifests and caches aside)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).parts[0].startswith(".")}


def test_shards_are_disjoint_and_their_union_is_the_full_build(tmp_path: Path) -> None:
    # HTML: the split does not depend on the format, and HTML is the quickest to write.
    code, _, stderr = build(tmp_path / "full", "-j", "2")
    assert code == 0, stderr
    full = documents(tmp_path / "full")
    assert {"samleoversikt.html", "samleoversikt.xlsx"} <= set(full)
    for total in (2, 3):
        union = check_shares(tmp_path / f"in-{total}", total)
        assert union == {k: v for k, v in full.items() if not k.startswith("samleoversikt")}
        # The samleoversikt afterwards, from the shares' manifests: no workbook read again.
        combined = tmp_path / f"in-{total}" / "combined"
        files = sorted(INPUTS.glob("*/program.xlsx"))
        summaries, loaded = summaries_from_shards(files, Manifest.load(combined), FileHasher())
        assert loaded == 0 and len(summaries) == len(files)
        code, stdout, stderr = build(combined, "--only-rollup")
        assert code == 0, stderr
        assert "samleoversikt.html" in stdout
        assert documents(combined) == full
    # Without any share's manifest, --only-rollup reads the programmes: the same files.
    code, _, stderr = build(tmp_path / "alone", "--only-rollup")
    assert code == 0, stderr
    assert documents(tmp_path / "alone") == {k: v for k, v in full.items()
                                              if k.startswith("samleoversikt")}


def check_shares(folder: Path, total: int) -> dict[str, bytes]:
    """Build every share of `total` on its own "machine" (folder), copy them together as a
    CI job copies artifacts into `folder`/combined, and check they are disjoint."""
    shares: list[dict[str, bytes]] = []
    combined = folder / "combined"
    for k in range(1, total + 1):
        out = folder / f"share-{k}"
        code, stdout, stderr = build(out, "--shard", f"{k}/{total}", "-j", "1")
        assert code == 0, stderr
        assert f"del {k}/{total}: " in stdout
        files = documents(out)
        assert not any(f.startswith("samleoversikt") for f in files)
        assert (out / f".plandoc-manifest.shard-{k}-av-{total}.json").is_file()
        assert not (out / MANIFEST_NAME).exists()
        shares.append(files)
        for p in out.rglob("*"):
            if p.is_file() and "plandoc-cache" not in p.as_posix():
                target = combined / p.relative_to(out)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(p.read_bytes())
    # Disjoint: no file, and no municipality folder, is written by two shares.
    for i, a in enumerate(shares):
        for b in shares[i + 1:]:
            assert not set(a) & set(b)
            assert not {f.split("/")[0] for f in a} & {f.split("/")[0] for f in b}
    assert sum(1 for s in shares if s) == min(total, 4)  # four example programmes
    return {k: v for s in shares for k, v in s.items()}


def test_assignment_is_round_robin_over_sorted_folders() -> None:
    files = [Path(f"inputs/{name}/program.xlsx") for name in ("d", "a", "c", "b", "e")]
    assert assignment(files, 2) == {
        Path("inputs/a/program.xlsx"): 1, Path("inputs/b/program.xlsx"): 2,
        Path("inputs/c/program.xlsx"): 1, Path("inputs/d/program.xlsx"): 2,
        Path("inputs/e/program.xlsx"): 1,
    }
    # Relative or absolute, from any checkout folder: the same split.
    moved = [Path("/srv/ci/job-7") / f for f in files]
    assert [assignment(moved, 3)[m] for m in moved] == [assignment(files, 3)[f] for f in files]
    # Two programmes in one folder stay together; files in a single folder are dealt out.
    together = [Path("x/a/p.xlsx"), Path("x/a/q.yaml"), Path("x/b/p.xlsx")]
    assert assignment(together, 2) == {together[0]: 1, together[1]: 1, together[2]: 2}
    flat = [Path("x/p1.xlsx"), Path("x/p2.xlsx"), Path("x/p3.xlsx")]
    assert assignment(flat, 2) == {flat[0]: 1, flat[1]: 2, flat[2]: 1}


def test_assignment_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    code = ("from pathlib import Path; from plandoc.build.shard import assignment;"
            "fs=[Path(f'in/k{i:03}/p.xlsx') for i in range(40)];"
            "print([assignment(fs, 3)[f] for f in fs])")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1
    shares = json.loads(runs.pop())
    assert [shares.count(k) for k in (1, 2, 3)] == [14, 13, 13]


@pytest.mark.parametrize("value, message", [
    ("3/2", "delen (K) må være mellom 1 og 2"),
    ("0/2", "delen (K) må være mellom 1 og 2"),
    ("1/0", "antall deler (N) må være minst 1"),
    ("to av tre", "--shard må skrives K/N"),
    ("1/2/3", "--shard må skrives K/N"),
])
def test_bad_shard_values_are_a_norwegian_usage_error(
    value: str, message: str, tmp_path: Path
) -> None:
    code, _, stderr = build(tmp_path / "out", "--shard", value)
    assert code == 2
    assert message in stderr and "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


def test_shard_and_only_rollup_together_is_refused(tmp_path: Path) -> None:
    code, _, stderr = build(tmp_path / "out", "--shard", "1/2", "--only-rollup")
    assert code == 2
    assert "kan ikke brukes sammen" in stderr


def test_shard_parse() -> None:
    assert Shard.parse(" 2 / 3 ") == Shard(2, 3)
    assert Shard(1, 4).manifest_name == ".plandoc-manifest.shard-1-av-4.json"
