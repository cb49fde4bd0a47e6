"""The steering committee page and its one-current-seat-per-country rule."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from members.models import SteeringCommitteeSeat

from ..conftest import ROLES
from ..factories import make_organization, make_person, make_seat
from .conftest import bulk_organizations

URL = reverse("members:steering-committee")


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_current_seats(client_as, role, users):
    response = client_as(role).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Seat Representative" in html
    assert "Seat Holder NGO" in html
    assert '<a href="/members/tj/">Tajikistan</a>' in html  # the seat's row (the name alone is in every page's footer)
    assert "22 Jun 2017" in html


def test_an_empty_committee_says_so(client, db):
    html = client.get(URL).content.decode()
    assert "No seats are currently filled." in html
    assert "No past terms yet" in html


def test_two_current_seats_for_one_country_are_refused_by_the_database(users, organization):
    person = make_person(organization, name="Second Claimant")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_seat(organization, person, start=datetime.date(2018, 1, 1))
    assert SteeringCommitteeSeat.objects.current().filter(country_id="TJ").count() == 1


def test_current_seats_of_different_countries_coexist(users, other_organization):
    make_seat(other_organization, make_person(other_organization, name="PK Rep"))
    assert SteeringCommitteeSeat.objects.current().count() == 2


def test_a_past_seat_and_a_current_one_are_both_shown(client, users, organization):
    former = make_person(organization, name="Former Representative", contact_visibility="public")
    make_seat(organization, former, start=datetime.date(2015, 3, 1), end=datetime.date(2017, 6, 21))
    assert SteeringCommitteeSeat.objects.filter(country_id="TJ").count() == 2
    html = client.get(URL).content.decode()
    current, _, past = html.partition("Past terms")
    assert "Seat Representative" in current
    assert "Former Representative" not in current
    assert "Former Representative" in past
    assert "1 Mar 2015 – 21 Jun 2017" in past
    assert "No past terms yet" not in html


def test_several_past_seats_for_one_country_are_allowed(users, organization):
    for year in (2010, 2012, 2014):
        person = make_person(organization, name=f"Rep {year}")
        make_seat(organization, person, start=datetime.date(year, 1, 1), end=datetime.date(year + 1, 12, 31))
    assert SteeringCommitteeSeat.objects.past().count() == 3


def test_a_seat_must_not_end_before_it_starts(users, organization):
    from django.core.exceptions import ValidationError

    seat = SteeringCommitteeSeat(
        country_id="TJ",
        organization=organization,
        representative=make_person(organization),
        term_start=datetime.date(2018, 1, 1),
        term_end=datetime.date(2017, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "term_end" in error.value.message_dict


def test_a_seat_organization_must_be_from_the_seat_country(users, other_organization):
    from django.core.exceptions import ValidationError

    seat = SteeringCommitteeSeat(
        country_id="AF",
        organization=other_organization,
        representative=make_person(other_organization),
        term_start=datetime.date(2018, 1, 1),
        term_end=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "organization" in error.value.message_dict


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_the_committee_page_runs_a_fixed_number_of_queries(client_as, role, users, django_assert_max_num_queries):
    client = client_as(role)
    with django_assert_max_num_queries(12) as few:
        assert client.get(URL).status_code == 200
    for code in ["AF", "PK", "TM", "UZ"]:
        org = make_organization(code)
        make_seat(org, make_person(org))
        for year in (2010, 2012, 2014):
            make_seat(org, make_person(org), start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))
    bulk_organizations(20, prefix="Noise")
    with django_assert_max_num_queries(12) as many:
        assert client.get(URL).status_code == 200
    assert len(many) == len(few)


def test_current_seats_are_listed_in_country_order(client, users):
    for code in ["UZ", "AF"]:
        org = make_organization(code, name=f"{code} Seat NGO")
        make_seat(org, make_person(org, name=f"{code} Rep", contact_visibility="public"))
    html = client.get(URL).content.decode()
    assert html.index("AF Rep") < html.index("Seat Representative") < html.index("UZ Rep")
