"""Målform: one label table per language, same keys, and nynorsk documents stay nynorsk."""

from __future__ import annotations

import re

import pytest

from builders.helpers import texts
from factories import sample_programme
from plandoc.builders import build_documents, templates_dir
from plandoc.document import Heading, Table, plain_text, walk_blocks
from plandoc.i18n.labels import BOKMÅL, META_KEYS, NYNORSK, labels, meta_labels, status_label


def test_both_tables_have_exactly_the_same_keys() -> None:
    assert set(BOKMÅL) == set(NYNORSK)
    assert set(META_KEYS) <= set(BOKMÅL)


def test_placeholders_agree_between_målformer() -> None:
    for key, text in BOKMÅL.items():
        assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", NYNORSK[key]), key


def test_every_label_a_template_uses_exists() -> None:
    used = set()
    for path in templates_dir().glob("*.md.j2"):
        source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        used |= set(re.findall(r"labels\.(\w+)", source))
    assert used, "no labels found in templates"
    assert used <= set(BOKMÅL), used - set(BOKMÅL)


def test_templates_contain_no_fixed_prose() -> None:
    # Outside {{ }}, {% %} and {# #} a template line may only hold Markdown syntax.
    for path in templates_dir().glob("*.md.j2"):
        source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", source)
        source = re.sub(r'\{[.#][^}]*\}|\{\w+="[^"]*"\}|\(chart:[^)]*\)|\[\[toc\]\]', "", source)
        words = re.findall(r"[A-Za-zÆØÅæøå]{2,}", source)
        assert not words, (path.name, words)


def test_status_and_meta_labels() -> None:
    assert status_label("til behandling", "bokmål") == "til behandling"
    assert status_label("til behandling", "nynorsk") == "til handsaming"
    assert status_label("vedtatt", "nynorsk") == "vedteken"
    assert meta_labels("nynorsk")["contents"] == "Innhald"
    with pytest.raises(KeyError):
        labels("engelsk")


def _bokmål_only() -> list[re.Pattern[str]]:
    patterns = []
    for key, text in BOKMÅL.items():
        if text == NYNORSK[key]:
            continue
        regex = re.escape(text)
        regex = re.sub(r"\\\{\w+\\\}", ".+?", regex)
        patterns.append(re.compile(rf"(?<!\w){regex}(?!\w)"))
    return patterns


def test_nynorsk_documents_have_no_bokmål_only_labels() -> None:
    patterns = _bokmål_only()
    assert len(patterns) > 20
    for stem, doc in build_documents(sample_programme("nynorsk")):
        blocks = walk_blocks(doc.blocks)
        headings = [plain_text(b.children) for b in blocks if isinstance(b, Heading)]
        headers = [
            plain_text(c) for b in blocks if isinstance(b, Table) for c in b.header
        ]
        everything = texts(doc) + [text for pair in doc.meta.version for text in pair]
        everything += list(doc.meta.labels.values())
        for pattern in patterns:
            for text in headings + headers + everything:
                assert not pattern.search(text), (stem, pattern.pattern, text)
        assert "Innleiing" in headings or stem == "omstillingsplan"


def test_bokmål_documents_use_bokmål_headings() -> None:
    docs = dict(build_documents(sample_programme("bokmål")))
    titles = [t for _, t in docs["handlingsplan-2025"].outline()]
    assert "3 Resultater fra tidligere omstillingsår" in titles
    assert "1 Innledning" in titles
