"""The sandboxed Jinja2 environment: escaping on print, filters, errors, template folder."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from plandoc.builders import jinja, templates_dir, templates_used
from plandoc.builders.markdown import MdSafe
from plandoc.core.diagnostics import TemplateError


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(jinja.TEMPLATES_ENV, str(tmp_path))
    return tmp_path


def render(folder: Path, source: str, **context: object) -> jinja.Rendered:
    (folder / "t.md.j2").write_text(source, encoding="utf-8")
    return jinja.render("t.md.j2", context)


def test_templates_dir_is_the_repository_folder_or_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(jinja.TEMPLATES_ENV, raising=False)
    assert templates_dir() == Path(__file__).resolve().parents[2] / "src" / "plandoc" / "templates"
    assert (templates_dir() / "omstillingsplan.md.j2").is_file()
    monkeypatch.setenv(jinja.TEMPLATES_ENV, str(tmp_path))
    assert templates_dir() == tmp_path.resolve()


def test_environment_is_created_once() -> None:
    assert jinja.environment() is jinja.environment()


def test_every_printed_value_is_escaped(folder: Path) -> None:
    out = render(folder, "{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}", a="*x* | {{ y }}",
                 b=None, c=2025, d=Decimal("1250000"), e=dt.date(2017, 10, 12), f=1.5)
    assert out.markdown == (
        "\\*x\\* \\| \\{\\{ y \\}\\}||2025|1\u00a0250\u00a0000|12\\. oktober 2017|1\\,5"
    )


def test_filters(folder: Path) -> None:
    out = render(
        folder,
        "{{ v | money }};{{ v | kr }};{{ n | number(2) }};{{ p | percent }};"
        "{{ d | date }};{{ d | date('short') }};{{ none | dash }};{{ '' | dash }};{{ 'x' | dash }};"
        "{{ t | cell }};{{ none | money }}",
        v=Decimal("1250000"), n=Decimal("3.14159"), p=Decimal("0.75"), d=dt.date(2017, 10, 12),
        t="a\nb | c",
    )
    assert out.markdown.split(";") == [
        "1\u00a0250\u00a0000", "kr\u00a01\u00a0250\u00a0000", "3\\,14", "75\u00a0\\%",
        "12\\. oktober 2017", "12\\.10\\.2017", "–", "–", "x", "a b \\| c", "",
    ]


def test_fill_escapes_label_and_values_separately(folder: Path) -> None:
    out = render(folder, "{{ 'For {year}: {name}.' | fill(year=2025, name='*A*') }}")
    assert out.markdown == "For 2025\\: \\*A\\*\\."
    with pytest.raises(TemplateError, match="plassholderen"):
        render(folder, "{{ 'For {year}' | fill(name=1) }}")


def test_rich_collects_text_and_prints_a_marker(folder: Path) -> None:
    source = "{{ a | rich }}\n\n{{ b | rich }}\n\n{{ c | rich }}"
    out = render(folder, source, a="**A**", b=None, c="C")
    assert out.markdown == "[[rich:0]]\n\n\n\n[[rich:1]]"
    assert out.rich == ("**A**", "C")


def test_macro_output_would_be_escaped_so_includes_are_used(folder: Path) -> None:
    (folder / "_part.md.j2").write_text("| {{ x }} |\n", encoding="utf-8")
    out = render(folder, "{% with x = '*' %}{% include '_part.md.j2' %}{% endwith %}")
    assert out.markdown == "| \\* |\n"


def test_undefined_value_is_a_template_error_with_file_and_line(folder: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render(folder, "linje 1\n{{ missing }}\n")
    assert "t.md.j2:2: malfeil: udefinert verdi" in info.value.message
    assert info.value.exit_code == 3


def test_syntax_error_is_a_template_error(folder: Path) -> None:
    with pytest.raises(TemplateError, match=r"t\.md\.j2:2: malfeil"):
        render(folder, "ok\n{% for %}\n")


def test_unknown_template_is_a_template_error(folder: Path) -> None:
    with pytest.raises(TemplateError, match=r"fant ikke malen «mangler\.md\.j2»"):
        jinja.render("mangler.md.j2", {})


def test_sandbox_blocks_internals(folder: Path) -> None:
    with pytest.raises(TemplateError, match="malfeil"):
        render(folder, "{{ x.__class__.__mro__ }}", x="a")
    with pytest.raises(TemplateError, match="sandkassen"):
        render(folder, "{{ '{0.__class__}'.format(x) }}", x="a")


def test_bad_value_for_a_filter_is_a_template_error(folder: Path) -> None:
    with pytest.raises(TemplateError, match="forventet et tall"):
        render(folder, "{{ x | money }}", x="ca. 3 mill")


def test_templates_used_lists_the_template_and_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(jinja.TEMPLATES_ENV, raising=False)
    folder = templates_dir()
    used = templates_used("handlingsplan")
    assert used[0] == folder / "handlingsplan.md.j2"
    assert set(used[1:]) == {
        folder / name
        for name in ("_version.md.j2", "_history.md.j2", "_changes.md.j2", "_goals.md.j2",
                     "_measures.md.j2",
                     "_communication.md.j2", "_chapters.md.j2", "_appendices.md.j2",
                     "_reconciliation.md.j2")
    }
    assert all(p.is_file() for p in used)
    assert folder / "_by_year.md.j2" in templates_used("omstillingsplan")


def test_mdsafe_only_from_filters() -> None:
    assert isinstance(jinja.f_money(Decimal(1)), MdSafe)
    assert jinja._finalize(MdSafe("*")) == "*"
    assert jinja._finalize("*") == "\\*"
