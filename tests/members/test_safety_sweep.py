"""Safety by design (issue 16): no public page, feed or export shows what is for the network only.

A world with, on top of the permissions table's (tests/test_permissions.py `_build_world`, so that every URL of
the table resolves): Afghanistan set to hide people's names, with a person of an Afghan member organization named
publicly by their own choice, who holds the Afghan steering committee seat, took part in forums, posted public
news and a public library resource, signed a progress update and published the Afghan review; a person of an
Afghan organization recorded in another country, and one of a Tajik organization recorded in Afghanistan;
members-only services, and public shelters with street addresses.

Then every page the public reaches (the table's rows that the anonymous visitor or the stakeholder may open, so
pages added later are swept too; every URL without arguments; the world's own pages, searches, the help finder,
the map and open data where they exist) is asked for by an anonymous visitor and by the stakeholder (an account
that is not a network member), in English and in Dari, and none of the secrets may appear in any form: as
written, HTML-escaped, JSON-escaped or in a link. A network member sees them all (so the sweep can fail).
"""

import html
import io
import json
import logging
import zipfile
from urllib.parse import quote, quote_plus

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from countryreviews.models import ReviewRevision
from forums.models import ActionItem, Forum
from members.models import Country, Membership, Organization, Person, Service

from ..countryreviews.factories import make_revision
from ..factories import (
    make_announcement,
    make_membership,
    make_organization,
    make_person,
    make_resource,
    make_seat,
    make_service,
    make_user,
)
from ..forums.factories import make_participant, make_update
from ..permissions_table import TABLE
from ..test_permissions import FOREIGN_MODULES, FOREIGN_NAMESPACES, _build_world, _path

NAME = "Zarlasht Secretname"  # public by her own choice, but Afghanistan hides names
ORG_PERSON = "Gulalai Orgsecret"  # recorded in Tajikistan, staff of an Afghan organization
COUNTRY_PERSON = "Wazhma Countrysecret"  # recorded in Afghanistan, staff of a Tajik organization
MEMBERS_ONLY = "Hidden Safehouse Service"
MEMBERS_ONLY_HOTLINE = "Hidden Helpline Service"
HOTLINE_PHONE = "+93 700 555 0199"
ADDRESS = "17 Secret Street"
ADDRESS_FA = "کوچهٔ پنهان، خانهٔ ۹"
UPDATE_TEXT = "Progress reported from Kabul."

# What must never reach the public; the tokens also catch a name cut in two or written the other way round.
SECRETS = [
    NAME, "Secretname", ORG_PERSON, "Orgsecret", COUNTRY_PERSON, "Countrysecret",
    MEMBERS_ONLY, MEMBERS_ONLY_HOTLINE, "Safehouse", "Hidden Helpline", HOTLINE_PHONE, "555 0199", "5550199",
    ADDRESS, "Secret Street", ADDRESS_FA, "کوچهٔ پنهان",
]  # fmt: skip


def _forms(secret: str) -> set[str]:
    """The ways a text can be written into a page, a feed or an export."""
    return {
        secret,
        html.escape(secret),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        quote(secret),
        quote_plus(secret),
    }


FORBIDDEN = {form.casefold(): secret for secret in SECRETS for form in _forms(secret)}


# --- the world, once for the module ----------------------------------------------------------------------


