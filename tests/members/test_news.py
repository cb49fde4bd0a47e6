"""/news/ and /news/<slug>/: who reads which announcement, the filters, the badges and buttons each role sees,
the feed of public posts and the home page's news; a fixed number of queries however many posts there are.

`make_announcement` is shared by the other test_news_*.py modules and test_listserve_announcements.py.
"""

import datetime
import re

import pytest
from django.urls import reverse

from members.models import Announcement, AnnouncementComment, Audience, Country

from ..conftest import ROLES
from ..factories import make_organization
from ..network_portal.conftest import atom_entries

MEMBERS_ROLES = ["member", "editor", "other_editor", "steering", "coordinator"]
OUTSIDERS = ["anonymous", "stakeholder"]


def make_announcement(
    author,
    organization=None,
    *,
    audience=Audience.MEMBERS,
    approved=False,
    countries=(),
    kind=Announcement.Kind.NEWS,
    title="Training on victim identification",
    body="Two days of training for hotline staff.",
    **extra,
) -> Announcement:
    """A post as the form saves it: by `author` for `organization`, for members or (approved or waiting) everyone."""
    post = Announcement(author=author, organization=organization, kind=kind, title_en=title, body_en=body, **extra)
    post.set_audience(audience, approved=approved)
    post.save()
    post.countries.set(countries)
    return post


def news_url(post=None) -> str:
    return post.get_absolute_url() if post else reverse("members:news")


@pytest.fixture
def posts(users, organization):
    """One post in each state, by the editor of `organization` (Tajikistan)."""
    editor, public = users["editor"], Audience.PUBLIC
    return {
        "members": make_announcement(editor, organization, title="Members only meeting"),
        "public": make_announcement(editor, organization, audience=public, approved=True, title="Public launch"),
        "pending": make_announcement(editor, organization, audience=public, title="Pending report"),
        "hidden": _hidden(make_announcement(editor, organization, audience=public, approved=True, title="Hidden post"), users),
        "declined": _declined(make_announcement(editor, organization, audience=public, title="Declined post"), users),
    }


def _hidden(post, users):
    post.hide(users["coordinator"], "It named a victim.")
    post.save()
    return post


def _declined(post, users):
    post.decline(users["coordinator"], "Not for the public yet.")
    post.save()
    return post


