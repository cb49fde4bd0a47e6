"""Safety by design (issue 16), rule by rule: a country that hides people's names from the public, set by
coordinators; members-only services kept out of the public search. The sweep of every public page, feed and
export is tests/members/test_safety_sweep.py."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members import permissions
from members.models import Country, Membership, Organization, Person, Service

from ..conftest import ROLES
from ..factories import make_membership, make_organization, make_person, make_seat, make_service, make_user
from ..forums.factories import make_action_item, make_forum, make_update

# Who sees the names of people of a country that hides them: network members and coordinators, never the
# public or the stakeholder (an account that is not a network member).
SEES_HIDDEN_NAMES = {
    "anonymous": False,
    "member": True,
    "editor": True,
    "other_editor": True,
    "stakeholder": False,
    "steering": True,
    "coordinator": True,
}


def hide_names(code="AF", hide=True):
    Country.objects.filter(code=code).update(hide_names_publicly=hide)


def viewer(users, role):
    """A fresh object for the role (the predicates keep what they looked up on the user object)."""
    user = users[role]
    return AnonymousUser() if user is None else type(user).objects.get(pk=user.pk)


@pytest.fixture
def kabul(db):
    return make_organization("AF", name="Kabul NGO", slug="kabul-ngo")


@pytest.fixture
def afghans(kabul, organization):
    """People named publicly by their own choice, each of Afghanistan in one way."""
    public = Person.Visibility.PUBLIC
    return {
        "of an Afghan organization": make_person(kabul, name="Afghan Staff", contact_visibility=public),
        "recorded elsewhere, of an Afghan organization": Person.objects.create(
            name="Recorded In Tajikistan", organization=kabul, country_id="TJ", contact_visibility=public
        ),
        "recorded in Afghanistan, of a Tajik organization": Person.objects.create(
            name="Recorded In Afghanistan", organization=organization, country_id="AF", contact_visibility=public
        ),
        "recorded in Afghanistan, of no organization": Person.objects.create(
            name="No Organization", country_id="AF", contact_visibility=public
        ),
    }


# --- the predicates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_names_of_a_country_that_hides_them_are_for_the_network_only(users, afghans, role):
    hide_names()
    user = viewer(users, role)
    for how, person in afghans.items():
        assert permissions.can_see_person(user, person) is SEES_HIDDEN_NAMES[role], how
    names = set(permissions.visible_people(user).values_list("name", flat=True))
    assert (names >= {p.name for p in afghans.values()}) is SEES_HIDDEN_NAMES[role]
    assert names.isdisjoint(p.name for p in afghans.values()) is not SEES_HIDDEN_NAMES[role]


@pytest.mark.parametrize("role", ["anonymous", "stakeholder"])
def test_the_public_sees_the_same_names_once_the_country_no_longer_hides_them(users, afghans, role):
    hide_names(hide=False)
    user = viewer(users, role)
    assert all(permissions.can_see_person(user, person) for person in afghans.values())
    assert set(permissions.visible_people(user).values_list("name", flat=True)) >= {p.name for p in afghans.values()}


@pytest.mark.parametrize("role", ["anonymous", "stakeholder"])
def test_hiding_names_hides_nobody_of_other_countries_and_keeps_each_persons_own_choice(users, organization, role):
    hide_names()
    tajik = make_person(organization, name="Tajik Person", contact_visibility=Person.Visibility.PUBLIC)
    stateless = Person.objects.create(name="Tajik Freelancer", country_id="TJ", contact_visibility=Person.Visibility.PUBLIC)
    private = make_person(organization, name="Private Person", contact_visibility=Person.Visibility.MEMBERS)
    user = viewer(users, role)
    assert permissions.can_see_person(user, tajik) and permissions.can_see_person(user, stateless)
    assert not permissions.can_see_person(user, private)
    assert {"Tajik Person", "Tajik Freelancer", "Seat Representative"} <= set(
        permissions.visible_people(user).values_list("name", flat=True)
    )


@pytest.mark.parametrize("role", ROLES)
def test_hides_names_from(users, role):
    hide_names()
    user = viewer(users, role)
    afghanistan = Country.objects.get(code="AF")
    assert permissions.hides_names_from(user, afghanistan) is not SEES_HIDDEN_NAMES[role]
    assert permissions.hides_names_from(user, "af") is not SEES_HIDDEN_NAMES[role]
    assert not permissions.hides_names_from(user, "TJ")
    assert not permissions.hides_names_from(user, None)


@pytest.mark.parametrize("role", ROLES)
def test_the_name_of_an_account_holder_of_a_country_that_hides_names(users, kabul, role):
    hide_names()
    staff = make_user("kabul.staff@example.org", first_name="Kabul", last_name="Staff")
    make_membership(staff, kabul, Membership.Role.MEMBER)
    in_directory = make_user("kabul.person@example.org")
    make_person(kabul, user=in_directory)
    user = viewer(users, role)
    assert permissions.can_see_user_name(user, staff) is SEES_HIDDEN_NAMES[role]
    assert permissions.can_see_user_name(user, in_directory) is SEES_HIDDEN_NAMES[role]
    assert permissions.can_see_user_name(user, users["member"])  # a Tajik member
    assert not permissions.can_see_user_name(user, None)


# --- pages ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_organization_page_names_its_people_to_the_network_only(client_as, users, kabul, afghans, role):
    hide_names()
    make_seat(kabul, afghans["of an Afghan organization"])
    html = client_as(role).get(reverse("members:organization", args=[kabul.slug])).content.decode()
    assert ("Afghan Staff" in html) is SEES_HIDDEN_NAMES[role]
    assert ("Recorded In Tajikistan" in html) is SEES_HIDDEN_NAMES[role]
    assert "Names of people in this country are shown to network members only." in html
    assert "Holds the steering committee seat of Afghanistan" in html  # the seat, without the name
    assert "No people listed." not in html


@pytest.mark.parametrize("role", ROLES)
def test_the_country_page_and_the_steering_committee_name_the_representative_to_the_network_only(
    client_as, users, kabul, afghans, role
):
    hide_names()
    make_seat(kabul, afghans["of an Afghan organization"])
    client = client_as(role)
    country = client.get(reverse("members:country", args=["af"])).content.decode()
    committee = client.get(reverse("members:steering-committee")).content.decode()
    assert ("Afghan Staff" in country) is SEES_HIDDEN_NAMES[role]
    assert ("Afghan Staff" in committee) is SEES_HIDDEN_NAMES[role]
    assert "Seat Representative" in committee  # Tajikistan's, whose names are not hidden
    if not SEES_HIDDEN_NAMES[role]:
        assert "name is shown to network members only." in country
        assert "Shown to network members only" in committee


@pytest.mark.parametrize(
    ("role", "note", "link"),
    [
        ("anonymous", False, False),
        ("stakeholder", False, False),
        ("member", True, False),
        ("steering", True, False),
        ("coordinator", True, True),
    ],
)
def test_the_country_page_tells_the_network_that_names_are_hidden(client_as, users, role, note, link):
    hide_names()
    html = client_as(role).get(reverse("members:country", args=["af"])).content.decode()
    assert ("Names of people in this country are shown to network members only." in html) is note
    assert (reverse("admin:members_country_change", args=["AF"]) in html) is link
    tajik = client_as(role).get(reverse("members:country", args=["tj"])).content.decode()
    assert "Names of people in this country are shown to network members only." not in tajik


def test_a_progress_update_is_signed_for_the_network_only(client_as, users, kabul):
    hide_names()
    author = make_user("kabul.rep@example.org", first_name="Nazanin", last_name="Updater")
    make_membership(author, kabul, Membership.Role.EDITOR)
    forum = make_forum("kabul-2018", country="AF", city="Kabul")
    item = make_action_item(forum, organizations=[kabul])
    make_update(item, author=author, text="Progress in Kabul.", new_status="in_progress")
    for role in ROLES:
        html = client_as(role).get(reverse("forums:follow-up")).content.decode()
        assert "Progress in Kabul." in html
        assert ("Nazanin Updater" in html) is SEES_HIDDEN_NAMES[role], role
        if not SEES_HIDDEN_NAMES[role]:
            assert "1 Jan 2018 · status: In progress</div>" in html  # the line reads well without the name


def test_who_published_a_review_is_named_to_the_network_only(client_as, users, kabul):
    from countryreviews.models import ReviewRevision

    from ..countryreviews.factories import make_revision

    hide_names()
    publisher = make_user("kabul.publisher@example.org", first_name="Farida", last_name="Publisher")
    make_membership(publisher, kabul, Membership.Role.EDITOR)
    revision = make_revision("AF", 2017, ReviewRevision.Status.PUBLISHED)
    revision.published_by = publisher
    revision.save()
    for role in ROLES:
        html = client_as(role).get(reverse("countryreviews:detail", args=["af", 2017])).content.decode()
        assert ("Farida Publisher" in html) is SEES_HIDDEN_NAMES[role], role
        assert "published " in html


@pytest.mark.parametrize("hidden", [False, True])
def test_the_steering_committee_runs_a_fixed_number_of_queries(client, users, kabul, hidden):
    """With names hidden, one query more (which countries hide names), whatever the number of seats."""
    hide_names(hide=hidden)

    def seat(n):
        person = make_person(kabul, name=f"Rep {n}", contact_visibility=Person.Visibility.PUBLIC)
        make_seat(kabul, person, start=datetime.date(2000 + n, 1, 1), end=datetime.date(2000 + n, 12, 31))

    seat(1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("members:steering-committee"))
    for n in range(2, 7):
        seat(n)
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("members:steering-committee")).content.decode()
    assert len(many) == len(few)
    assert ("Rep 6" in html) is not hidden


def test_the_tracker_runs_a_fixed_number_of_queries_with_names_hidden(client, users, kabul):
    hide_names()
    forum = make_forum("kabul-2018", country="AF", city="Kabul")
    item = make_action_item(forum, organizations=[kabul])

    def update(n):
        author = make_user(f"author{n}@example.org", first_name="Author", last_name=f"Number{n}")
        make_membership(author, kabul)
        make_update(item, author=author)

    update(1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("forums:follow-up"))
    for n in range(2, 7):
        update(n)
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("forums:follow-up")).content.decode()
    assert len(many) == len(few)
    assert "Number" not in html


# --- the coordinators' switch -----------------------------------------------------------------------------


def test_a_coordinator_hides_a_countrys_names_in_the_admin_and_the_public_no_longer_sees_them(client_as, users, kabul):
    make_person(kabul, name="Afghan Staff", contact_visibility=Person.Visibility.PUBLIC)
    page = reverse("members:organization", args=[kabul.slug])
    assert "Afghan Staff" in client_as("anonymous").get(page).content.decode()
    coordinator = client_as("coordinator")
    changelist = coordinator.get(reverse("admin:members_country_changelist")).content.decode()
    assert 'name="form-0-hide_names_publicly"' in changelist  # switched from the list of countries
    response = coordinator.post(
        reverse("admin:members_country_change", args=["AF"]),
        {"code": "AF", "name": "Afghanistan", "order": 1, "hide_names_publicly": "on"},
    )
    assert response.status_code == 302
    assert Country.objects.get(code="AF").hide_names_publicly
    assert "Afghan Staff" not in client_as("anonymous").get(page).content.decode()
    assert "Afghan Staff" in client_as("member").get(page).content.decode()


@pytest.mark.parametrize("role", [r for r in ROLES if r != "coordinator"])
def test_only_coordinators_reach_the_switch(client_as, users, role):
    response = client_as(role).get(reverse("admin:members_country_change", args=["AF"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- members-only services in the search ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member"])
def test_the_directory_search_never_matches_a_members_only_service(client_as, users, organization, role):
    make_service(organization, Service.Kind.SHELTER, name="Quiet Refuge", members_only=True)
    make_service(organization, Service.Kind.HOTLINE, name="Open Helpline")
    client = client_as(role)
    assert "Madina Test NGO" not in client.get(reverse("members:directory"), {"q": "quiet refuge"}).content.decode()
    assert "Madina Test NGO" in client.get(reverse("members:directory"), {"q": "open helpline"}).content.decode()


def test_a_service_made_public_is_found_again(organization):
    service = make_service(organization, Service.Kind.SHELTER, name="Quiet Refuge", members_only=True)
    assert not Organization.objects.search("quiet refuge").exists()
    service.members_only = False
    service.save()
    assert list(Organization.objects.search("quiet refuge")) == [organization]


@pytest.mark.parametrize(("role", "listed"), [("anonymous", False), ("stakeholder", False), ("member", True)])
def test_filtering_by_a_kind_of_service_never_reveals_a_members_only_one(client_as, users, kabul, role, listed):
    make_service(kabul, Service.Kind.SHELTER, name="Quiet Refuge", members_only=True)
    html = client_as(role).get(reverse("members:directory"), {"service": "shelter"}).content.decode()
    assert ("Kabul NGO" in html) is listed
