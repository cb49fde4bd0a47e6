"""Printable referral cards (/help/<cc>/card/): a country's hotlines and key services on one page, public only."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from members.models import Service

from ..conftest import ROLES
from ..factories import make_organization, make_service
from .test_help import names_in_order as in_order


def card(code="tj"):
    return reverse("members:help-card", args=[code])


@pytest.mark.parametrize("code", ["af", "pk", "tj", "tm", "uz", "TJ", "Af"])
def test_each_country_has_a_card(client, db, code):
    response = client.get(card(code))
    assert response.status_code == 200
    assert "No hotline is listed for this country." in response.content.decode()


@pytest.mark.parametrize("code", ["xx", "kz"])
def test_other_countries_have_none(client, db, code):
    assert client.get(card(code)).status_code == 404


def test_the_card_lists_the_countrys_hotlines_and_key_services_with_what_reaches_them(client, organization, other_organization):
    make_service(
        organization,
        name="Tajik Hotline",
        phone="+992 44 600 1190",
        toll_free=True,
        city="Dushanbe",
        open_24_7=True,
        languages=",tg,ru,fa,",
        sms="1190",
        address="12 Hidden Street",
    )
    make_service(
        organization,
        Service.Kind.SHELTER,
        name="Tajik Shelter",
        phone="+992 37 000 2222",
        city="Khujand",
        opening_hours={str(day): "09:00-18:00" for day in range(5)},
        address="7 Secret Lane",
    )
    make_service(organization, Service.Kind.VOCATIONAL, name="Tajik Sewing Course")
    make_service(other_organization, name="Pakistani Hotline")
    html = client.get(card()).content.decode()
    assert "Help in Tajikistan" in html
    assert in_order(html, "Tajik Shelter", "Tajik Hotline") == ["Tajik Hotline", "Tajik Shelter"]
    assert '<a class="help-phone" href="tel:+992446001190" dir="ltr">+992 44 600 1190</a>' in html
    assert "(toll-free)" in html
    assert 'SMS: <span dir="ltr">1190</span>' in html
    assert "Open 24 hours, 7 days a week" in html
    assert 'Monday–Friday <span dir="ltr">09:00-18:00</span>' in html
    assert "Languages: Tajik, Russian, Dari" in html
    assert "Madina Test NGO (MTN) · Dushanbe" in html and "Khujand" in html
    assert "Tajik Sewing Course" not in html and "Pakistani Hotline" not in html
    assert "12 Hidden Street" not in html and "7 Secret Lane" not in html


@pytest.mark.parametrize("role", ROLES)
def test_the_card_is_for_handing_out_so_it_holds_public_services_only(client_as, role, organization):
    make_service(organization, name="Public Line")
    make_service(organization, name="Members Duty Line", phone="+992 90 000 9999", members_only=True)
    html = client_as(role).get(card()).content.decode()
    assert "Public Line" in html
    assert "Members Duty Line" not in html and "+992 90 000 9999" not in html


def test_it_says_when_it_was_made_and_where_to_check_for_updates(client, db):
    html = client.get(card()).content.decode()
    assert f"Made on {date_format(timezone.localdate(), 'DATE_FORMAT')}." in html
    assert "Numbers change: check http://testserver/help/ for updates and more services." in html


def test_it_has_a_print_button_only_where_javascript_can_work_it(client, db):
    html = client.get(card()).content.decode()
    assert '<button type="button" class="btn btn-outline-primary no-print" data-print hidden>Print</button>' in html
    assert 'src="/static/js/help-card.js" defer' in html
    assert 'href="/static/css/help.css"' in html


def test_six_hotlines_and_eight_services_at_most_fit_the_page_the_first_of_each_kind_first(client, organization):
    for n in range(8):
        make_service(organization, name=f"Hotline {n}")
    for kind in (
        Service.Kind.SHELTER,
        Service.Kind.LEGAL_AID,
        Service.Kind.PSYCHOSOCIAL,
        Service.Kind.MEDICAL,
        Service.Kind.REPATRIATION,
    ):
        for n in range(3):
            make_service(organization, kind, name=f"{kind.label} {n}")
    response = client.get(card())
    assert [s.name for s in response.context["hotlines"]] == [f"Hotline {n}" for n in range(6)]
    assert [s.name for s in response.context["services"]] == [
        "Shelter 0",
        "Shelter 1",
        "Legal aid 0",
        "Legal aid 1",
        "Psychosocial support 0",
        "Psychosocial support 1",
        "Medical care 0",
        "Repatriation assistance 0",
    ]


def test_the_country_page_and_the_finder_link_to_the_card(client, organization):
    make_service(organization, name="Tajik Hotline")
    assert f'href="{card()}"' in client.get(reverse("members:country", args=["tj"])).content.decode()
    html = client.get(reverse("members:help") + "?country=tj&origin=af").content.decode()
    assert f'href="{card()}"' in html and f'href="{card("af")}"' in html


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_it_runs_a_fixed_number_of_queries(client_as, users, role, django_assert_max_num_queries):
    client = client_as(role)

    def queries():
        with django_assert_max_num_queries(30) as captured:
            assert client.get(card()).status_code == 200
        return len(captured)

    make_service(make_organization("TJ"), name="First Hotline")
    few = queries()
    for n in range(5):
        organization = make_organization("TJ")
        make_service(organization, name=f"Hotline {n}", languages=",fa,")
        make_service(organization, Service.Kind.SHELTER, name=f"Shelter {n}")
    assert queries() == few
    if role == "anonymous":
        assert few == 2  # the country and the services
