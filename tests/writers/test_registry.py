"""The writer registry: format names are known without importing the writers."""

import subprocess
import sys

from plandoc.writers import base


def test_builtin_formats_are_the_registered_writers() -> None:
    assert list(base.BUILTIN) == base.available()
    assert base.known_formats() == base.available()
    for name in base.BUILTIN:
        assert base.get_writer(name).name == name


def test_known_formats_imports_no_writer() -> None:
    code = (
        "import sys\n"
        "from plandoc.writers.base import known_formats\n"
        "assert known_formats() == ['docx', 'html', 'pdf']\n"
        "heavy = [m for m in ('docx', 'typst', 'plandoc.writers.pdf') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