# Who reads which post, on the list and on its page.
READS = {
    "anonymous": {"public"},
    "stakeholder": {"public"},
    "member": {"members", "public", "pending", "declined"},
    "editor": {"members", "public", "pending", "declined", "hidden"},  # the author reads their hidden post
    "other_editor": {"members", "public", "pending", "declined"},
    "steering": {"members", "public", "pending", "declined"},
    "coordinator": {"members", "public", "pending", "declined", "hidden"},
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reads_the_posts_it_may_read_on_the_list(client_as, posts, role):
    html = client_as(role).get(news_url()).content.decode()
    shown = {state for state, post in posts.items() if post.get_absolute_url() in html}
    assert shown == READS[role]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_the_posts_it_may_read_and_gets_404_for_the_others(client_as, posts, role):
    client = client_as(role)
    for state, post in posts.items():
        expected = 200 if state in READS[role] else 404
        assert client.get(news_url(post)).status_code == expected, state


def test_the_list_shows_a_card_with_the_facts_of_each_post(client, users, organization):
    make_announcement(
        users["editor"], organization, audience=Audience.PUBLIC, approved=True, kind=Announcement.Kind.EVENT,
        title="Second regional NGO forum", body="Delegations meet in Kabul.", event_start=datetime.date(2018, 8, 27),
        event_end=datetime.date(2018, 8, 28), place="Kabul", countries=["AF", "TJ"],
    )
    make_announcement(
        users["editor"], organization, audience=Audience.PUBLIC, approved=True, kind=Announcement.Kind.VACANCY,
        title="Hotline counsellor", deadline=datetime.date(2030, 1, 15),
    )
    html = client.get(news_url()).content.decode()
    assert "Second regional NGO forum" in html and "Delegations meet in Kabul." in html
    assert "Event" in html and "Vacancy" in html
    assert "27 August 2018" in html and "28 August 2018" in html and "Kabul" in html
    assert "Afghanistan, Tajikistan" in html
    assert "Whole region" in html  # the vacancy names no country
    assert "Deadline: 15 January 2030" in html
    assert "Madina Test NGO (MTN)" in html
    assert "editor@example.org" not in html


def test_the_newest_post_comes_first(client, users, organization):
    old = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Older news")
    Announcement.objects.filter(pk=old.pk).update(created_at=old.created_at - datetime.timedelta(days=3))
    make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Newer news")
    html = client.get(news_url()).content.decode()
    assert html.index("Newer news") < html.index("Older news")


def test_members_see_the_state_badges_of_posts_that_are_not_public(client_as, posts):
    html = client_as("member").get(news_url()).content.decode()
    assert "Members only" in html and "Waiting for approval" in html and "Kept for members" in html
    assert "Hidden" not in html
    coordinator_html = client_as("coordinator").get(news_url()).content.decode()
    assert ">Hidden<" in coordinator_html


def test_the_public_sees_no_state_badges(client, posts):
    html = client.get(news_url()).content.decode()
    for badge in ("Members only", "Waiting for approval", "Kept for members", ">Hidden<"):
        assert badge not in html


@pytest.mark.parametrize("role", ROLES)
def test_only_network_members_see_the_post_button(client_as, users, role):
    html = client_as(role).get(news_url()).content.decode()
    assert (reverse("members:announcement-create") in html) == (role in MEMBERS_ROLES)


def test_the_filters_choose_kind_and_country(client, users, organization, other_organization):
    public = {"audience": Audience.PUBLIC, "approved": True}
    make_announcement(users["editor"], organization, title="Tajik event", kind=Announcement.Kind.EVENT,
                      event_start=datetime.date(2030, 5, 1), place="Dushanbe", countries=["TJ"], **public)
    make_announcement(users["other_editor"], other_organization, title="Pakistani news", countries=["PK"], **public)
    make_announcement(users["editor"], organization, title="Regional news", **public)

    def titles(query):
        response = client.get(news_url(), query)
        assert response.status_code == 200
        return {post.title for post in response.context["announcements"]}

    assert titles({}) == {"Tajik event", "Pakistani news", "Regional news"}
    assert titles({"kind": "event"}) == {"Tajik event"}
    assert titles({"country": "tj"}) == {"Tajik event", "Regional news"}  # whole-region posts concern Tajikistan too
    assert titles({"country": "PK", "kind": "news"}) == {"Pakistani news", "Regional news"}
    assert titles({"kind": "nonsense"}) == {"Tajik event", "Pakistani news", "Regional news"}
    html = client.get(news_url(), {"kind": "vacancy"}).content.decode()
    assert "No announcement matches the filters chosen above." in html
    assert 'href="/news/">Clear filters' in html


def test_the_filter_form_works_without_javascript(client, db):
    html = client.get(news_url()).content.decode()
    assert re.search(r'<form method="get" action="/news/"', html)
    assert '<select name="kind"' in html and '<select name="country"' in html


def test_an_empty_news_page_says_so_and_invites_members_to_post(client_as, users):
    assert "Nothing has been announced yet." in client_as("anonymous").get(news_url()).content.decode()
    html = client_as("member").get(news_url()).content.decode()
    assert "post the first announcement" in html


def test_the_list_is_paginated(client, users, organization):
    for n in range(21):
        make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title=f"News {n:02d}")
    first = client.get(news_url())
    assert len(first.context["announcements"]) == 20
    assert "?page=2" in first.content.decode()
    assert len(client.get(news_url(), {"page": 2}).context["announcements"]) == 1


def test_the_list_links_its_feed_in_the_head_and_on_the_page(client, db):
    html = client.get(news_url()).content.decode()
    head = html.split("</head>")[0]
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="News from the network" href="/feeds/news/">',
                     head)
    assert 'href="/feeds/news/"' in html.split("</head>")[1]


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_approvers_see_what_waits_for_their_approval(client_as, users, organization, other_organization, role):
    make_announcement(users["editor"], organization, audience=Audience.PUBLIC, title="Tajik report to approve")
    make_announcement(users["other_editor"], other_organization, audience=Audience.PUBLIC, title="Pakistani report to approve")
    response = client_as(role).get(news_url())
    waiting = {post.title for post in response.context["awaiting"]}
    if role == "coordinator":
        assert waiting == {"Tajik report to approve", "Pakistani report to approve"}
    else:  # Tajikistan's representative approves Tajik posts only
        assert waiting == {"Tajik report to approve"}
    assert "Waiting for your approval" in response.content.decode()


@pytest.mark.parametrize("role", ["member", "editor", "other_editor"])
def test_members_who_approve_nothing_see_no_approval_list(client_as, users, organization, role):
    make_announcement(users["editor"], organization, audience=Audience.PUBLIC, title="Tajik report to approve")
    assert "Waiting for your approval" not in client_as(role).get(news_url()).content.decode()


