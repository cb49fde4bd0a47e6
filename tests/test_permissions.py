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

import dataclasses
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
from forums.models import ForumDocument
from members.models import Invitation, Membership, Organization, Topic
from members.tokens import make_unsubscribe_token

from .conftest import ROLES, make_role_users
from .countryreviews.factories import make_overview, make_revision
from .factories import make_organization
from .forums.factories import make_action_item, make_forum, make_participant, pdf_bytes
from .members.factories import make_application

LOGIN = "login"  # 302 to /accounts/login/?next=<the page>

# One status per role, in the order of ROLES:
#        anonymous member editor other_editor stakeholder steering coordinator
PUBLIC = (200, 200, 200, 200, 200, 200, 200)
NOT_FOUND = (404, 404, 404, 404, 404, 404, 404)
LOGGED_IN = (LOGIN, 200, 200, 200, 200, 200, 200)
LOGGED_IN_404 = (LOGIN, 404, 404, 404, 404, 404, 404)
POST_ONLY = (LOGIN, 405, 405, 405, 405, 405, 405)  # login_required outside require_POST
COORDINATOR = (LOGIN, 403, 403, 403, 403, 403, 200)
COORDINATOR_POST_ONLY = (LOGIN, 403, 403, 403, 403, 403, 405)  # the permission is checked before the method
COORDINATOR_INVALID = (LOGIN, 403, 403, 403, 403, 403, 400)
COORDINATOR_DONE = (LOGIN, 403, 403, 403, 403, 403, 302)
COORDINATOR_SEES_APPLICANTS = (404, 404, 404, 404, 404, 404, 200)
LOGIN_COORDINATOR_SEES_APPLICANTS = (LOGIN, 404, 404, 404, 404, 404, 200)
ORGANIZATION_EDITORS = (LOGIN, 403, 200, 403, 403, 403, 200)  # editors of madina-test, coordinators
ORGANIZATION_EDITORS_INVALID = (LOGIN, 403, 400, 403, 403, 403, 400)
ORGANIZATION_EDITORS_DONE = (LOGIN, 403, 302, 403, 403, 403, 302)
REPRESENTATIVES = (LOGIN, 403, 403, 403, 403, 200, 200)  # any steering representative, coordinators
REPRESENTATIVES_INVALID = (LOGIN, 403, 403, 403, 403, 400, 400)
REPRESENTATIVES_DONE = (LOGIN, 403, 403, 403, 403, 302, 302)
DRAFT_READERS_TJ = (404, 200, 200, 404, 404, 200, 200)  # Tajik members, representatives, coordinators
DRAFT_READERS_PK = (404, 404, 404, 200, 404, 200, 200)
OVERVIEW_DRAFT_READERS = (404, 404, 404, 404, 404, 200, 200)
ADMIN = (302, 302, 302, 302, 302, 302, 200)  # everyone but coordinators to the admin's login page


@dataclasses.dataclass(frozen=True)
class Url:
    """A URL of the table and the status each role gets for GET and for POST (None: not asked)."""

    name: str
    args: tuple = ()
    get: tuple | None = None
    post: tuple | None = None
    query: str = ""
    data: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        for statuses in (self.get, self.post):
            assert statuses is None or len(statuses) == len(ROLES), (self.name, self.args)


def url(name, *args, get=None, post=None, query="", data=None):
    return Url(name, tuple(args), get, post, query, data or {})


