"""Country reviews and the regional overview read the legislation register as of their year (issue 17)."""

import csv
import io

import pytest

from countryreviews.models import ReviewRevision
from tests.factories import make_law

from .conftest import edit_data
from .factories import make_overview, make_revision

PUBLISHED = ReviewRevision.Status.PUBLISHED


@pytest.fixture
def tajik_laws(db):
    new = make_law("TJ", 2014, title_en="Comprehensive TIP law", amendments=[2016, 2019])
    old = make_law("TJ", 2004, title_en="Counter-trafficking law of 2004", replaced_by=new, year_until=2014)
    return new, old


def test_the_review_page_shows_the_register_as_of_the_review_year(client, published, tajik_laws):
    new, old = tajik_laws
    page = client.get("/reviews/tj/2017/").content.decode()
    assert "Legal framework in the register (as of 2017)" in page
    assert new.get_absolute_url() in page and "Comprehensive TIP law" in page
    assert "amended 2016" in page
    assert "2019" not in page  # a later amendment is not part of the 2017 framework
    assert old.get_absolute_url() not in page  # replaced before 2017
    # The register comes before the review's own text on the legal framework.
    assert page.index("Legal framework in the register") < page.index('id="sec-legal"')
    # The fields an old revision typed in are not shown when the register has the country's laws.
    assert "Counter-trafficking law · adopted 2004" not in page


def test_an_old_revision_shows_its_typed_law_when_the_register_has_nothing(client, published):
    page = client.get("/reviews/tj/2017/").content.decode()
    assert "Legal framework in the register" not in page
    assert "Counter-trafficking law · adopted 2004 · amended 2014" in page


def test_a_review_before_the_register_entries_shows_the_old_law(client, db, tajik_laws):
    make_revision("TJ", 2010, PUBLISHED, summary="2010 review.")
    page = client.get("/reviews/tj/2010/").content.decode()
    assert "Legal framework in the register (as of 2010)" in page
    assert "Counter-trafficking law of 2004" in page and "Comprehensive TIP law" not in page


def test_the_edit_form_no_longer_asks_for_the_law_and_shows_the_register(client_as, draft, tajik_laws):
    client = client_as("member")
    response = client.get("/reviews/tj/2018/edit/")
    form = response.context["form"]
    assert not {"law_name", "law_year_adopted", "law_year_amended"} & set(form.fields)
    page = response.content.decode()
    assert "Legal framework in the register (as of 2018)" in page
    assert "Comprehensive TIP law" in page and "/laws/?country=tj" in page
    # Saving leaves an old revision's typed law as it was.
    draft.law_name, draft.law_year_adopted = "Typed law", 2004
    draft.save()
    data = edit_data(client.get("/reviews/tj/2018/edit/"), summary_en="Changed.", law_year_adopted="1900")
    assert client.post("/reviews/tj/2018/edit/", data).status_code == 302
    draft.refresh_from_db()
    assert (draft.summary_en, draft.law_name, draft.law_year_adopted) == ("Changed.", "Typed law", 2004)


def test_the_overview_reads_the_register_as_of_its_year_and_falls_back_to_old_revisions(client, published, db):
    make_law("TM", 2007, title_en="Turkmen TIP law", amendments=[2017, 2019])
    turkmen = make_revision("TM", 2017, PUBLISHED, law_name="Typed Turkmen law", law_year_adopted=2006)
    make_overview(2017, [published, turkmen], published=True)
    page = client.get("/reviews/overview/").content.decode()
    assert "Turkmen TIP law (adopted 2007; amended 2017)" in page
    assert "Typed Turkmen law" not in page
    assert "Counter-trafficking law (adopted 2004; amended 2014)" in page  # Tajikistan: nothing registered
    text = client.get("/reviews/overview/2017/comparison.csv").content.decode("utf-8").lstrip("\ufeff")
    rows = {row["ISO code"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (rows["TM"]["Anti-trafficking law"], rows["TM"]["Law adopted"], rows["TM"]["Law amended"]) == (
        "Turkmen TIP law", "2007", "2017"
    )
    assert (rows["TJ"]["Anti-trafficking law"], rows["TJ"]["Law adopted"], rows["TJ"]["Law amended"]) == (
        "Counter-trafficking law", "2004", "2014"
    )


def test_action_plans_are_not_the_anti_trafficking_law(client, published):
    make_law("TJ", 2015, title_en="National action plan 2015", kind="action_plan")
    make_overview(2017, [published], published=True)
    page = client.get("/reviews/overview/").content.decode()
    assert "National action plan 2015 (adopted" not in page
    assert "Counter-trafficking law (adopted 2004; amended 2014)" in page
