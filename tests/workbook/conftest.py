"""Fixtures for workbook tests: the shared sample programme, as the loader would complete it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plandoc.model.programme import Programme

try:  # the shared factory, however the tests folder ends up on sys.path
    from tests.factories import sample_programme
except ImportError:  # pragma: no cover - depends on how pytest was started
    from factories import sample_programme


def completed(programme: Programme) -> Programme:
    """The programme with tiltak funding filled in the way `load_programme` fills it."""
    measures = []
    for m in programme.measures:
        own, other = m.programme_funding, m.other_funding
        if own is None and other is None:
            own, other = m.budget, Decimal(0)
        elif own is None:
            own = m.budget - (other or 0)
        elif other is None:
            other = m.budget - own
        measures.append(m.model_copy(update={"programme_funding": own, "other_funding": other}))
    return programme.model_copy(update={"measures": measures})


@pytest.fixture(params=["bokmål", "nynorsk"])
def sample(request: pytest.FixtureRequest) -> Programme:
    """The shared sample programme in both målformer, funding completed."""
    return completed(sample_programme(request.param))