def _add_secrets(world) -> dict:
    Country.objects.filter(code="AF").update(hide_names_publicly=True)
    kabul = make_organization("AF", name="Kabul Safety NGO", acronym="KSN", slug="kabul-safety", city="Kabul")
    madina = Organization.objects.get(slug="madina-test")
    zarlasht = make_user("zarlasht@example.org", first_name="Zarlasht", last_name="Secretname")
    make_membership(zarlasht, kabul, Membership.Role.EDITOR)
    person = make_person(kabul, name=NAME, user=zarlasht, position="Director", contact_visibility=Person.Visibility.PUBLIC)
    make_seat(kabul, person)
    Person.objects.create(
        name=ORG_PERSON, organization=kabul, country_id="TJ", contact_visibility=Person.Visibility.PUBLIC
    )
    Person.objects.create(
        name=COUNTRY_PERSON, organization=madina, country_id="AF", contact_visibility=Person.Visibility.PUBLIC
    )

    for forum in Forum.objects.filter(slug__in=["dushanbe-test", "kabul-test"]):
        make_participant(forum, kabul, name=NAME, person=person)
    make_update(ActionItem.objects.get(pk=world["@action_item"]), author=zarlasht, text=UPDATE_TEXT)
    make_announcement(zarlasht, kabul, slug="kabul-news", title="News from Kabul", countries=["af"])
    make_resource(zarlasht, kabul, slug="kabul-report", title="Report from Kabul", link="https://example.org/report")
    revision = make_revision("AF", 2017, ReviewRevision.Status.PUBLISHED, summary="Afghan published summary.")
    revision.published_by = zarlasht
    revision.save()

    make_service(madina, Service.Kind.SHELTER, name=MEMBERS_ONLY, members_only=True, city="Dushanbe")
    make_service(kabul, Service.Kind.HOTLINE, name=MEMBERS_ONLY_HOTLINE, members_only=True, phone=HOTLINE_PHONE)
    make_service(madina, Service.Kind.SHELTER, name="Madina Shelter", city="Dushanbe", address=ADDRESS)
    make_service(kabul, Service.Kind.SHELTER, name="Kabul Shelter", city="Kabul", address=ADDRESS_FA)
    make_service(kabul, Service.Kind.HOTLINE, name="Kabul Hotline", phone="+93 700 111 2233")
    return {"@kabul": kabul.pk}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("safety-media")
    with django_db_blocker.unblock():
        with transaction.atomic():
            world = _build_world(media_root)
            world.update(_add_secrets(world))
            world["media_root"] = media_root
            yield world
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _world_settings(settings, world):
    settings.MEDIA_ROOT = world["media_root"]
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 24 * 60 * 60
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "safety"}}
    cache.clear()
    request_logger = logging.getLogger("django.request")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    yield
    request_logger.setLevel(level)


# --- what the public can reach ----------------------------------------------------------------------------


