"""One source for the choice lists: every choice column of the schema offers exactly the
values the model's Literal type accepts, so the two cannot drift apart."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from plandoc.load.programme import RECORD_CLASSES
from plandoc.load.project import PROJECT_RECORD_CLASSES
from plandoc.model.programme import ProgrammeInfo
from plandoc.model.project import ProjectInfo
from plandoc.model.records import VersionInfo
from plandoc.schema.programme import PROGRAM, PROGRAMME_SHEETS, Column, Sheet
from plandoc.schema.project import PROJECT, PROJECT_SHEETS

FORMS: dict[str, dict[str, type[BaseModel]]] = {
    PROGRAM.key: {"info": ProgrammeInfo, "version": VersionInfo},
    PROJECT.key: {"info": ProjectInfo, "version": VersionInfo},
}


def _choice_columns() -> list[tuple[str, Sheet, Column, type[BaseModel]]]:
    found = []
    for family, sheets, classes in (("program", PROGRAMME_SHEETS, RECORD_CLASSES),
                                    ("prosjekt", PROJECT_SHEETS, PROJECT_RECORD_CLASSES)):
        for sheet in sheets:
            for column in sheet.columns:
                if column.type != "choice":
                    continue
                cls = (FORMS[sheet.key][column.target] if sheet.kind == "form"
                       else classes[sheet.model_field])
                found.append((family, sheet, column, cls))
    return found


def _literal_values(annotation: object) -> tuple[object, ...]:
    """The values of a Literal, looking through `X | None` and list[X]."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    values: list[object] = []
    for arg in typing.get_args(annotation):
        if arg is not type(None):
            values.extend(_literal_values(arg))
    return tuple(values)


CHOICES = _choice_columns()


def test_there_are_choice_columns_in_both_families() -> None:
    assert {family for family, *_ in CHOICES} == {"program", "prosjekt"}
    typed = [c for _, _, c, cls in CHOICES
             if _literal_values(cls.model_fields[c.field].annotation)]
    assert len(typed) >= 10


@pytest.mark.parametrize(
    ("sheet", "column", "cls"), [(s, c, cls) for _, s, c, cls in CHOICES],
    ids=[f"{f}:{s.key}.{c.key}" for f, s, c, _ in CHOICES],
)
def test_schema_choices_are_the_model_literal(sheet: Sheet, column: Column,
                                              cls: type[BaseModel]) -> None:
    annotation = cls.model_fields[column.field].annotation
    values = _literal_values(annotation)
    if not values:  # a plain str: the reader alone checks the choice (convert)
        assert str in (annotation, *typing.get_args(annotation)), annotation
        return
    assert values == column.choices, (
        f"{sheet.name}!{column.header}: the schema offers {column.choices}, "
        f"{cls.__name__}.{column.field} accepts {_literal_values(annotation)}")
