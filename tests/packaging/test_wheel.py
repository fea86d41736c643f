"""A wheel built from the checkout, installed (not editable) into a fresh venv, builds the
examples from another folder byte for byte like the editable install."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DATE_EPOCH = "1700000000"
#: Written next to the documents, but holding absolute paths and tool versions by design.
NOT_DOCUMENTS = {".plandoc-manifest.json", ".plandoc-cache"}

pytestmark = pytest.mark.packaging


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def _clean_env() -> dict[str, str]:
    """The environment of a user's shell: no override of the templates, no checkout on the
    path, a fixed source date so both builds can be compared byte for byte."""
    env = {k: v for k, v in os.environ.items() if k not in {"PLANDOC_TEMPLATES", "PYTHONPATH"}}
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    return env


def _copy_checkout(dest: Path) -> Path:
    """What a clean clone holds for packaging: building in a copy keeps setuptools' build/
    and *.egg-info out of the working tree (and away from tests running in parallel)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "src", dest / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def _build_wheel(tree: Path, out: Path, env: dict[str, str]) -> Path:
    """`pip wheel --no-deps` of the copy. Without build isolation when this venv has the
    build backend (no network, ~2 s); else isolated, skipped when the index is unreachable."""
    try:
        import setuptools  # noqa: F401
        isolation = ["--no-build-isolation"]
    except ImportError:
        isolation = []
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation,
           "-w", str(out), str(tree)]
    result = _run(cmd, tree, env)
    if result.returncode != 0:
        if not isolation and any(word in result.stderr for word in
                                 ("Could not find a version", "NewConnectionError",
                                  "Temporary failure in name resolution")):
            pytest.skip("kan ikke hente byggeverktøyet (setuptools) uten nett / "
                        "cannot fetch the build backend offline: " + result.stderr[-300:])
        pytest.fail(f"pip wheel feilet:\n{result.stdout}\n{result.stderr}")
    wheels = sorted(out.glob("plandoc-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _fresh_venv(where: Path, wheel: Path, env: dict[str, str]) -> Path:
    """A new venv with the wheel installed as a normal (not editable) package. Its
    dependencies come from this venv's site-packages through a .pth line, so nothing is
    downloaded; a plain path line does not run this venv's editable-install hook, so
    `import plandoc` can only find the installed copy."""
    venv.EnvBuilder(with_pip=False).create(where)
    python = where / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                   where, env).stdout.strip()
    Path(purelib, "_plandoc_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    result = _run([sys.executable, "-m", "pip", "--python", str(python), "install",
                   "--no-deps", "--no-index", "-q", str(wheel)], where, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and not NOT_DOCUMENTS & set(p.relative_to(folder).parts))


def _assert_same_files(expected: Path, actual: Path) -> None:
    names = _files(expected)
    assert names, f"ingen filer i {expected}"
    assert _files(actual) == names
    _, mismatch, errors = filecmp.cmpfiles(expected, actual, [str(n) for n in names],
                                           shallow=False)
    assert not mismatch and not errors, f"ulike filer: {mismatch} {errors}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `plandoc` command of a fresh venv holding only the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    env = _clean_env()
    wheel = _build_wheel(_copy_checkout(base / "checkout"), base / "dist", env)
    python = _fresh_venv(base / "venv", wheel, env)
    return python.parent / "plandoc"


def test_installed_package_reads_its_own_templates(installed: Path, tmp_path: Path) -> None:
    """Templates, fonts, the Word template, CSS and chart.typ resolve inside the installed
    package, not in the checkout."""
    probe = (
        "import plandoc, plandoc.writers.docx as d, plandoc.writers.pdf as p, "
        "plandoc.writers.html as h\n"
        "from plandoc.core.resources import templates_dir\n"
        "t = templates_dir()\n"
        "print(plandoc.__file__)\n"
        "for rel in ('omstillingsplan.md.j2', 'bauta/book.md.j2', 'word/plandoc.docx', "
        "'typst/plandoc.typ', 'typst/chart.typ', 'typst/bauta.typ', "
        "'typst/fonts/NotoSans[wght].ttf', 'html/plandoc.css', 'html/bauta.css'):\n"
        "    assert (t / rel).is_file(), rel\n"
        "print(t)\nprint(d.TEMPLATE_DIR)\nprint(p.DEFAULT_TEMPLATE_DIR)\n"
        "print(h.DEFAULT_TEMPLATE_DIR)\n"
    )
    result = _run([str(installed.parent / "python"), "-c", probe], tmp_path, _clean_env())
    assert result.returncode == 0, result.stderr
    venv_root = installed.parents[1].resolve()
    for line in result.stdout.splitlines():
        assert Path(line).resolve().is_relative_to(venv_root), line
        assert not Path(line).resolve().is_relative_to(ROOT), line


@pytest.mark.parametrize("command", [
    ["build", "inputs/fjordvik", "--format", "docx,pdf,html"],
    ["bauta", "build", "inputs/bauta"],
], ids=["fjordvik", "bauta"])
def test_wheel_builds_like_the_checkout(installed: Path, command: list[str],
                                        tmp_path: Path) -> None:
    """`plandoc build` from an empty folder with the installed wheel writes the same bytes
    as the editable install run in the repository."""
    env = _clean_env()
    editable = Path(sys.executable).parent / "plandoc"
    expected, actual, elsewhere = tmp_path / "expected", tmp_path / "actual", tmp_path / "empty"
    elsewhere.mkdir()
    result = _run([str(editable), *command, "--out", str(expected), "-q"], ROOT, env)
    assert result.returncode == 0, result.stdout + result.stderr
    absolute = [str(ROOT / part) if part.startswith("inputs/") else part for part in command]
    result = _run([str(installed), *absolute, "--out", str(actual), "-q"], elsewhere, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(elsewhere.iterdir()), "plandoc skrev i arbeidsmappen"
    _assert_same_files(expected, actual)
