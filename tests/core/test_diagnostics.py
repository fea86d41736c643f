"""Diagnostic formatting as users see it."""

from plandoc.core.diagnostics import Diagnostics, SourceRef


def test_cell_reference_format() -> None:
    diags = Diagnostics()
    diags.error(
        'budsjett må være et tall, fikk "ca. 3 mill"',
        "tiltak.budsjett",
        SourceRef("inputs/dyroy/plan.xlsx", "Tiltak", "D7"),
    )
    assert str(diags.items[0]) == (
        'inputs/dyroy/plan.xlsx:Tiltak!D7: feil: budsjett må være et tall, fikk "ca. 3 mill"'
        " [tiltak.budsjett]"
    )


def test_yaml_line_and_related() -> None:
    diags = Diagnostics()
    diags.warning(
        "id brukt to ganger",
        "id.duplikat",
        SourceRef("x.yaml", line=12),
        related=[SourceRef("x.yaml", line=3)],
    )
    assert str(diags.items[0]) == (
        "x.yaml:12: advarsel: id brukt to ganger (se også x.yaml:3) [id.duplikat]"
    )
    assert not diags.has_errors
    assert len(diags.warnings) == 1
