"""The resource library's pages (/library/, /library/<slug>/, its file, its feed): who reads what, search and
filters, state badges and banners, and a fixed number of queries."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from members.models import Audience, Country, FocusArea, PublicStatus, Resource
from members.uploads import PDF, PNG

from ..forums.factories import pdf_bytes
from .conftest import png_bytes

_counter = itertools.count(1)

ROLES_WHO_READ_MEMBERS_ONLY = ["member", "editor", "other_editor", "steering", "coordinator"]
ROLES_WHO_DO_NOT = ["anonymous", "stakeholder"]


def make_resource(
    title=None,
    *,
    author=None,
    organization=None,
    audience=Audience.PUBLIC,
    status=PublicStatus.APPROVED,
    hidden=False,
    countries=(),
    languages=("en",),
    kind=Resource.Kind.REPORT,
    year=2017,
    topic=None,
    content=None,
    content_type=PDF,
    original_name="Report.pdf",
    link="",
    description="",
    texts=None,
    created_at=None,
):
    """A saved resource; `content` (bytes) becomes its file. Without file or link it gets a web link."""
    n = next(_counter)
    resource = Resource(
        kind=kind,
        year=year,
        topic=FocusArea.objects.get(slug=topic) if topic else None,
        author=author,
        organization=organization,
        audience=audience,
        public_status=status if audience == Audience.PUBLIC else PublicStatus.NONE,
        link=link or ("" if content is not None else f"https://example.org/report-{n}"),
        original_language="en",
    )
    resource.set_texts({"en": {"title": title or f"Resource {n}", "description": description}, **(texts or {})})
    resource.material_languages = languages
    if created_at:
        resource.created_at = created_at
    if content is not None:
        extension = ".png" if content_type == PNG else ".pdf"
        resource.file = ContentFile(content, name=("image" if content_type == PNG else "document") + extension)
        resource.original_name, resource.content_type, resource.size = original_name, content_type, len(content)
    if hidden:
        resource.hidden_at, resource.hidden_reason = timezone.now(), "Names a victim."
    resource.save()
    resource.countries.set(countries)
    return resource


def page(client, **params):
    return client.get(reverse("members:library"), params)


def listed(response) -> list[str]:
    return [r.title_en for r in response.context["resources"]]


@pytest.fixture
def shelf(users, organization, other_organization):
    """One resource in each state, by the member of the Tajik organization (hidden: by the Pakistani editor)."""
    member = users["member"]
    return {
        "public": make_resource("Public report", author=member, organization=organization, countries=["TJ"]),
        "members": make_resource("Members report", author=member, organization=organization, audience=Audience.MEMBERS),
        "pending": make_resource("Pending report", author=member, organization=organization, status=PublicStatus.PENDING),
        "declined": make_resource(
            "Declined report", author=member, organization=organization, status=PublicStatus.DECLINED
        ),
        "hidden": make_resource("Hidden report", author=users["other_editor"], organization=other_organization, hidden=True),
    }


# Who reads what ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"Public report"}),
        ("stakeholder", {"Public report"}),
        ("member", {"Public report", "Members report", "Pending report", "Declined report"}),
        ("steering", {"Public report", "Members report", "Pending report", "Declined report"}),
        ("other_editor", {"Public report", "Members report", "Pending report", "Declined report", "Hidden report"}),
        ("coordinator", {"Public report", "Members report", "Pending report", "Declined report", "Hidden report"}),
    ],
)
def test_each_role_finds_the_resources_it_may_read(client_as, shelf, role, expected):
    assert set(listed(page(client_as(role)))) == expected


@pytest.mark.parametrize("state", ["members", "pending", "declined"])
@pytest.mark.parametrize("role", ROLES_WHO_DO_NOT)
def test_a_resource_not_approved_for_everyone_is_a_404_for_the_public_with_its_file(client_as, users, organization,
                                                                                   state, role):
    resource = make_resource(
        author=users["member"], organization=organization, content=pdf_bytes(),
        audience=Audience.MEMBERS if state == "members" else Audience.PUBLIC,
        status={"pending": PublicStatus.PENDING, "declined": PublicStatus.DECLINED}.get(state, PublicStatus.NONE),
    )
    client = client_as(role)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get(reverse("members:resource-file", args=[resource.slug])).status_code == 404


@pytest.mark.parametrize("role", ROLES_WHO_READ_MEMBERS_ONLY)
def test_network_members_read_a_members_only_resource_and_its_file(client_as, users, organization, role):
    resource = make_resource("For members", author=users["member"], organization=organization,
                             audience=Audience.MEMBERS, content=pdf_bytes())
    client = client_as(role)
    response = client.get(resource.get_absolute_url())
    assert response.status_code == 200
    assert "For members" in response.content.decode()
    file_response = client.get(reverse("members:resource-file", args=[resource.slug]))
    assert file_response.status_code == 200
    assert b"".join(file_response.streaming_content) == pdf_bytes()
    assert "no-store" in file_response["Cache-Control"]


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 404), ("member", 404), ("editor", 404), ("steering", 404), ("stakeholder", 404),
    ("other_editor", 200), ("coordinator", 200),
])
def test_a_hidden_resource_is_read_only_by_its_author_and_the_coordinators(client_as, users, other_organization,
                                                                          role, status):
    resource = make_resource(author=users["other_editor"], organization=other_organization, hidden=True,
                             content=pdf_bytes())
    client = client_as(role)
    assert client.get(resource.get_absolute_url()).status_code == status
    assert client.get(reverse("members:resource-file", args=[resource.slug])).status_code == status


def test_a_public_resource_and_its_file_are_for_everyone(client, users, organization):
    resource = make_resource("Open report", author=users["member"], organization=organization, content=pdf_bytes(),
                             original_name='Report "final"; ü.pdf')
    assert client.get(resource.get_absolute_url()).status_code == 200
    response = client.get(reverse("members:resource-file", args=[resource.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="Report-final-u.pdf"'
    assert "no-store" not in response.get("Cache-Control", "")


def test_an_image_is_shown_in_the_page_and_served_inline(client, users, organization):
    resource = make_resource("Poster: know your rights", author=users["member"], organization=organization,
                             content=png_bytes(), content_type=PNG, original_name="poster.png")
    html = client.get(resource.get_absolute_url()).content.decode()
    file_url = reverse("members:resource-file", args=[resource.slug])
    assert f'<img src="{file_url}" alt="Poster: know your rights"' in html
    response = client.get(file_url)
    assert response["Content-Type"] == PNG
    assert response["Content-Disposition"] == 'inline; filename="poster.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_resource_without_a_file_has_no_file_to_download(client, users, organization):
    resource = make_resource(author=users["member"], organization=organization, link="https://example.org/law")
    assert client.get(reverse("members:resource-file", args=[resource.slug])).status_code == 404


def test_a_missing_file_is_a_404(client, users, organization):
    resource = make_resource(author=users["member"], organization=organization, content=pdf_bytes())
    resource.file.storage.delete(resource.file.name)
    assert client.get(reverse("members:resource-file", args=[resource.slug])).status_code == 404


def test_an_unknown_resource_is_a_404(client, db):
    assert client.get(reverse("members:resource", args=["no-such-thing"])).status_code == 404


# What the pages show -------------------------------------------------------------------------------------------------


def test_the_list_shows_kind_year_languages_countries_and_format(client, users, organization):
    make_resource("Radio script", author=users["member"], organization=organization, kind=Resource.Kind.AWARENESS,
                  year=2018, languages=["fa", "ps"], countries=["AF", "PK"], content=pdf_bytes())
    make_resource("Regional law review", author=users["member"], organization=organization, year=2016,
                  link="https://example.org/laws")
    html = page(client).content.decode()
    assert "Awareness material · 2018 · Dari, Pashto · Afghanistan, Pakistan · PDF," in html
    assert "Report · 2016 · English · Whole region · Web link" in html


def test_the_detail_page_shows_the_facts_and_who_shared_it_without_an_email(client, users, organization):
    resource = make_resource(
        "Training manual", author=users["member"], organization=organization, kind=Resource.Kind.TRAINING,
        topic="capacity-building", languages=["ru", "tg"], countries=["TJ"], content=pdf_bytes(),
        description="First line <script>alert(1)</script>\n\nSecond paragraph.",
    )
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "Training material" in html
    assert "Capacity building" in html
    assert "Russian, Tajik" in html
    assert "Tajikistan" in html
    assert "Madina Test NGO" in html
    assert users["member"].email not in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<p>Second paragraph.</p>" in html
    assert reverse("members:resource-file", args=[resource.slug]) in html
    assert "(PDF, " in html


def test_a_web_link_opens_without_passing_on_the_page(client, users, organization):
    resource = make_resource(author=users["member"], organization=organization, link="https://example.org/law.html")
    html = client.get(resource.get_absolute_url()).content.decode()
    assert 'href="https://example.org/law.html" rel="nofollow noopener"' in html
    assert "Web link" in html


def test_the_title_is_in_the_readers_language_or_marked_as_the_original(client, users, organization):
    resource = make_resource("Annual report", author=users["member"], organization=organization,
                             texts={"ru": {"title": "Годовой отчёт"}})
    assert "Годовой отчёт" in client.get(resource.get_absolute_url(), {"lang": "ru"}).content.decode()
    html = client.get(resource.get_absolute_url(), {"lang": "tg"}).content.decode()
    assert 'lang="en" dir="ltr">Annual report</span>' in html


def test_badges_say_where_each_resource_stands(client_as, shelf):
    html = page(client_as("coordinator")).content.decode()
    for badge in ["Members only", "Waiting for approval", "Kept for members", "Hidden"]:
        assert badge in html
    assert "badge" not in page(client_as("anonymous")).content.decode().split("found.")[1]


def test_the_author_reads_why_it_was_kept_for_members_and_others_do_not(client_as, shelf):
    resource = shelf["declined"]
    resource.review_note = "Not yet checked by a lawyer."
    resource.save()
    assert "Not yet checked by a lawyer." in client_as("member").get(resource.get_absolute_url()).content.decode()
    other = client_as("other_editor").get(resource.get_absolute_url()).content.decode()
    assert "Not yet checked by a lawyer." not in other
    assert "Kept for members" in other  # the badge


def test_the_author_of_a_hidden_resource_reads_the_reason(client_as, shelf):
    html = client_as("other_editor").get(shelf["hidden"].get_absolute_url()).content.decode()
    assert "Hidden by a coordinator." in html
    assert "Names a victim." in html
    assert reverse("members:resource-edit", args=[shelf["hidden"].slug]) not in html  # hidden: not the author's to edit


def test_the_author_is_told_it_waits_for_approval(client_as, shelf):
    html = client_as("member").get(shelf["pending"].get_absolute_url()).content.decode()
    assert "Waiting for approval." in html
    assert reverse("members:resource-edit", args=[shelf["pending"].slug]) in html


@pytest.mark.parametrize(
    ("role", "approve", "decline", "hide"),
    [
        ("member", False, False, False),  # the author
        ("other_editor", False, False, False),
        ("steering", True, True, False),  # Tajikistan's representative, the poster's country
        ("coordinator", True, True, True),
    ],
)
def test_the_buttons_follow_the_predicates(client_as, shelf, role, approve, decline, hide):
    slug = shelf["pending"].slug
    html = client_as(role).get(shelf["pending"].get_absolute_url()).content.decode()
    assert (f'action="{reverse("members:resource-approve", args=[slug])}"' in html) is approve
    assert (reverse("members:resource-decline", args=[slug]) in html) is decline
    assert (reverse("members:resource-hide", args=[slug]) in html) is hide


def test_a_coordinator_shows_a_hidden_resource_again_with_a_post_form(client_as, shelf):
    slug = shelf["hidden"].slug
    html = client_as("coordinator").get(shelf["hidden"].get_absolute_url()).content.decode()
    assert f'method="post" action="{reverse("members:resource-unhide", args=[slug])}"' in html
    assert reverse("members:resource-hide", args=[slug]) not in html


def test_an_approved_resource_can_be_kept_for_members_but_not_approved_again(client_as, shelf):
    slug = shelf["public"].slug
    html = client_as("coordinator").get(shelf["public"].get_absolute_url()).content.decode()
    assert reverse("members:resource-decline", args=[slug]) in html
    assert reverse("members:resource-approve", args=[slug]) not in html


@pytest.mark.parametrize(("role", "shown"), [
    ("anonymous", False), ("stakeholder", False), ("member", True), ("editor", True), ("coordinator", True),
])
def test_network_members_are_offered_to_add_to_the_library(client_as, users, role, shown):
    html = page(client_as(role)).content.decode()
    assert (reverse("members:resource-create") in html) is shown


def test_approvers_see_what_waits_for_them(client_as, shelf, users, other_organization):
    pk_pending = make_resource("Pakistani pending", author=users["other_editor"], organization=other_organization,
                               status=PublicStatus.PENDING)
    assert {r.title_en for r in page(client_as("steering")).context["waiting"]} == {"Pending report"}
    assert {r.title_en for r in page(client_as("coordinator")).context["waiting"]} == {"Pending report", pk_pending.title_en}
    member_page = page(client_as("member"))
    assert member_page.context["waiting"] == []
    assert "Waiting for your approval" not in member_page.content.decode()
    assert "Waiting for your approval" in page(client_as("steering")).content.decode()


def test_an_empty_library_says_so(client, db):
    html = page(client).content.decode()
    assert "The library has no resources yet." in html


def test_a_search_without_results_says_what_was_searched(client, users, organization):
    make_resource("Annual report", author=users["member"], organization=organization)
    html = page(client, q="nothing-like-this").content.decode()
    assert "No resource matches “nothing-like-this”." in html
    assert "Show the whole library" in html
    html = page(client, q="nothing-like-this", kind="law").content.decode()
    assert "with the filters chosen above" in html
    html = page(client, q="nothing-like-this", year="soon").content.decode()
    assert "No resource matches “nothing-like-this”" in html  # a bad value elsewhere keeps the query


def test_the_page_links_the_atom_feed(client, db):
    html = page(client).content.decode()
    assert f'href="{reverse("members:feed-library")}" type="application/atom+xml">Feed of new resources (Atom)' in html


# Search and filters -------------------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(users, organization):
    member = users["member"]
    return [
        make_resource("Counter-trafficking law of Tajikistan", author=member, organization=organization,
                      kind=Resource.Kind.LAW, year=2014, countries=["TJ"], languages=["ru", "tg"], topic="legal-aid",
                      texts={"ru": {"title": "Закон о противодействии торговле людьми"}}),
        make_resource("Hotline training manual", author=member, organization=organization,
                      kind=Resource.Kind.TRAINING, year=2018, countries=["PK", "AF"], languages=["ur"],
                      topic="hotline", description="How to answer callers who fear their employer."),
        make_resource("Regional poster", author=member, organization=organization, kind=Resource.Kind.AWARENESS,
                      year=2017, languages=["fa", "ps"], topic="prevention",
                      texts={"fa": {"title": "پوستر منطقوي درباره كار در خارج"}}),
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "HOTLINE"}, {"Hotline training manual"}),
        ({"q": "employer"}, {"Hotline training manual"}),  # in the description
        ({"q": "закон"}, {"Counter-trafficking law of Tajikistan"}),  # the Russian title, typed in lower case
        ({"q": "ТОРГОВЛЕ"}, {"Counter-trafficking law of Tajikistan"}),
        ({"q": "کار"}, {"Regional poster"}),  # Persian kaf finds the Arabic kaf it was typed with
        ({"q": "منطقوی"}, {"Regional poster"}),  # and Persian yeh the Arabic yeh
        ({"q": "law tajikistan"}, {"Counter-trafficking law of Tajikistan"}),
        ({"q": "law hotline"}, set()),  # every word must be found
        ({"kind": "training"}, {"Hotline training manual"}),
        ({"topic": "prevention"}, {"Regional poster"}),
        ({"country": "tj"}, {"Counter-trafficking law of Tajikistan"}),
        ({"country": "PK"}, {"Hotline training manual"}),
        ({"country": "region"}, {"Regional poster"}),
        ({"language": "ps"}, {"Regional poster"}),
        ({"language": "tg"}, {"Counter-trafficking law of Tajikistan"}),
        ({"year": "2018"}, {"Hotline training manual"}),
        ({"kind": "law", "country": "pk"}, set()),
    ],
)
def test_search_and_filters(client, catalogue, params, expected):
    assert set(listed(page(client, **params))) == expected


def test_the_list_is_newest_first_or_by_year(client, users, organization):
    old = timezone.now() - datetime.timedelta(days=30)
    make_resource("Added first, 2018", author=users["member"], organization=organization, year=2018, created_at=old)
    make_resource("Added last, 2015", author=users["member"], organization=organization, year=2015)
    make_resource("Added second, no year", author=users["member"], organization=organization, year=None,
                  created_at=old + datetime.timedelta(days=1))
    assert listed(page(client)) == ["Added last, 2015", "Added second, no year", "Added first, 2018"]
    assert listed(page(client, order="year")) == ["Added first, 2018", "Added last, 2015", "Added second, no year"]


def test_bad_filter_values_are_ignored_with_a_message(client, catalogue):
    response = page(client, year="soon", kind="novel")
    assert response.status_code == 200
    assert len(listed(response)) == 3
    html = response.content.decode()
    assert "Enter a number." in html
    assert "Select a valid choice. novel is not one of the available choices." in html


def test_the_list_is_paginated_by_twenty(client, users, organization):
    for n in range(23):
        make_resource(f"Bulk {n:02d}", author=users["member"], organization=organization)
    assert len(listed(page(client))) == 20
    second = page(client, page=2)
    assert len(listed(second)) == 3


# Queries -------------------------------------------------------------------------------------------------------------


def _fill(users, organization, count):
    country = Country.objects.get(code="TJ")
    for n in range(count):
        resource = make_resource(author=users["member"], organization=organization, topic="prevention",
                                 status=PublicStatus.PENDING if n % 2 else PublicStatus.APPROVED, content=pdf_bytes())
        resource.countries.add(country)


# The filter lists (the topic looked up, the topics and countries listed), the count, the page and its countries; for a
# logged-in user the session, the user, the second-factor check, memberships and seats; for an approver the waiting list.
@pytest.mark.parametrize(("role", "queries"), [("anonymous", 7), ("member", 13), ("steering", 14), ("coordinator", 12)])
def test_the_list_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_num_queries, role,
                                                 queries):
    client = client_as(role)
    search = {"q": "resource", "country": "tj", "topic": "prevention"}
    _fill(users, organization, 1)
    client.get(reverse("members:library"))  # the first request of a session does a little more
    with django_assert_num_queries(queries):
        client.get(reverse("members:library"), search)
    _fill(users, organization, 5)
    with django_assert_num_queries(queries):
        response = client.get(reverse("members:library"), search)
    assert len(response.context["resources"]) == (4 if role == "anonymous" else 6)


# The resource with its organization and topic, and its countries; for a logged-in user the session, the user, the
# second-factor check and what the predicates look up (memberships, seats).
@pytest.mark.parametrize(("role", "queries"), [("anonymous", 2), ("member", 8), ("steering", 8), ("coordinator", 6)])
def test_the_detail_page_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_num_queries,
                                                        role, queries):
    resource = make_resource(author=users["member"], organization=organization, topic="prevention", countries=["TJ"],
                             content=pdf_bytes(), status=PublicStatus.PENDING if role != "anonymous" else PublicStatus.APPROVED)
    client = client_as(role)
    client.get(resource.get_absolute_url())
    with django_assert_num_queries(queries):
        client.get(resource.get_absolute_url())
    resource.countries.set(["AF", "PK", "TJ", "TM", "UZ"])
    with django_assert_num_queries(queries):
        response = client.get(resource.get_absolute_url())
    assert len(response.context["countries"]) == 5


# The feed ------------------------------------------------------------------------------------------------------------


def test_the_feed_lists_only_public_resources(client, shelf):
    xml = client.get(reverse("members:feed-library")).content.decode()
    assert "Public report" in xml
    for title in ["Members report", "Pending report", "Declined report", "Hidden report"]:
        assert title not in xml
    assert shelf["public"].get_absolute_url() in xml


def test_the_feed_runs_one_query_and_lists_the_newest_thirty(client, users, organization, django_assert_num_queries):
    for n in range(32):
        make_resource(f"Feed item {n:02d}", author=users["member"], organization=organization)
    with django_assert_num_queries(1):
        xml = client.get(reverse("members:feed-library")).content.decode()
    assert xml.count("<entry>") == 30
    assert "Feed item 31" in xml
    assert "Feed item 00" not in xml


# The admin -----------------------------------------------------------------------------------------------------------


def test_coordinators_correct_resources_in_the_admin_but_add_them_through_the_library(client_as, shelf):
    client = client_as("coordinator")
    assert client.get(reverse("admin:members_resource_changelist"), {"q": "Hidden"}).status_code == 200
    change = client.get(reverse("admin:members_resource_change", args=[shelf["public"].pk]))
    assert change.status_code == 200
    assert 'name="file"' not in change.content.decode()  # files are checked by the library's form only
    assert client.get(reverse("admin:members_resource_add")).status_code == 403
    assert client_as("editor").get(reverse("admin:members_resource_changelist")).status_code == 302
