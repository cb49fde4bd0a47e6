"""Fixtures of the country review tests: a published Tajik review, a Tajik draft, a Pakistani draft."""

import pytest

from countryreviews.models import ReviewRevision

from .factories import make_revision

PUBLISHED = ReviewRevision.Status.PUBLISHED


@pytest.fixture
def published(db):
    """Tajikistan 2017, revision 1, published, with statistics."""
    return make_revision(
        "TJ",
        2017,
        PUBLISHED,
        summary="Tajikistan passed a counter-trafficking law in 2004.",
        law_name="Counter-trafficking law",
        law_year_adopted=2004,
        law_year_amended=2014,
        statistics=[("victims_identified", 2017, 64, True), ("prosecutions", 2017, 31), ("convictions", 2017, 26)],
    )


@pytest.fixture
def draft(db):
    """Tajikistan 2018, revision 1, an open draft."""
    return make_revision("TJ", 2018, summary="Draft text of the 2018 review.")


@pytest.fixture
def pk_draft(db):
    return make_revision("PK", 2018, summary="Pakistani draft text.")


def edit_data(response, **overrides) -> dict:
    """The POST data the rendered edit form would send unchanged, with overrides."""
    data = {}
    form = response.context["form"]
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    formset = response.context["statistics"]
    for key, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{key}"] = value
    for stat_form in formset.forms:
        for name in stat_form.fields:
            value = stat_form[name].value()
            if name in ("illustrative", "DELETE"):
                if value:
                    data[stat_form.add_prefix(name)] = "on"
                continue
            data[stat_form.add_prefix(name)] = "" if value is None else value
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