# anonymous: the count, the filter's countries, the page, its countries; logged in: + session, user, second-factor
# check; members: + their member countries; representatives: + their seats; approvers: + what waits for them.
@pytest.mark.parametrize("role, queries", [("anonymous", 4), ("member", 10), ("steering", 11), ("coordinator", 9)])
def test_the_list_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_num_queries, role, queries):
    client = client_as(role)

    def build(count):
        for n in range(count):
            post = make_announcement(
                users["editor"], organization, audience=Audience.PUBLIC, approved=n % 2 == 0, title=f"Post {n}",
                countries=["TJ", "AF"],
            )
            AnnouncementComment.objects.create(announcement=post, author=users["member"], body="Thanks")

    build(1)
    with django_assert_num_queries(queries):
        assert client.get(news_url()).status_code == 200
    build(5)
    with django_assert_num_queries(queries):
        assert client.get(news_url()).status_code == 200


# The page of one post.


def test_the_page_shows_the_whole_post_escaped_with_its_facts(client, users, organization):
    post = make_announcement(
        users["editor"], organization, audience=Audience.PUBLIC, approved=True, kind=Announcement.Kind.EVENT,
        title="Forum <b>in</b> Kabul", body="First paragraph.\n\nSecond <script>alert(1)</script> paragraph.",
        event_start=datetime.date(2018, 8, 27), event_end=datetime.date(2018, 8, 28), place="Kabul",
        deadline=datetime.date(2018, 8, 1), link="https://www.iom.int/news", countries=["AF"],
    )
    html = client.get(news_url(post)).content.decode()
    assert "<p>First paragraph.</p>" in html and "<p>Second &lt;script&gt;alert(1)&lt;/script&gt; paragraph.</p>" in html
    assert "Forum &lt;b&gt;in&lt;/b&gt; Kabul" in html
    assert "<script>alert(1)" not in html
    assert "27 August 2018 – 28 August 2018" in html
    assert "1 August 2018" in html
    assert '<a href="https://www.iom.int/news" rel="nofollow noopener" dir="ltr">' in html
    assert 'href="/members/af/">Afghanistan</a>' in html
    assert 'href="/members/org/madina-test/"' in html


