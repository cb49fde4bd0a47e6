"""The coordinators' recent changes: edits of tracked records and the network's events (invitations, imports,
progress updates, application decisions, review steps), filtered by kind, country and dates, with readable names."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from countryreviews.models import ReviewChange
from forums.models import ActionItem, ParticipantImport
from members.models import Agreement, Country, Invitation, LegalAmendment, LegalInstrument, Membership, Person

from ..countryreviews.factories import make_revision
from ..factories import make_organization, make_service, make_user
from ..forums.factories import make_action_item, make_forum, make_update
from .factories import make_application

URL = reverse("members:recent-changes")
TJ_TIME = datetime.datetime(2018, 3, 10, 9, 0, tzinfo=datetime.UTC)


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def add_events(users, organization, other_organization, n=1, start=0):
    """`n` events of each kind: half in Tajikistan, half in Pakistan (by their organization, forum or review)."""
    coordinator = users["coordinator"]
    for i in range(start, start + n):
        org = organization if i % 2 == 0 else other_organization
        country = org.country_id
        invitation, _token = Invitation.issue(org, f"new{i}@example.org", Membership.Role.EDITOR, coordinator)
        invitee = make_user(f"new{i}@example.org", first_name="Farida", last_name=f"Rahimova {i}")
        invitation.accept(invitee)
        revoked, _token = Invitation.issue(org, f"gone{i}@example.org", Membership.Role.MEMBER, coordinator)
        revoked.revoked_at = timezone.now()
        revoked.save()
        make_application(name=f"Approved NGO {i}", country=Country.objects.get(code=country)).approve(by=coordinator)
        make_application(name=f"Declined NGO {i}", country=Country.objects.get(code=country)).decline(
            by=coordinator, reason="Not working against trafficking."
        )
        forum = make_forum(title=f"Forum in {country} {i}", country=country)
        ParticipantImport.objects.create(forum=forum, token=f"t{i}", imported_by=coordinator)
        item = make_action_item(forum, text=f"Open a hotline {i}")
        make_update(item, author=users["steering"], text="Hotline opened.", new_status=ActionItem.Status.DONE,
                    date=datetime.date(2018, 3, 1))
        revision = make_revision(country=country, year=2000 + i, status="published")
        ReviewChange.objects.create(revision=revision, action=ReviewChange.Action.PUBLISHED, user=users["steering"])
        ReviewChange.objects.create(revision=revision, action=ReviewChange.Action.WITHDRAWN, user=coordinator,
                                    comment="Figures to be checked.")


@pytest.fixture
def events(users, organization, other_organization):
    add_events(users, organization, other_organization)


def test_each_kind_of_event_appears_with_a_readable_label_and_a_link(client_as, events, organization):
    content = page(client_as("coordinator"))
    staff = reverse("members:staff", args=[organization.slug])
    assert f'<strong>Invitation sent</strong>: <bdi><a href="{staff}">Madina Test NGO (MTN)</a></bdi>' in content
    assert "<strong>Invitation accepted</strong>" in content
    assert "by Farida Rahimova 0 on" in content  # the invitee by name, never by e-mail
    assert "new0@example.org" not in content
    assert "<strong>Invitation revoked</strong>" in content
    assert "Role: Editor" in content
    assert "<strong>Application approved</strong>: <bdi><a href=\"/members/applications/" in content
    assert "Approved NGO 0" in content
    assert "<strong>Application declined</strong>" in content and "Not working against trafficking." in content
    forum = "/forums/forum-"
    assert f'<strong>Participants imported</strong>: <bdi><a href="{forum}' in content and "Forum in TJ 0</a>" in content
    assert "<strong>Progress update</strong>" in content and "Open a hotline 0</a>" in content
    assert "1 March 2018: status Done. Hotline opened." in content
    assert "by steering@example.org on" in content
    assert '<strong>Review published</strong>: <bdi><a href="/reviews/tj/2000/r1/">Tajikistan 2000, revision 1</a>' in content
    assert "<strong>Review withdrawn</strong>" in content and "Figures to be checked." in content


@pytest.mark.parametrize(
    "kind, shown, hidden",
    [
        ("invitations", "<strong>Invitation sent</strong>", "<strong>Review published</strong>"),
        ("applications", "<strong>Application declined</strong>", "<strong>Invitation sent</strong>"),
        ("imports", "<strong>Participants imported</strong>", "<strong>Progress update</strong>"),
        ("progress", "<strong>Progress update</strong>", "<strong>Participants imported</strong>"),
        ("reviews", "<strong>Review withdrawn</strong>", "<strong>Application approved</strong>"),
        ("forums.forum", "<strong>Forum</strong>:", "Review published"),
        ("members.organization", "<strong>Organization</strong>:", "<strong>Forum</strong>:"),
    ],
)
def test_the_kind_filter_shows_only_that_kind(client_as, events, kind, shown, hidden):
    content = page(client_as("coordinator"), kind=kind)
    assert shown in content
    assert hidden not in content


def test_an_unknown_kind_is_a_message_not_an_error(client_as, events):
    content = page(client_as("coordinator"), kind="members.user")
    assert "Select a valid choice" in content
    assert "Invitation sent" not in content


def test_the_country_filter_shows_what_belongs_to_the_country(client_as, events, organization):
    agreement = Agreement.objects.create(title="Tajik MOU", slug="tj-mou")
    agreement.countries.set(["TJ"])
    Agreement.objects.create(title="Regional MOU without parties", slug="no-country")
    make_service(organization, name="Dushanbe helpline")
    client = client_as("coordinator")
    content = page(client, country="tj")
    for tajik in ("Forum in TJ 0", "Tajikistan 2000", "Approved NGO 0", "Dushanbe helpline", "Tajik MOU",
                  "Madina Test NGO"):
        assert tajik in content
    for elsewhere in ("Other Pakistani NGO", "Regional MOU without parties"):
        assert elsewhere not in content
    assert "Regional MOU without parties" in page(client)  # records without a country: under all countries only


def test_the_country_filter_follows_a_forum_to_its_host_country(client_as, users, organization, other_organization):
    add_events(users, organization, other_organization, n=2)
    content = page(client_as("coordinator"), country="pk")
    assert "Forum in PK 1" in content and "Open a hotline 1" in content and "Pakistan 2001" in content
    assert "Forum in TJ 0" not in content and "Open a hotline 0" not in content and "Tajikistan 2000" not in content


def test_the_date_filter_keeps_the_days_chosen(client_as, users, organization):
    old = make_organization("TJ", name="Old NGO", slug="old-ngo")
    old.history.update(history_date=TJ_TIME)
    ReviewChange.objects.create(
        revision=make_revision(country="TJ", year=2017), action=ReviewChange.Action.PUBLISHED, at=TJ_TIME
    )
    client = client_as("coordinator")
    content = page(client, since="2018-03-10", until="2018-03-10")
    assert "Old NGO" in content and "Tajikistan 2017" in content
    assert "Madina Test NGO" not in content  # created today
    assert "Old NGO" not in page(client, since="2018-03-11")
    assert "Old NGO" not in page(client, until="2018-03-09")
    assert "Madina Test NGO" in page(client, since="2018-03-11")


@pytest.mark.parametrize(
    "params, message",
    [
        ({"since": "2018-03-12", "until": "2018-03-10"}, "The end date cannot be before the start date."),
        ({"since": "2018-13-45"}, "Enter a valid date."),
        ({"until": "yesterday"}, "Enter a valid date."),
        ({"country": "xx"}, "Select a valid choice"),
    ],
)
def test_bad_filters_show_a_message(client_as, events, params, message):
    content = page(client_as("coordinator"), **params)
    assert message in content
    assert "Correct the filter to see the changes." in content
    assert "Invitation sent" not in content


def test_names_are_readable(client_as, users, organization, other_organization, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    person = Person.objects.create(name="Gulnora Saidova", country=Country.objects.get(code="TJ"))
    person.organization = organization  # from no organization: simple-history writes "pk=None"
    person.save()
    person.organization = other_organization
    person.save()
    service = make_service(organization, name="Closed shelter")
    service.delete()
    organization.logo = SimpleUploadedFile("madina-logo.png", b"\x89PNG\r\n", content_type="image/png")
    organization.save()
    organization.logo = SimpleUploadedFile("new-logo.png", b"\x89PNG\r\n", content_type="image/png")
    organization.save()
    law = LegalInstrument.objects.create(country_id="TJ", title="Law on combating trafficking", slug="tj-law",
                                         year_adopted=2004)
    LegalAmendment.objects.create(instrument=law, year=2014)
    law.delete()
    user = make_user("named@example.org", first_name="Dilnoza", last_name="Umarova")
    Membership.objects.create(user=user, organization=organization)
    content = page(client_as("coordinator"))
    assert "pk=" not in content
    assert "Deleted " not in content
    assert "<strong>Organization</strong>: <del>—</del>" in content  # was in no organization
    assert "<del>Madina Test NGO (MTN)</del>" in content and "<span>Other Pakistani NGO (OPN)</span>" in content
    assert "Closed shelter (Hotline)</a>" in content  # a deleted object keeps its name
    assert "Law on combating trafficking (2004)" in content
    assert "<del>madina-logo.png</del>" in content and "new-logo.png" in content
    assert "logos/" not in content
    assert "Dilnoza Umarova – Madina Test NGO (MTN)" in content
    assert "named@example.org –" not in content


@pytest.mark.parametrize(
    "role, status",
    [("anonymous", 302), ("member", 403), ("editor", 403), ("other_editor", 403), ("stakeholder", 403),
     ("steering", 403), ("coordinator", 200)],
)
def test_only_coordinators_see_the_page(client_as, events, role, status):
    response = client_as(role).get(URL)
    assert response.status_code == status
    if status != 200:
        assert b"Invitation sent" not in response.content


def test_the_permissions_table_has_the_pages_rows():
    from tests.permissions_table import COORDINATOR, TABLE

    rows = [row for row in TABLE if row.name == "members:recent-changes"]
    assert {row.query for row in rows} >= {"", "?kind=invitations&country=tj&since=2018-01-01&until=2018-12-31"}
    assert all(row.get == COORDINATOR for row in rows)


@pytest.mark.parametrize("params", [{}, {"country": "tj", "since": "2000-01-01", "until": "2100-01-01"}, {"kind": "progress"}])
def test_the_page_runs_a_fixed_number_of_queries(
    client_as, users, organization, other_organization, django_assert_num_queries, params
):
    """Session, user, its roles, the countries, one query per tracked model and per kind of event, the badge."""
    client = client_as("coordinator")
    expected = {"": 24, "country": 22, "kind": 6}[next(iter(params), "")]
    add_events(users, organization, other_organization, n=1)
    with django_assert_num_queries(expected):
        page(client, **params)
    add_events(users, organization, other_organization, n=5, start=1)
    with django_assert_num_queries(expected):
        content = page(client, **params)
    assert "Open a hotline 4" in content


def test_the_page_says_when_older_entries_are_left_out(client_as, events, monkeypatch):
    from members import history

    monkeypatch.setattr(history, "RECENT_LIMIT", 3)
    content = page(client_as("coordinator"))
    assert content.count('<li class="border-bottom py-2">') == 3
    assert "Only the newest 3 are shown" in content