def _optional(name, *args, query=""):
    """The path of a URL that another part of the issue adds, or None while it does not exist."""
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def _paths_without_arguments(patterns=None, namespace="") -> set[str]:
    paths = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in FOREIGN_NAMESPACES:
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                paths |= _paths_without_arguments(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if not (getattr(pattern.callback, "__module__", "") or "").startswith(FOREIGN_MODULES):
                paths.add(_optional(f"{namespace}{pattern.name}"))
    return paths - {None}


def _world_paths(world) -> set[str]:
    kabul = Organization.objects.get(pk=world["@kabul"])
    paths = {
        *(reverse("members:country", args=[code]) for code in ("af", "pk", "tj", "tm", "uz")),
        reverse("members:organization", args=[kabul.slug]),
        reverse("members:organization", args=["madina-test"]),
        reverse("members:steering-committee"),
        reverse("members:directory") + "?country=af",
        reverse("members:directory") + "?service=shelter",
        # Searches that would find the secrets (the page repeats what was typed: never a whole secret here).
        reverse("members:directory") + "?q=Secretn",
        reverse("members:directory") + "?q=Safehou",
        reverse("members:directory") + "?q=Kabul",
        reverse("members:announcement", args=["kabul-news"]),
        reverse("members:news") + "?country=af",
        reverse("members:resource", args=["kabul-report"]),
        reverse("members:library") + "?q=Kabul",
        reverse("members:news") + "?q=Secretn",
        reverse("forums:detail", args=["kabul-test"]),
        reverse("forums:detail", args=["dushanbe-test"]),
        reverse("forums:forum-calendar", args=["kabul-test"]),
        reverse("forums:follow-up"),
        reverse("countryreviews:detail", args=["af", 2017]),
        reverse("countryreviews:revision", args=["af", 2017, 1]),
        # Pages of the other parts of issue 16, once they exist.
        _optional("members:help"),
        _optional("members:help", query="?country=af"),
        _optional("members:help", query="?country=tj&origin=af"),
        _optional("members:help", query="?country=af&kind=shelter&language=fa"),
        _optional("members:help", query="?country=tj&kind=shelter"),
        _optional("members:help-card", "af"),
        _optional("members:help-card", "tj"),
        _optional("members:map"),
        _optional("members:open-data"),
        _optional("members:open-data-download"),
        *(
            _optional(name, query=query)
            for name in ("members:hsds-organizations", "members:hsds-services")
            for query in ("", "?full=true", "?full_service=true&per_page=100", "?search=Kabul", "?search=Safehou")
        ),
        *_hsds_records(kabul, Service.objects.filter(Q(organization=kabul) | Q(name=MEMBERS_ONLY))),
    }
    return paths - {None}


def _hsds_records(organization, services) -> set[str | None]:
    """Open data's records of the Afghan organization and of every service of the world's, once they exist."""
    try:
        from members.hsds import uid
    except ImportError:
        return set()
    return {
        _optional("members:hsds-organization", uid("organization", organization.pk)),
        _optional("members:hsds-organization", uid("organization", organization.pk), query="?full_service=true"),
        *(_optional("members:hsds-service", uid("service", service.pk)) for service in services),
    }


def _public_paths(world) -> list[str]:
    from_table = {
        _path(world, entry)
        for entry in TABLE
        if entry.get is not None and 200 in (entry.get[0], entry.get[4])  # anonymous, stakeholder
    }
    return sorted(from_table | _paths_without_arguments() | _world_paths(world))


def _texts(response) -> list[str]:
    """What a response says, as text: a page, a feed, a calendar (lines unfolded), a CSV, each file of a zip."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return [text for name in archive.namelist() for text in (name, archive.read(name).decode("utf-8", "replace"))]
    text = content.decode("utf-8", "replace")
    return [text, text.replace("\r\n ", "").replace("\r\n\t", ""), response.get("Location", "")]


def _client(world, role, language) -> Client:
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    if role in world["sessions"]:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = world["sessions"][role]
    return client


def _leaks(texts) -> set[str]:
    return {
        secret
        for text in texts
        for folded in (text.casefold(),)
        for form, secret in FORBIDDEN.items()
        if form in folded
    }


# --- the sweep ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "languages"), [("anonymous", ("en", "fa")), ("stakeholder", ("en", "fa"))])
def test_no_public_page_feed_or_export_shows_what_is_for_the_network(db, world, role, languages):
    paths = _public_paths(world)
    assert len(paths) > 60  # the table, the feeds and the world's pages are all there
    found, opened, public = [], 0, 0
    for language in languages:
        client = _client(world, role, language)
        for path in paths:
            response = client.get(path)
            texts = _texts(response)
            opened += response.status_code == 200
            public += any("Kabul Hotline" in text for text in texts)
            found += [f"{language} {path} ({response.status_code}): {secret}" for secret in sorted(_leaks(texts))]
    assert opened > 100
    assert public >= 10  # the public hotline, next to the members-only one: the sweep reads what the pages show
    assert not found, "\n".join(found)


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_a_network_member_sees_the_names_and_the_members_only_services(db, world, role):
    """The other side of the sweep: the same pages show the network what the public does not see."""
    client = _client(world, role, "en")
    kabul = client.get(reverse("members:organization", args=["kabul-safety"])).content.decode()
    madina = client.get(reverse("members:organization", args=["madina-test"])).content.decode()
    assert NAME in kabul and ORG_PERSON in kabul and MEMBERS_ONLY_HOTLINE in kabul
    assert COUNTRY_PERSON in madina and MEMBERS_ONLY in madina
    assert ADDRESS in madina and html.escape(ADDRESS_FA) in kabul  # a street address: network members only
    assert NAME in client.get(reverse("members:steering-committee")).content.decode()
    assert NAME in client.get(reverse("members:country", args=["af"])).content.decode()
    assert NAME in client.get(reverse("forums:follow-up")).content.decode()
    assert NAME in client.get(reverse("forums:detail", args=["kabul-test"])).content.decode()  # participants
    assert NAME in client.get(reverse("countryreviews:detail", args=["af", 2017])).content.decode()


def test_the_public_sees_the_same_pages_without_the_secrets(db, world):
    """The pages the sweep reads do show the public what is public: the sweep is not reading empty pages."""
    client = _client(world, "anonymous", "en")
    kabul = client.get(reverse("members:organization", args=["kabul-safety"])).content.decode()
    assert "Kabul Safety NGO" in kabul and "Kabul Shelter" in kabul and "Kabul Hotline" in kabul
    assert "Names of people in this country are shown to network members only." in kabul
    assert "Madina Shelter" in client.get(reverse("members:organization", args=["madina-test"])).content.decode()
    steering = client.get(reverse("members:steering-committee")).content.decode()
    assert "Kabul Safety NGO" in steering and "Seat Representative" in steering  # Tajikistan hides no names
    assert UPDATE_TEXT in client.get(reverse("forums:follow-up")).content.decode()
    review = client.get(reverse("countryreviews:detail", args=["af", 2017]))
    assert review.status_code == 200 and "Afghan published summary." in review.content.decode()
    assert "News from Kabul" in client.get(reverse("members:feed-news")).content.decode()
    assert "Report from Kabul" in client.get(reverse("members:feed-library")).content.decode()