# Arguments written "@name" are looked up in the world (primary keys and tokens made when it is built).
TABLE = [
    # The home page, the health check and the public feeds.
    url("home", get=PUBLIC, post=PUBLIC),
    url("healthz", get=PUBLIC, post=PUBLIC),
    url("feeds:reviews", get=PUBLIC, post=PUBLIC),
    url("feeds:reviews-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:overview", get=PUBLIC, post=PUBLIC),
    url("feeds:overview-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:forums", get=PUBLIC, post=PUBLIC),
    url("feeds:forums-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:members-rss", get=PUBLIC, post=PUBLIC),
    url("members:feed-new-members", get=PUBLIC, post=PUBLIC),
    # The Django admin and allauth's login page (not our URL names; kept because links point at them).
    url("admin:index", get=ADMIN, post=ADMIN),
    url("admin:members_organization_changelist", get=ADMIN),
    url("account_login", get=(200, 302, 302, 302, 302, 302, 302), post=(200, 302, 302, 302, 302, 302, 302)),
    # The directory, country pages, the steering committee.
    url("members:directory", get=PUBLIC, post=PUBLIC),
    url("members:directory", get=PUBLIC, query="?q=madina&country=tj&page=2"),
    # Every code of the network, in either case, has a page: tests/members/test_country.py.
    url("members:country", "tj", get=PUBLIC, post=PUBLIC),
    url("members:country", "af", get=PUBLIC),
    url("members:country", "xx", get=NOT_FOUND),
    url("members:steering-committee", get=PUBLIC, post=PUBLIC),
    # Organization profiles: members, former members and stakeholders are listed; applicants only for coordinators.
    url("members:organization", "madina-test", get=PUBLIC, post=PUBLIC),
    url("members:organization", "former", get=PUBLIC),
    url("members:organization", "tj-commission", get=PUBLIC),
    url("members:organization", "applicant", get=COORDINATOR_SEES_APPLICANTS),
    url("members:organization", "no-such-org", get=NOT_FOUND),
    url("members:organization-edit", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url("members:organization-edit", "other-pk", get=(LOGIN, 403, 403, 200, 403, 403, 200)),
    url("members:organization-edit", "seat-holder", get=(LOGIN, 403, 403, 403, 403, 200, 200)),
    url("members:organization-edit", "tj-commission", get=COORDINATOR),
    url("members:organization-edit", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:organization-edit", "no-such-org", get=LOGGED_IN_404),
    url("members:organization-history", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS),
    url("members:organization-history", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:recent-changes", get=COORDINATOR, post=COORDINATOR),
    # Staff of an organization: its editors and coordinators.
    url("members:staff", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS),
    url("members:staff", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:staff", "no-such-org", get=LOGGED_IN_404),
    url("members:staff-invite", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url(
        "members:staff-invite", "madina-test", post=ORGANIZATION_EDITORS_DONE,
        data={"email": "new.colleague@example.org", "role": "member"},
    ),
    url("members:staff-role", "madina-test", "@member_membership", get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE),
    url(
        "members:staff-role", "madina-test", "@member_membership", post=ORGANIZATION_EDITORS_DONE,
        data={"role": "editor"},
    ),
    # Someone else's membership through one's own organization's URL: not found.
    url("members:staff-role", "madina-test", "@other_membership", post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:staff-remove", "madina-test", "@member_membership", get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE),
    url("members:staff-remove", "madina-test", "@other_membership", post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:staff-remove", "madina-test", 999999, post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url(
        "members:staff-invitation-revoke", "madina-test", "@invitation",
        get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE,
    ),
    url("members:staff-invitation-revoke", "madina-test", 999999, post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    # Joining: the public form, the coordinators' review of applications, the invitation link.
    url("members:join", get=PUBLIC, post=(400, 400, 400, 400, 400, 400, 400)),
    url("members:join-thanks", get=PUBLIC, post=PUBLIC),
    url("members:applications", get=COORDINATOR, post=COORDINATOR),
    url("members:application", "@application", get=COORDINATOR, post=COORDINATOR),
    url("members:application", 999999, get=(LOGIN, 403, 403, 403, 403, 403, 404)),
    url("members:application-approve", "@application", get=COORDINATOR_POST_ONLY, post=COORDINATOR_DONE),
    url("members:application-approve", 999999, post=(LOGIN, 403, 403, 403, 403, 403, 404)),
    url("members:application-decline", "@application", get=COORDINATOR_POST_ONLY, post=COORDINATOR_INVALID),
    url(
        "members:application-decline", "@application", post=COORDINATOR_DONE,
        data={"reason": "Not working on trafficking."},
    ),
    # The invitation is addressed to someone without an account: they may sign up; every logged-in role
    # is someone else (403).
    url("members:invitation", "@invitation_token", get=(200, 403, 403, 403, 403, 403, 403),
        post=(400, 403, 403, 403, 403, 403, 403)),
    url("members:invitation", "no-such-token", get=NOT_FOUND, post=NOT_FOUND),
    # A user's own account.
    url("members:account", get=LOGGED_IN, post=(LOGIN, 400, 400, 400, 400, 400, 400)),
    url("members:notification-settings", get=LOGGED_IN, post=(LOGIN, 400, 400, 400, 400, 400, 400)),
    # The signed token is the credential (the member's, whoever follows the link).
    url("members:unsubscribe", "@unsubscribe_token", get=PUBLIC, post=PUBLIC),
    url("members:unsubscribe", "not-a-token", get=(400,) * 7, post=(400,) * 7),
    # Forum records are public; coordinators manage them.
    url("forums:list", get=PUBLIC, post=PUBLIC),
    url("forums:calendar", get=PUBLIC, post=PUBLIC),
    url("forums:follow-up", get=PUBLIC, post=PUBLIC),
    url("forums:detail", "dushanbe-test", get=PUBLIC, post=PUBLIC),
    url("forums:detail", "no-such-forum", get=NOT_FOUND),
    url("forums:forum-calendar", "dushanbe-test", get=PUBLIC, post=PUBLIC),
    url("forums:forum-calendar", "no-such-forum", get=NOT_FOUND),
    url("forums:create", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:edit", "dushanbe-test", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:edit", "no-such-forum", get=LOGGED_IN_404),
    url("forums:history", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:history", "no-such-forum", get=LOGGED_IN_404),
    url("forums:part-edit", "dushanbe-test", "sessions", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "dushanbe-test", "recommendations", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "dushanbe-test", "action-items", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "no-such-forum", "sessions", get=LOGGED_IN_404),
    url("forums:documents", "dushanbe-test", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:documents", "no-such-forum", get=LOGGED_IN_404),
    url("forums:document", "dushanbe-test", "@document", get=PUBLIC, post=PUBLIC),
    url("forums:document", "kabul-test", "@document", get=NOT_FOUND),  # a document of another forum
    url("forums:document", "dushanbe-test", 999999, get=NOT_FOUND),
    url("forums:document-delete", "dushanbe-test", "@document", get=POST_ONLY, post=COORDINATOR_DONE),
    url("forums:document-delete", "kabul-test", "@document", post=(LOGIN, 403, 403, 403, 403, 403, 404)),
    # An empty POST is read as no form at all (`request.POST or None`): the blank upload form again.
    url("forums:participants-import", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:participants-import", "no-such-forum", get=LOGGED_IN_404),
    url("forums:participants-export", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:participants-export", "no-such-forum", get=LOGGED_IN_404),
    # Progress updates on action items: steering committee representatives and coordinators.
    url("forums:action-item-update", "@action_item", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("forums:action-item-update", 999999, get=LOGGED_IN_404),
    # Country reviews. TJ 2017 r1 is published, TJ 2018 r1 and PK 2018 r1 are drafts.
    url("countryreviews:list", get=PUBLIC, post=PUBLIC),
    url("countryreviews:detail", "tj", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:detail", "TJ", 2017, get=PUBLIC),
    url("countryreviews:detail", "tj", 1999, get=NOT_FOUND),
    url("countryreviews:detail", "xx", 2017, get=NOT_FOUND),
    url("countryreviews:detail", "tj", 2018, get=DRAFT_READERS_TJ),
    url("countryreviews:detail", "pk", 2018, get=DRAFT_READERS_PK),
    url("countryreviews:revision", "tj", 2017, 1, get=PUBLIC, post=PUBLIC),
    url("countryreviews:revision", "tj", 2017, 9, get=NOT_FOUND),
    url("countryreviews:revision", "tj", 2018, 1, get=DRAFT_READERS_TJ),
    # Writing: members of the country (the Tajik representative is one), coordinators.
    url("countryreviews:edit", "tj", 2018, get=(LOGIN, 200, 200, 404, 404, 200, 200),
        post=(LOGIN, 400, 400, 404, 404, 400, 400)),
    url("countryreviews:edit", "tj", 2017, get=(LOGIN, 200, 200, 403, 403, 200, 200)),
    url("countryreviews:edit", "pk", 2018, get=(LOGIN, 404, 404, 200, 404, 403, 200)),
    url("countryreviews:edit", "uz", 2019, get=(LOGIN, 404, 404, 404, 404, 404, 200)),
    url("countryreviews:go-edit", get=(LOGIN, 302, 302, 302, 302, 302, 302), post=(LOGIN, 302, 302, 302, 302, 302, 302),
        query="?cc=tj&year=2018"),
    url("countryreviews:go-edit", get=LOGGED_IN_404),
    url("countryreviews:start", "tj", 2017, get=POST_ONLY, post=(LOGIN, 302, 302, 403, 403, 302, 302)),
    url("countryreviews:submit", "tj", 2018, 1, get=POST_ONLY, post=(LOGIN, 302, 302, 404, 404, 302, 302)),
    url("countryreviews:submit", "pk", 2018, 1, post=(LOGIN, 404, 404, 302, 404, 403, 302)),
    # Deciding: only the country's representative or a coordinator.
    url("countryreviews:publish", "tj", 2018, 1, get=POST_ONLY, post=(LOGIN, 403, 403, 404, 404, 302, 302)),
    url("countryreviews:publish", "tj", 2017, 1, post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    url("countryreviews:publish", "pk", 2018, 1, post=(LOGIN, 404, 404, 403, 404, 403, 302)),
    url("countryreviews:return", "tj", 2018, 1, get=POST_ONLY, post=(LOGIN, 403, 403, 404, 404, 302, 302),
        data={"comment": "Please add sources."}),
    url("countryreviews:withdraw", "tj", 2017, 1, get=POST_ONLY, post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    # The regional overview: 2017 is published, 2018 a draft edition; any representative or a coordinator assembles.
    url("countryreviews:overview", get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-year", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-year", 2018, get=OVERVIEW_DRAFT_READERS),
    url("countryreviews:overview-year", 2016, get=NOT_FOUND),
    url("countryreviews:overview-csv", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-csv", 2018, get=OVERVIEW_DRAFT_READERS),
    url("countryreviews:overview-create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("countryreviews:overview-edit", 2018, get=(LOGIN, 404, 404, 404, 404, 200, 200),
        post=(LOGIN, 404, 404, 404, 404, 400, 400)),
    url("countryreviews:overview-edit", 2017, get=(LOGIN, 403, 403, 403, 403, 302, 302)),  # frozen once published
    url("countryreviews:overview-refresh", 2018, get=POST_ONLY, post=(LOGIN, 404, 404, 404, 404, 302, 302)),
    url("countryreviews:overview-refresh", 2017, post=REPRESENTATIVES_DONE),
    url("countryreviews:overview-publish", 2018, get=POST_ONLY, post=(LOGIN, 404, 404, 404, 404, 302, 302)),
]


def _case_id(entry: Url, method: str) -> str:
    args = ",".join(str(a) for a in entry.args)
    data = "{" + ",".join(entry.data) + "}" if entry.data and method == "POST" else ""
    return f"{method} {entry.name}({args}){entry.query}{data}"


# One case per URL and method; it asks every role (see test_permissions_table).
CASES = [
    pytest.param(entry, method, statuses, id=_case_id(entry, method))
    for entry in TABLE
    for method, statuses in (("GET", entry.get), ("POST", entry.post))
    if statuses is not None
]


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

    published = make_revision("TJ", 2017, ReviewRevision.Status.PUBLISHED, summary="Tajik published summary.")
    make_revision("TJ", 2018, summary="Tajik draft summary.")
    make_revision("PK", 2018, summary="Pakistani draft summary.")
    make_overview(2017, [published], published=True)
    make_overview(2018)

    invitation, token = Invitation.issue(organization, "invitee@example.org", Membership.Role.MEMBER,
                                         invited_by=users["editor"])
    sessions = {}
    for role, user in users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
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
