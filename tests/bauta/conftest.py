"""The example bauta (inputs/bauta), built once per test process into a temporary folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from plandoc.bauta.pipeline import EditionResult, build_edition

EXAMPLE = Path(__file__).resolve().parents[2] / "inputs" / "bauta"


@dataclass
class Built:
    root: Path
    out: Path
    result: EditionResult


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("bauta") / "build"
    return Built(EXAMPLE, out, build_edition(EXAMPLE, out))
