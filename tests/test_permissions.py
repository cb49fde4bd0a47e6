"""The one permissions table: (role, method, URL name, arguments) → the status the portal answers today.

Every URL name of the portal's own apps is here, for every role of tests/conftest.py, with GET and
POST. The rules (DESIGN.md, "Who uses it"): what a role may not see is a 404, what it may see but not
change is a 403; login-only pages send the anonymous visitor to log in (LOGIN below); POST-only views
answer GET with 405; an empty or invalid form comes back with 400; a valid action redirects (302).

The roles are those of tests/conftest.py; "stakeholder" is staff of a Tajik organization that is a
stakeholder, not a member, of the network: it must see what the public sees. The world is built once
for the module (`world`); a case asks every role in turn, each request in a savepoint of its own, so a
POST that changes something (publishing, removing staff, approving an application) is rolled back
before the next request.

`test_every_url_name_is_in_the_table` walks the URL resolver and fails naming any URL of our apps
that has no GET and POST row here; `test_every_url_resolves_to_its_own_view` fails if a pattern
shadows another (e.g. a forum slug taking "follow-up").
"""

import datetime
import logging
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from countryreviews.models import ReviewRevision
from forums.models import Forum, ForumDocument
from members.models import (
    AnnouncementComment,
    Audience,
    ContactMessage,
    Invitation,
    Membership,
    Organization,
    PublicStatus,
    Topic,
)
from members.tokens import make_unsubscribe_token

from .conftest import ROLES, make_role_users
from .countryreviews.factories import make_overview, make_revision
from .factories import make_announcement, make_organization, make_resource, record_fresh_login
from .forums.factories import make_action_item, make_forum, make_participant, pdf_bytes
from .members.factories import make_application
from .permissions_table import CASES, LOGIN, TABLE, Url

# --- the world, built once for the module ----------------------------------------------------------------


