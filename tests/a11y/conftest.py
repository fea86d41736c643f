"""Every example in inputs/ built once per test process: PDFs of every programme, the HTML
plans of one programme, and the bauta (book, short version, web edition)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pytest
from click.testing import CliRunner

from plandoc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
#: The programme whose HTML plans the browser checks (it has PLP projects too).
HTML_PROGRAMME = "fjordvik"


class Examples:
    """Built on first use, each part once: a test that needs only the bauta does not wait
    for every programme's PDFs."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def _build(self, name: str, args: list[str]) -> Path:
        target = self.out / name
        if not target.exists():
            result = CliRunner().invoke(main, [*args, "--out", str(target)])
            assert result.exit_code == 0, result.output
        return target

    @cached_property
    def pdf(self) -> Path:
        """Every programme in inputs/ as PDF."""
        return self._build("pdf", ["build", str(ROOT / "inputs"), "--format", "pdf", "-q"])

    @cached_property
    def html(self) -> Path:
        """The HTML plans of one programme."""
        return self._build("html", ["build", str(ROOT / "inputs" / HTML_PROGRAMME),
                                    "--format", "html", "-q"])

    @cached_property
    def bauta(self) -> Path:
        """The bauta: book, short version and web edition."""
        return self._build("bauta", ["bauta", "build", str(ROOT / "inputs" / "bauta")])

    def pdfs(self) -> list[Path]:
        # The web edition's downloads are copies of the book's files.
        found = [*self.pdf.rglob("*.pdf"), *self.bauta.rglob("*.pdf")]
        return sorted(p for p in found if "last-ned" not in p.parts)


@pytest.fixture(scope="session")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Examples:
    return Examples(tmp_path_factory.mktemp("examples"))
