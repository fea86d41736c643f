"""`plandoc users add|list|remove|passwd` through the CLI, and the rules for users."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from plandoc.cli.main import main
from plandoc.serve.db import Database
from plandoc.serve.users import authenticate


def _run(data: Path, *args: str, password: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["users", *args, "--data", str(data)],
                                input=password + "\n" if password else None)
    return result.exit_code, result.output


def test_users_lifecycle(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "add", "kari", "--role", "leder", "--programme",
                     "fjordvik-kommune", password="et-langt-passord")
    assert code == 0 and "la til kari (leder)" in out
    code, out = _run(tmp_path, "add", "kari", "--role", "admin", password="et-langt-passord")
    assert code == 2 and "finnes allerede" in out
    code, out = _run(tmp_path, "list")
    assert "kari\tleder program=fjordvik-kommune" in out
    db = Database(f"sqlite:///{tmp_path / 'plandoc.sqlite3'}")
    stored = db.one("SELECT password FROM users WHERE name = 'kari'")[0]
    assert stored.startswith("$argon2") and "et-langt-passord" not in stored
    assert _run(tmp_path, "passwd", "kari", password="et-nytt-passord")[0] == 0
    assert authenticate(db, "kari", "et-langt-passord") is None
    assert authenticate(db, "kari", "et-nytt-passord") is not None
    assert _run(tmp_path, "remove", "kari")[0] == 0
    assert "kari" not in _run(tmp_path, "list")[1]


def test_users_add_refuses_bad_input(tmp_path: Path) -> None:
    cases = [
        (["add", "ola", "--role", "leder", "--programme", "Fjordvik kommune"], "mente du"),
        (["add", "ola", "--role", "leder"], "minst ett program"),
        (["add", "ola", "--role", "fylke"], "--fylke"),
        (["add", "o", "--role", "admin"], "brukernavnet"),
    ]
    for args, words in cases:
        code, out = _run(tmp_path, *args, password="et-langt-passord")
        assert code == 2 and words in out, (args, out)
    code, out = _run(tmp_path, "add", "ola", "--role", "admin", password="kort")
    assert code == 2 and "minst 10 tegn" in out
