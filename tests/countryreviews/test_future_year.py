"""A review, a statistic and an overview edition cover a year that has begun: never a future year."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from countryreviews.models import CountryReview, RegionalOverview, ReviewRevision, ReviewStatistic, max_year
from members.models import Country

from .conftest import edit_data

THIS_YEAR = datetime.date.today().year
NEXT_YEAR = THIS_YEAR + 1


def test_the_latest_year_is_the_current_one():
    assert max_year() == THIS_YEAR


def test_the_models_refuse_a_future_year(db, draft):
    country = Country.objects.get(code="UZ")
    with pytest.raises(ValidationError):
        CountryReview(country=country, year=NEXT_YEAR).full_clean()
    CountryReview(country=country, year=THIS_YEAR).full_clean()
    with pytest.raises(ValidationError):
        ReviewStatistic(revision=draft, indicator="prosecutions", year=NEXT_YEAR, value=1).full_clean()
    ReviewStatistic(revision=draft, indicator="prosecutions", year=THIS_YEAR, value=1).full_clean()
    with pytest.raises(ValidationError):
        RegionalOverview(year=NEXT_YEAR).full_clean()


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "steering", "coordinator"])
@pytest.mark.parametrize(
    ("path", "anonymous_status"),
    [
        (f"/reviews/tj/{NEXT_YEAR}/", 404),
        (f"/reviews/tj/{NEXT_YEAR}/edit/", 302),  # to the login page first
        (f"/reviews/write/?cc=tj&year={NEXT_YEAR}", 302),
    ],
)
def test_pages_of_a_future_year_are_not_found(client_as, draft, role, path, anonymous_status):
    response = client_as(role).get(path)
    assert response.status_code == (anonymous_status if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ["member", "editor", "steering", "coordinator"])
def test_no_review_of_a_future_year_can_be_started(client_as, draft, role):
    response = client_as(role).post(f"/reviews/tj/{NEXT_YEAR}/start/", {"start_from": "empty"})
    assert response.status_code == 404
    assert not CountryReview.objects.filter(year=NEXT_YEAR).exists()


def test_the_current_year_can_be_started(client_as, draft):
    response = client_as("editor").post(f"/reviews/tj/{THIS_YEAR}/start/", {"start_from": "empty"})
    assert response.status_code == 302
    assert ReviewRevision.objects.filter(review__year=THIS_YEAR).exists()


def test_the_list_page_picker_stops_at_the_current_year(client_as, draft):
    page = client_as("editor").get("/reviews/").content.decode()
    assert f"<option>{THIS_YEAR}</option>" in page
    assert f"<option selected>{THIS_YEAR - 1}</option>" in page
    assert f"<option>{NEXT_YEAR}</option>" not in page
    assert client_as("editor").get("/reviews/").context["year_choices"][0] == THIS_YEAR


@pytest.mark.parametrize(("year", "saved"), [(NEXT_YEAR, False), (THIS_YEAR, True)])
def test_a_statistic_of_a_future_year_is_refused_in_the_form(client_as, draft, year, saved):
    client = client_as("editor")
    data = edit_data(
        client.get("/reviews/tj/2018/edit/"),
        **{"stats-0-indicator": "prosecutions", "stats-0-value": "12", "stats-0-year": str(year)},
    )
    response = client.post("/reviews/tj/2018/edit/", data)
    assert draft.statistics.filter(year=year).exists() is saved
    if not saved:
        assert response.status_code == 400
        assert f"Enter a year between 2000 and {THIS_YEAR}." in response.content.decode()
