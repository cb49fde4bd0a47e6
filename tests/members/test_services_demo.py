"""The demo's services as the seed documents describe them: the 1098 helpline, Ynam's hotline, Enme's shelter."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils.html import escape

from members.models import Service
from tests.html import elements

from ..factories import make_membership, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


def service(acronym, kind):
    return Service.objects.get(organization__acronym=acronym, kind=kind)


def test_the_1098_helpline_is_toll_free_round_the_clock_in_urdu_and_english(seeded):
    helpline = service("LHRLA", "hotline")
    assert (helpline.phone, helpline.toll_free, helpline.sms, helpline.open_24_7) == ("1098", True, "1098", True)
    assert helpline.spoken_languages[:2] == ["ur", "en"]


def test_ynams_hotline_has_hours_and_speaks_turkmen_and_russian(seeded):
    hotline = service("Ynam", "hotline")
    assert hotline.toll_free and not hotline.open_24_7
    assert hotline.opening_hours["0"] == "09:00-18:00"
    assert set(hotline.spoken_languages) >= {"tk", "ru"}


def test_enmes_shelter_shows_its_city_to_all_and_its_address_to_members_only(seeded, client):
    shelter = service("Enme", "shelter")
    assert shelter.city == "Ashgabat" and shelter.address.startswith("Demo placeholder")
    assert {"women", "children"} <= set(shelter.served_populations)
    address = escape(shelter.address)
    public = client.get("/members/org/enme/").content.decode()
    assert "Ashgabat" in public and address not in public
    member = make_user("demo.member@example.org")
    make_membership(member, shelter.organization)
    client.force_login(member)
    assert address in client.get("/members/org/enme/").content.decode()


def test_one_service_is_for_members_only_and_hidden_from_the_public(seeded, client):
    hidden = Service.objects.get(members_only=True)
    page = client.get(hidden.organization.get_absolute_url()).content.decode()
    assert escape(hidden.name) not in page and hidden.whatsapp not in page


def test_services_were_verified_by_organizations_by_the_secretariat_and_one_is_stale(seeded, client):
    verified = Service.objects.exclude(verified_at=None)
    assert set(verified.values_list("verified_as", flat=True)) == {"organization", "secretariat"}
    stale = [s for s in verified if s.is_stale]
    assert len(stale) == 1
    item = [text for text in elements(client.get(stale[0].organization.get_absolute_url()).content.decode(), tag="li",
                                      css_class="service") if text.startswith(stale[0].name)][0]
    assert "May be out of date" in item


def test_every_service_has_its_languages_as_codes(seeded):
    for demo_service in Service.objects.all():
        assert re.fullmatch(r"(,[a-z]{2,3})+,", demo_service.languages), demo_service


def test_running_it_twice_changes_no_service(seeded, settings):
    before = list(Service.objects.order_by("pk").values_list("pk", "name", "phone", "languages", "opening_hours",
                                                               "members_only", "verified_as"))
    call_command("seed_demo", stdout=io.StringIO())
    after = list(Service.objects.order_by("pk").values_list("pk", "name", "phone", "languages", "opening_hours",
                                                              "members_only", "verified_as"))
    assert after == before


def test_no_channel_holds_a_real_number_from_the_seed_documents(seeded):
    from .test_seed_demo import _seed_document_contacts

    emails, phones = _seed_document_contacts()
    if not phones:
        pytest.skip("the seed documents are not next to the repository")
    for demo_service in Service.objects.all():
        for name, value in demo_service.channels:
            digits = re.sub(r"\D", "", value)
            assert not any(real[-9:] in digits for real in phones if digits), (demo_service, name)
            assert value.lower() not in emails