def test_a_link_that_is_not_a_web_address_is_not_linked(client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    Announcement.objects.filter(pk=post.pk).update(link="ftp://files.example.org/report.pdf")
    html = client.get(news_url(post)).content.decode()
    assert "ftp://files.example.org" not in html
    assert "More information" not in html


def test_a_post_about_no_country_concerns_the_whole_region(client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    assert "Whole region" in client.get(news_url(post)).content.decode()


def test_a_post_in_several_languages_is_read_in_the_readers_language(client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True,
                             title="Forum in Kabul", body="English text.")
    post.set_texts({"ru": {"title": "Форум в Кабуле", "body": "Русский текст."}})
    post.save()
    english = client.get(news_url(post)).content.decode()
    assert "English text." in english and "Русский текст." not in english
    assert "Written in:" in english and 'href="?lang=ru"' in english
    russian = client.get(news_url(post), {"lang": "ru"}).content.decode()
    assert "Русский текст." in russian and "Форум в Кабуле" in russian


def test_a_post_not_in_the_readers_language_is_marked_with_its_language(client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    post.set_texts({"ru": {"title": "Только по-русски", "body": "Русский текст."}, "en": {"title": "", "body": ""}})
    post.original_language = "ru"
    post.save()
    html = client.get(news_url(post)).content.decode()
    assert re.search(r'<div lang="ru" dir="ltr"><p>Русский текст.</p></div>', html)
    assert "Language of this text: Russian" in html


STATE_TEXT = {
    "pending": "Waiting for approval:",
    "declined": "Not for the public yet.",
    "hidden": "It named a victim.",
}


@pytest.mark.parametrize("state", STATE_TEXT)
@pytest.mark.parametrize("role", ["editor", "coordinator", "steering", "member", "other_editor"])
def test_the_state_of_a_post_and_why_is_shown_to_its_author_and_approvers(client_as, posts, state, role):
    response = client_as(role).get(news_url(posts[state]))
    if state not in READS[role]:
        assert response.status_code == 404
        return
    # The author (editor), coordinators and Tajikistan's representative (the poster's country) read it.
    assert (STATE_TEXT[state] in response.content.decode()) == (role in {"editor", "coordinator", "steering"})


def buttons(html: str) -> set[str]:
    found = set()
    for name, pattern in {
        "edit": r'href="/news/[\w-]+/edit/"',
        "approve": r'action="/news/[\w-]+/approve/"',
        "decline": r'href="/news/[\w-]+/decline/"',
        "hide": r'href="/news/[\w-]+/hide/"',
        "unhide": r'action="/news/[\w-]+/unhide/"',
    }.items():
        if re.search(pattern, html):
            found.add(name)
    return found


@pytest.mark.parametrize(
    "role, state, expected",
    [
        ("anonymous", "public", set()),
        ("stakeholder", "public", set()),
        ("member", "pending", set()),
        ("other_editor", "pending", set()),
        ("editor", "pending", {"edit"}),
        ("editor", "hidden", set()),  # the author reads a hidden post but no longer edits it
        ("steering", "pending", {"approve", "decline"}),
        ("steering", "public", {"decline"}),
        ("steering", "declined", {"approve"}),
        ("steering", "members", set()),
        ("coordinator", "pending", {"edit", "approve", "decline", "hide"}),
        ("coordinator", "public", {"edit", "decline", "hide"}),
        ("coordinator", "hidden", {"edit", "unhide"}),
        ("coordinator", "members", {"edit", "hide"}),
    ],
)
def test_each_role_gets_the_buttons_its_powers_allow(client_as, posts, role, state, expected):
    assert buttons(client_as(role).get(news_url(posts[state])).content.decode()) == expected


def test_the_steering_representative_of_another_country_may_not_approve(client_as, users, other_organization):
    post = make_announcement(users["other_editor"], other_organization, audience=Audience.PUBLIC)
    assert buttons(client_as("steering").get(news_url(post)).content.decode()) == set()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_the_public_sees_nothing_about_comments(client_as, users, posts, role):
    AnnouncementComment.objects.create(announcement=posts["public"], author=users["member"], body="A members' comment")
    html = client_as(role).get(news_url(posts["public"])).content.decode()
    assert "members&#x27; comment" not in html and "members' comment" not in html
    assert "Comments" not in html and "comment" not in html.lower().split("</nav>", 1)[1].split("<footer")[0]


# anonymous: the post, its countries; members: + session, user, second-factor check, member countries, seats, and
# the comments with their writers' organizations.
@pytest.mark.parametrize("role, queries", [("anonymous", 2), ("member", 10), ("coordinator", 8)])
def test_the_page_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_num_queries, role, queries):
    client = client_as(role)
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, countries=["TJ"])
    commenters = [users["member"], users["coordinator"], users["other_editor"]]
    AnnouncementComment.objects.create(announcement=post, author=users["member"], body="First")
    with django_assert_num_queries(queries):
        assert client.get(news_url(post)).status_code == 200
    for n in range(6):
        AnnouncementComment.objects.create(announcement=post, author=commenters[n % 3], body=f"Comment {n}")
    post.countries.set(Country.objects.all())
    with django_assert_num_queries(queries):
        assert client.get(news_url(post)).status_code == 200


# The feed and the home page.


def test_the_feed_lists_only_public_posts(client, posts):
    entries = atom_entries(client.get(reverse("members:feed-news")))
    assert [entry["title"] for entry in entries] == ["News: Public launch"]
    assert entries[0]["link"].endswith(posts["public"].get_absolute_url())
    assert entries[0]["summary"] == "Two days of training for hotline staff."


def test_the_feed_marks_a_title_in_another_language(client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    post.set_texts({"ru": {"title": "Новости", "body": "Текст."}, "en": {"title": "", "body": ""}})
    post.original_language = "ru"
    post.save()
    assert atom_entries(client.get(reverse("members:feed-news")))[0]["title"] == "News: Новости (Russian)"


@pytest.mark.parametrize("count", [1, 30])
def test_the_feed_runs_one_query_and_stops_at_thirty(client, users, organization, django_assert_max_num_queries, count):
    for n in range(count + 2):
        make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, countries=["TJ"],
                          title=f"Post {n}")
    with django_assert_max_num_queries(1):
        response = client.get(reverse("members:feed-news"))
    assert len(atom_entries(response)) == min(count + 2, 30)


def test_the_home_page_shows_the_latest_three_posts_the_reader_may_read(client_as, users, organization):
    for n in range(4):
        make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title=f"Public news {n}")
    make_announcement(users["editor"], organization, title="Members news")
    anonymous = client_as("anonymous").get("/").content.decode()
    assert "Public news 3" in anonymous and "Public news 1" in anonymous and "Public news 0" not in anonymous
    assert "Members news" not in anonymous
    assert 'href="/news/">All news</a>' in anonymous
    member = client_as("member").get("/").content.decode()
    assert "Members news" in member and "Public news 1" not in member


def test_the_home_page_without_news_shows_no_news_block(client, db):
    assert "All news" not in client.get("/").content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_the_home_page_news_run_a_fixed_number_of_queries(client_as, users, organization, django_assert_max_num_queries, role):
    client = client_as(role)
    make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    with django_assert_max_num_queries(16) as few:
        assert client.get("/").status_code == 200
    other = make_organization("AF", name="Another NGO")
    for _n in range(5):
        make_announcement(users["editor"], other, audience=Audience.PUBLIC, approved=True)
    with django_assert_max_num_queries(16) as many:
        assert client.get("/").status_code == 200
    assert len(many) == len(few)