def _build_world(media_root) -> dict:
    organization = make_organization("TJ", name="Madina Test NGO", acronym="MTN", slug="madina-test")
    other_organization = make_organization("PK", name="Other Pakistani NGO", acronym="OPN", slug="other-pk")
    seat_organization = make_organization("TJ", name="Seat Holder NGO", acronym="SHN", slug="seat-holder")
    stakeholder_organization = make_organization(
        "TJ", name="Tajik Anti-Trafficking Commission", acronym="TATC", slug="tj-commission",
        membership_status=Organization.MembershipStatus.STAKEHOLDER,
    )
    users = make_role_users(organization, other_organization, seat_organization, stakeholder_organization)
    make_organization("TJ", name="Applicant NGO", slug="applicant", membership_status=Organization.MembershipStatus.APPLICANT)
    make_organization("TJ", name="Former NGO", slug="former", membership_status=Organization.MembershipStatus.FORMER)

    forum = make_forum("dushanbe-test", start=datetime.date(2017, 6, 22), end=datetime.date(2017, 6, 23),
                       title="Dushanbe test forum")
    make_participant(forum, organization, name="Tajik Delegate")
    action_item = make_action_item(forum, organizations=[organization], countries=["TJ"], text="Form a national network",
                                   due_date=datetime.date(2018, 6, 30))
    make_forum("kabul-test", start=datetime.date(2018, 8, 27), country="AF", city="Kabul", title="Kabul test forum")
    with override_settings(MEDIA_ROOT=media_root):
        document = ForumDocument.objects.create(
            forum=forum, title="Outcome document", file=ContentFile(pdf_bytes(), name="outcome.pdf"),
            original_name="outcome.pdf", content_type="application/pdf", size=len(pdf_bytes()),
        )

    # What the network shares: posts by the Tajik member, for everyone (approved, waiting) or members only, and
    # the editor's hidden post; a library file of each kind; a message to the secretariat.
    member, editor = users["member"], users["editor"]
    make_announcement(member, organization, slug="public-news", title="Public news")
    members_news = make_announcement(member, organization, slug="members-news", audience=Audience.MEMBERS)
    make_announcement(member, organization, slug="pending-news", public_status=PublicStatus.PENDING)
    hidden = make_announcement(editor, organization, slug="hidden-news")
    hidden.hide(users["coordinator"], "A reason.")
    hidden.save()
    comment = AnnouncementComment.objects.create(announcement=members_news, author=member, body="A comment.")
    other_comment = AnnouncementComment.objects.create(
        announcement=members_news, author=users["other_editor"], body="Another comment."
    )
    with override_settings(MEDIA_ROOT=media_root):
        def resource(slug, **extra):
            return make_resource(
                member, organization, slug=slug, link="", file=ContentFile(pdf_bytes(), name=f"{slug}.pdf"),
                original_name=f"{slug}.pdf", content_type="application/pdf", size=len(pdf_bytes()), **extra
            )

        resource("public-resource")
        resource("members-resource", audience=Audience.MEMBERS)
        resource("pending-resource", public_status=PublicStatus.PENDING)
        hidden_resource = resource("hidden-resource")
    hidden_resource.hide(users["coordinator"], "A reason.")
    hidden_resource.save()
    contact_message = ContactMessage.objects.create(
        name="Visitor", email="visitor@example.org", subject="A question", message="Hello."
    )

    # A verified directory for help across borders (issue 16): each block is one part's objects; ids go in `world_ids`.
    world_ids = {}
    # [verification] (issue 16)
    # [/verification]
    # [services] (issue 16)
    world_ids["@service"] = organization.services.create(kind="hotline", name="Madina hotline", phone="1190").pk
    world_ids["@other_service"] = other_organization.services.create(kind="shelter", name="Other shelter").pk
    world_ids["@members_only_service"] = organization.services.create(
        kind="shelter", name="Madina safe house", members_only=True, address="Placeholder street"
    ).pk
    # [/services]
    # [help] (issue 16)
    # [/help]
    # [referrals] (issue 16)
    from members.models import ReferralRequest

    def referral(**extra):
        return ReferralRequest.objects.create(
            from_organization=organization, to_organization=other_organization, help_needed=",shelter,",
            case_reference="MTN-1", created_by=member, **extra
        )

    world_ids["@referral"] = referral().pk  # madina-test (TJ) asks other-pk (PK), waiting for an answer
    world_ids["@accepted_referral"] = referral(status=ReferralRequest.Status.ACCEPTED).pk
    # [/referrals]
    # [map] (issue 16)
    # [/map]
    # [opendata] (issue 16)
    from members.hsds import uid

    world_ids["@opendata_organization"] = uid("organization", organization.pk)
    world_ids["@opendata_applicant"] = uid("organization", Organization.objects.get(slug="applicant").pk)
    world_ids["@opendata_service"] = uid("service", organization.services.create(kind="hotline", name="Open hotline").pk)
    world_ids["@opendata_members_only_service"] = uid(
        "service", organization.services.create(kind="shelter", name="Members' shelter", members_only=True).pk
    )
    # [/opendata]
    # Laws, agreements, annual report, safer reviews (issue 17): each block is one part's objects.
    # [laws] (issue 17)
    from tests.factories import make_law

    tj_law = make_law("TJ", 2004, slug="world-tj-law", amendments=[2014])
    world_ids["@law"] = tj_law.slug
    world_ids["@law_amendment"] = tj_law.amendments.get().pk
    pk_law = make_law("PK", 2016, slug="world-pk-law", amendments=[2018])
    world_ids["@pk_law"] = pk_law.slug
    world_ids["@pk_law_amendment"] = pk_law.amendments.get().pk
    # [/laws]
    # [agreements] (issue 17)
    from members.models import Agreement

    for slug, code in (("tj-agreement", "TJ"), ("af-agreement", "AF")):
        agreement = Agreement.objects.create(title=f"Agreement of {code}", slug=slug)
        agreement.countries.add(code)
        agreement.record_status(Agreement.Status.PROPOSED, datetime.date(2017, 6, 22))
    # [/agreements]
    # [reports] (issue 17)
    from network_portal.annual_report import snapshot_of
    from network_portal.models import AnnualReport

    published_report = AnnualReport.objects.create(year=2017, title_en="Annual report 2017")
    AnnualReport.objects.filter(pk=published_report.pk).update(
        status=AnnualReport.Status.PUBLISHED, published_at=datetime.datetime(2018, 1, 31, tzinfo=datetime.UTC),
        snapshot=snapshot_of(published_report),
    )
    AnnualReport.objects.create(year=2018)
    # [/reports]
    # [publishing] (issue 17)
    # [/publishing]
    # [suppression] (issue 17)
    # [/suppression]
    # [import] (issue 17)
    # [/import]
    # [recent] (issue 17)
    # [/recent]
    # Strategy, action plan and budget (issue 18): the shared strategies, then one block per part.
    # [strategy] (issue 18)
    from strategy.models import Strategy
    from tests.strategy.factories import adopt, first_objective, make_activity, make_budget_line, make_strategy

    # 2014–2018, superseded (read-only); 2019–2023, adopted at the Kabul test forum (in force); 2024–2028, a draft.
    old = adopt(make_strategy(2014, 2018, title="Old strategy"), forum)
    Strategy.objects.filter(pk=old.pk).update(status=Strategy.Status.SUPERSEDED)
    adopted = make_strategy(2019, 2023, title="Strategy in force")
    draft = make_strategy(2024, 2028, title="Draft strategy")
    for name, strategy in (("old", old), ("adopted", adopted), ("draft", draft)):
        objective = first_objective(strategy)
        year = strategy.start_year
        public = make_activity(objective, countries=["TJ"], organizations=[organization], budget_public=True,
                               start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))
        private = make_activity(objective, countries=["PK"], start=datetime.date(year, 1, 1),
                                end=datetime.date(year, 12, 31))
        world_ids[f"@strategy_{name}"] = strategy.pk
        world_ids[f"@{name}_goal"] = objective.goal.pk
        world_ids[f"@{name}_objective"] = objective.pk
        world_ids[f"@{name}_indicator"] = objective.indicators.get().pk
        world_ids[f"@{name}_activity"] = public.pk  # its budget is public (in an adopted strategy)
        world_ids[f"@{name}_private_activity"] = private.pk
        world_ids[f"@{name}_line"] = make_budget_line(public, 1000, year=year).pk
        world_ids[f"@{name}_private_line"] = make_budget_line(private, 500, "EUR", year=year).pk
    adopt(adopted, Forum.objects.get(slug="kabul-test"))
    # [/strategy]
    # [structure] (issue 18)
    # [/structure]
    # [plan] (issue 18)
    from strategy.models import ActivityUpdate, ObjectiveActionItem

    # The Dushanbe test forum's action item serves the strategy in force; its public activity has a progress note.
    ObjectiveActionItem.objects.create(objective_id=world_ids["@adopted_objective"], action_item=action_item)
    ActivityUpdate.objects.create(activity_id=world_ids["@adopted_activity"], date=datetime.date(2019, 6, 1),
                                  text="Training held.", author=users["steering"])
    # [/plan]
    # [budget] (issue 18)
    # [/budget]
    # [progress] (issue 18)
    # [/progress]

    published = make_revision("TJ", 2017, ReviewRevision.Status.PUBLISHED, summary="Tajik published summary.")
    make_revision("TJ", 2018, summary="Tajik draft summary.")
    make_revision("PK", 2018, summary="Pakistani draft summary.")
    # Pakistan 2017 r1 was pinned in the published 2017 edition and withdrawn since: its text can be redacted there.
    withdrawn = make_revision("PK", 2017, ReviewRevision.Status.WITHDRAWN, summary="Pakistani withdrawn summary.")
    make_overview(2017, [published, withdrawn], published=True)
    make_overview(2018)

    invitation, token = Invitation.issue(organization, "invitee@example.org", Membership.Role.MEMBER,
                                         invited_by=users["editor"])
    sessions = {}
    for role, user in users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            record_fresh_login(client, user)
            sessions[role] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {
        "users": users,
        "sessions": sessions,
        "@application": make_application().pk,
        "@member_membership": Membership.objects.get(user=users["member"], organization=organization).pk,
        "@other_membership": Membership.objects.get(user=users["other_editor"]).pk,
        "@invitation": invitation.pk,
        "@invitation_token": token,
        "@unsubscribe_token": make_unsubscribe_token(users["member"].pk, Topic.FORUMS),
        "@action_item": action_item.pk,
        "@document": document.pk,
        "@comment": comment.pk,
        "@other_comment": other_comment.pk,
        "@contact_message": contact_message.pk,
        **world_ids,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Everything the table asks about, in a transaction of its own that is rolled back after the module."""
    media_root = tmp_path_factory.mktemp("permissions-media")
    with django_db_blocker.unblock():
        with transaction.atomic():
            world = _build_world(media_root)
            world["media_root"] = media_root
            yield world
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _world_settings(settings, world):
    """The world's files, and a fresh local cache so that rate limits never carry over from case to case.

    The table asks for hundreds of 403s and 404s on purpose: django.request's warnings about them (each with
    a formatted traceback) only cost time here; errors (500) are still logged.
    """
    settings.MEDIA_ROOT = world["media_root"]
    # The sessions are logged in once for the whole table: the admin must not ask them for the password again
    # minutes later (tests/members/test_second_factor.py tests that it does).
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 24 * 60 * 60
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "perm-table"}}
    cache.clear()
    request_logger = logging.getLogger("django.request")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    yield
    request_logger.setLevel(level)


def _path(world, entry: Url) -> str:
    args = [world[a] if isinstance(a, str) and a.startswith("@") else a for a in entry.args]
    return reverse(entry.name, args=args) + entry.query


def _answer(world, role: str, method: str, path: str, data: dict):
    """The status (LOGIN for the login redirect) that `role` gets; whatever the request changed is rolled back."""
    client = Client()
    if role in world["sessions"]:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = world["sessions"][role]
    with transaction.atomic():
        response = client.get(path) if method == "GET" else client.post(path, data)
        transaction.set_rollback(True)
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("account_login")):
        return LOGIN if location == f"{reverse('account_login')}?next={quote(path)}" else f"302 to {location}"
    return response.status_code


@pytest.mark.parametrize(("entry", "method", "statuses"), CASES)
def test_permissions_table(db, world, entry, method, statuses):
    path = _path(world, entry)
    answers = tuple(_answer(world, role, method, path, entry.data) for role in ROLES)
    wrong = [
        f"{role}: expected {want}, got {got}"
        for role, want, got in zip(ROLES, statuses, answers, strict=True)
        if want != got
    ]
    assert not wrong, f"{method} {path}\n" + "\n".join(wrong)


RTL = {"fa", "ps", "ur"}


@pytest.mark.parametrize("language", [code for code, _name in django_settings.ALL_LANGUAGES])
def test_every_page_renders_in_every_language_with_its_lang_and_dir(db, world, language):
    """Every HTML page the table opens for the public or a member, in each of the eight languages."""
    wrong = []
    for entry in TABLE:
        path = _path(world, entry)
        for role, index in (("anonymous", 0), ("member", 1)):
            if entry.get is None or entry.get[index] != 200 or entry.name.startswith(("feeds:", "admin:")):
                continue
            client = Client()
            client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
            if role in world["sessions"]:
                client.cookies[django_settings.SESSION_COOKIE_NAME] = world["sessions"][role]
            response = client.get(path)
            if not response["Content-Type"].startswith("text/html"):
                continue
            direction = "rtl" if language in RTL else "ltr"
            if response.status_code != 200 or f'<html lang="{language}" dir="{direction}">' not in response.content.decode():
                wrong.append(f"{role} {path}: {response.status_code}")
    assert not wrong, f"{language}: " + ", ".join(wrong)


def test_the_roles_are_who_the_table_thinks(db, world):
    """A guard for the table itself: the sessions belong to the users of their roles."""
    from django.contrib.sessions.models import Session

    for role, key in world["sessions"].items():
        assert Session.objects.get(session_key=key).get_decoded()[SESSION_KEY] == str(world["users"][role].pk)


# --- every URL is in the table, and every URL reaches its own view -------------------------------------------

# What the walk leaves out, because these URLs are not ours: the Django admin (admin:*), django-allauth
# (account_*, socialaccount_*, mfa_*, …: they live in allauth.* modules), Django's `set_language`
# (django.views.i18n) and, with DEBUG, the media files (django.views.static). The table still keeps
# rows for /admin/ and /accounts/login/.
FOREIGN_MODULES = ("allauth.", "django.")
FOREIGN_NAMESPACES = {"admin"}


def _our_url_names(patterns=None, namespace=""):
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in FOREIGN_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _our_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            module = getattr(pattern.callback, "__module__", "") or ""
            if pattern.name and not module.startswith(FOREIGN_MODULES):
                names.add(f"{namespace}{pattern.name}")
            elif not pattern.name and not module.startswith(FOREIGN_MODULES):
                names.add(f"{namespace}<unnamed {pattern.pattern}>")
    return names


def test_every_url_name_is_in_the_table():
    names = _our_url_names()
    assert {"home", "healthz", "members:directory", "forums:list", "countryreviews:list", "feeds:reviews"} <= names
    without_get = sorted(names - {entry.name for entry in TABLE if entry.get is not None})
    without_post = sorted(names - {entry.name for entry in TABLE if entry.post is not None})
    assert not without_get, f"URL names without a GET row in the permissions table: {without_get}"
    assert not without_post, f"URL names without a POST row in the permissions table: {without_post}"


def test_every_url_resolves_to_its_own_view(world):
    """reverse() only builds a path; resolving it back catches a pattern that shadows another."""
    for entry in TABLE:
        path = _path(world, entry).split("?")[0]
        assert resolve(path).view_name == entry.name, path


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/forums/follow-up/", "forums:follow-up"),
        ("/forums/new/", "forums:create"),
        ("/forums/calendar.ics", "forums:calendar"),
        ("/forums/kabul-2018/calendar.ics", "forums:forum-calendar"),
        ("/members/join/", "members:join"),
        ("/members/account/", "members:account"),
        ("/members/applications/", "members:applications"),
        ("/members/recent-changes/", "members:recent-changes"),
        ("/members/tj/", "members:country"),
        ("/reviews/write/", "countryreviews:go-edit"),
        ("/reviews/overview/", "countryreviews:overview"),
        ("/feeds/members/", "members:feed-new-members"),
        ("/feeds/members/rss/", "feeds:members-rss"),
    ],
)
def test_fixed_paths_are_never_taken_for_slugs_or_codes(path, name):
    assert resolve(path).view_name == name


def test_the_table_names_no_url_that_does_not_exist():
    ours = _our_url_names()
    unknown = sorted({e.name for e in TABLE if e.name not in ours and not e.name.startswith(("admin:", "account_"))})
    assert not unknown
