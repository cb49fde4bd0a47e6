"""/news/new/ and /news/<slug>/edit/: who posts and edits, what a post for everyone waits for, the checks of the
form, writing a post in several languages; and the admin of posts and comments."""

import re

import pytest
from django.urls import reverse

from members.models import Announcement, Audience, Notification, PublicStatus

from ..conftest import ROLES
from ..factories import make_membership, make_organization
from .test_news import make_announcement

CREATE = reverse("members:announcement-create")


def data(**changes) -> dict:
    """What the form sends for a plain news post for members, written in English."""
    return {
        "kind": "news",
        "title_en": "Awareness week in Khujand",
        "body_en": "Volunteers visit schools and markets.\nLeaflets in Tajik and Russian.",
        "audience": "members",
        **changes,
    }


def edit_url(post) -> str:
    return reverse("members:announcement-edit", args=[post.slug])


# Who may post.

STATUS_GET = {"anonymous": 302, "stakeholder": 403, "member": 200, "editor": 200, "other_editor": 200, "steering": 200,
              "coordinator": 200}


@pytest.mark.parametrize("role", ROLES)
def test_network_members_post_and_others_may_not(client_as, users, role):
    client = client_as(role)
    assert client.get(CREATE).status_code == STATUS_GET[role]
    response = client.post(CREATE, data())
    assert response.status_code == (302 if STATUS_GET[role] == 200 else STATUS_GET[role])
    assert Announcement.objects.exists() == (STATUS_GET[role] == 200)


def test_a_members_post_is_read_by_members_at_once(client_as, users, organization):
    response = client_as("member").post(CREATE, data(countries=["TJ", "AF"], place="Khujand"), follow=True)
    post = Announcement.objects.get()
    assert response.redirect_chain[-1][0] == post.get_absolute_url()
    assert "Network members can read it now" in response.content.decode()
    assert (post.author, post.organization, post.audience, post.public_status) == (
        users["member"], organization, Audience.MEMBERS, PublicStatus.NONE
    )
    assert set(post.countries.values_list("code", flat=True)) == {"TJ", "AF"}
    assert post.body_en == "Volunteers visit schools and markets.\nLeaflets in Tajik and Russian."
    assert post.original_language == "en"
    assert post.slug == "awareness-week-in-khujand"
    assert client_as("other_editor").get(post.get_absolute_url()).status_code == 200
    assert client_as("anonymous").get(post.get_absolute_url()).status_code == 404


def test_a_post_for_everyone_by_a_member_waits_for_approval(client_as, users):
    response = client_as("editor").post(CREATE, data(audience="public"), follow=True)
    post = Announcement.objects.get()
    assert post.public_status == PublicStatus.PENDING
    assert "the public will see it once a coordinator or the steering committee representative" in response.content.decode()
    assert client_as("anonymous").get(post.get_absolute_url()).status_code == 404
    assert client_as("member").get(post.get_absolute_url()).status_code == 200


def test_the_approve_flow_shows_on_the_pages(client_as, users):
    client_as("editor").post(CREATE, data(audience="public"))
    post = Announcement.objects.get()
    steering = client_as("steering")
    assert post.title_en in steering.get(reverse("members:news")).content.decode().split("Waiting for your approval")[1]
    post.approve(users["steering"])  # members/views/moderation.py approves with this
    post.save()
    assert client_as("anonymous").get(post.get_absolute_url()).status_code == 200
    assert "Waiting for your approval" not in steering.get(reverse("members:news")).content.decode()
    assert post.title_en in client_as("anonymous").get(reverse("members:news")).content.decode()


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_a_post_for_everyone_by_an_approver_is_public_at_once(client_as, users, seat_organization, role):
    response = client_as(role).post(CREATE, data(audience="public"), follow=True)
    post = Announcement.objects.get()
    assert post.is_public
    assert "Everyone can read it now" in response.content.decode()
    assert client_as("anonymous").get(post.get_absolute_url()).status_code == 200
    if role == "steering":
        assert post.organization == seat_organization


def test_a_coordinator_without_an_organization_posts_for_the_network(client_as, users):
    client_as("coordinator").post(CREATE, data())
    post = Announcement.objects.get()
    assert post.organization is None
    assert "The network's secretariat" in client_as("member").get(post.get_absolute_url()).content.decode()


def test_staff_of_several_member_organizations_choose_which_one_posts(client_as, users, organization):
    second = make_organization("AF", name="Second Afghan NGO", slug="second-af")
    make_membership(users["editor"], second)
    client = client_as("editor")
    html = client.get(CREATE).content.decode()
    assert "Posted for" in html and "Second Afghan NGO" in html and "Madina Test NGO" in html
    assert client.post(CREATE, data()).status_code == 400  # the choice is required
    assert client.post(CREATE, data(organization=second.pk)).status_code == 302
    assert Announcement.objects.get().organization == second


def test_one_may_not_post_for_an_organization_one_is_not_staff_of(client_as, users, other_organization):
    second = make_organization("AF", name="Second Afghan NGO", slug="second-af")
    make_membership(users["editor"], second)
    response = client_as("editor").post(CREATE, data(organization=other_organization.pk))
    assert response.status_code == 400
    assert not Announcement.objects.exists()


def test_staff_of_one_organization_are_not_asked_which(client_as, users):
    assert "Posted for" not in client_as("member").get(CREATE).content.decode()


def test_a_stakeholder_organizations_staff_cannot_choose_it(client_as, users, organization, stakeholder_organization):
    make_membership(users["editor"], stakeholder_organization)
    assert "Posted for" not in client_as("editor").get(CREATE).content.decode()
    client_as("editor").post(CREATE, data())
    assert Announcement.objects.get().organization == organization


# The checks of the form.


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"kind": "event"}, "event_start", "An event needs the date it starts."),
        ({"kind": "event", "event_start": "2030-05-01"}, "place", "An event needs a place."),
        ({"event_start": "2030-05-02", "event_end": "2030-05-01"}, "event_end", "The last day cannot be before the first."),
        ({"event_end": "2030-05-01"}, "event_start", "Give the first day too"),
        ({"body_en": "x" * 10_001}, "body_en", "at most 10000 characters"),
        ({"link": "ftp://files.example.org/report.pdf"}, "link", "starting with http:// or https://"),
        ({"link": "javascript:alert(1)"}, "link", "Enter a valid URL."),
        ({"title_en": ""}, "title_en", "This field is required."),
        ({"body_en": ""}, "body_en", "This field is required."),
        ({"title_en": "Line\nbreak"}, "title_en", "without line breaks"),
        ({"kind": "rumour"}, "kind", "Select a valid choice."),
        ({"audience": "friends"}, "audience", "Select a valid choice."),
        ({"countries": ["XX"]}, "countries", "Select a valid choice."),
        ({"deadline": "soon"}, "deadline", "Enter a valid date."),
    ],
)
def test_bad_input_is_refused_with_a_reason(client_as, users, changes, field, message):
    response = client_as("editor").post(CREATE, data(**changes))
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert "Nothing was posted." in response.content.decode()
    assert not Announcement.objects.exists()
    assert not Notification.objects.exists()


def test_an_event_with_its_dates_and_place_is_posted(client_as, users):
    response = client_as("editor").post(
        CREATE, data(kind="event", event_start="2030-05-01", event_end="2030-05-02", place="Dushanbe",
                     link="https://www.iom.int/news", deadline="2030-04-15"),
    )
    assert response.status_code == 302
    post = Announcement.objects.get()
    assert (str(post.event_start), str(post.event_end), post.place, str(post.deadline), post.link) == (
        "2030-05-01", "2030-05-02", "Dushanbe", "2030-04-15", "https://www.iom.int/news"
    )


def test_dates_typed_with_persian_digits_are_read(client_as, users):
    client_as("editor").post(CREATE, data(kind="event", event_start="۲۰۳۰-۰۵-۰۱", place="Kabul"))
    assert str(Announcement.objects.get().event_start) == "2030-05-01"


def test_the_form_offers_the_eight_languages_and_writes_in_the_chosen_one(client_as, users):
    client = client_as("editor")
    html = client.get(CREATE, {"content": "ru"}).content.decode()
    assert 'name="title_ru"' in html and 'lang="ru"' in html and "?content=fa" in html
    assert client.post(f"{CREATE}?content=ru", {"kind": "news", "title_ru": "Неделя", "body_ru": "Текст.",
                                                "audience": "members"}).status_code == 302
    post = Announcement.objects.get()
    assert (post.original_language, post.title_ru, post.title_en or "") == ("ru", "Неделя", "")
    assert post.slug == "nedelya"  # the title in Latin letters


def test_the_form_is_a_crispy_form_with_checkboxes_and_radio_buttons(client_as, users):
    html = client_as("editor").get(CREATE).content.decode()
    assert re.search(r'<input type="checkbox" class="form-check-input"\s+name="countries" value="AF"', html)
    assert re.search(r'<input type="radio" class="form-check-input"\s+name="audience" value="members"', html)
    assert re.search(r'<input type="radio" class="form-check-input"\s+name="kind" value="event"', html)
    assert re.search(r'<input type="date" name="event_start"', html)


# Editing.


@pytest.fixture
def own_post(users, organization):
    return make_announcement(users["editor"], organization, title="Original title", body="Original text.")


STATUS_EDIT = {"anonymous": 302, "member": 403, "editor": 200, "other_editor": 403, "stakeholder": 404, "steering": 403,
               "coordinator": 200}


@pytest.mark.parametrize("role", ROLES)
def test_its_author_and_coordinators_edit_a_post(client_as, own_post, role):
    client = client_as(role)
    assert client.get(edit_url(own_post)).status_code == STATUS_EDIT[role]
    response = client.post(edit_url(own_post), data(title_en="Changed title"))
    assert response.status_code == (302 if STATUS_EDIT[role] == 200 else STATUS_EDIT[role])
    own_post.refresh_from_db()
    assert (own_post.title_en == "Changed title") == (STATUS_EDIT[role] == 200)


def test_an_edit_keeps_the_address_and_the_author(client_as, users, own_post):
    client_as("coordinator").post(edit_url(own_post), data(title_en="Changed title"))
    own_post.refresh_from_db()
    assert (own_post.slug, own_post.author) == ("original-title", users["editor"])


def test_a_hidden_post_is_not_edited_by_its_author(client_as, users, own_post):
    own_post.hide(users["coordinator"], "Check the facts.")
    own_post.save()
    assert client_as("editor").get(edit_url(own_post)).status_code == 403
    assert client_as("editor").post(edit_url(own_post), data(title_en="Changed")).status_code == 403
    assert client_as("member").get(edit_url(own_post)).status_code == 404


def test_a_translation_is_added_without_touching_the_original(client_as, users, own_post):
    client = client_as("editor")
    html = client.get(edit_url(own_post), {"content": "fa"}).content.decode()
    assert 'name="title_fa"' in html and 'dir="rtl"' in html and "Original text." in html  # the text to translate from
    response = client.post(f"{edit_url(own_post)}?content=fa", data(title_fa="عنوان", body_fa="متن."))
    assert response.status_code == 302
    own_post.refresh_from_db()
    assert (own_post.title_en, own_post.title_fa, own_post.body_fa, own_post.original_language) == (
        "Original title", "عنوان", "متن.", "en"
    )
    assert "Original text." in client_as("member").get(own_post.get_absolute_url()).content.decode()


def test_a_change_by_its_author_sends_a_public_post_back_for_approval(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Public post")
    response = client_as("editor").post(edit_url(post), data(title_en="Public post, corrected", audience="public"), follow=True)
    post.refresh_from_db()
    assert post.public_status == PublicStatus.PENDING
    assert "it is waiting for approval again before the public sees it" in response.content.decode()
    assert client_as("anonymous").get(post.get_absolute_url()).status_code == 404


def test_saving_a_public_post_unchanged_keeps_it_public(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Public post",
                             body="Line one.\nLine two.", countries=["TJ"])
    # A browser sends the text back with CRLF line ends.
    client_as("editor").post(edit_url(post), data(title_en="Public post", body_en="Line one.\r\nLine two.",
                                                  audience="public", countries=["TJ"]))
    post.refresh_from_db()
    assert post.public_status == PublicStatus.APPROVED


def test_a_change_to_a_post_kept_for_members_asks_again(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, title="Declined post")
    post.decline(users["coordinator"], "Remove the names.")
    post.save()
    client_as("editor").post(edit_url(post), data(title_en="Declined post without names", audience="public"))
    post.refresh_from_db()
    assert post.public_status == PublicStatus.PENDING


def test_a_coordinators_correction_keeps_a_public_post_public(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Public post")
    client_as("coordinator").post(edit_url(post), data(title_en="Public post, typo fixed", audience="public"))
    post.refresh_from_db()
    assert post.public_status == PublicStatus.APPROVED


def test_a_coordinators_correction_does_not_approve_a_waiting_post(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, title="Waiting post")
    client_as("coordinator").post(edit_url(post), data(title_en="Waiting post, typo fixed", audience="public"))
    post.refresh_from_db()
    assert post.public_status == PublicStatus.PENDING


def test_the_author_turns_a_public_post_into_a_members_only_one(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    client_as("editor").post(edit_url(post), data(audience="members"))
    post.refresh_from_db()
    assert (post.audience, post.public_status) == (Audience.MEMBERS, PublicStatus.NONE)


def test_a_members_post_made_public_by_its_author_waits_for_approval(client_as, users, own_post):
    client_as("editor").post(edit_url(own_post), data(audience="public"))
    own_post.refresh_from_db()
    assert own_post.public_status == PublicStatus.PENDING


def test_an_edit_with_bad_input_changes_nothing(client_as, own_post):
    response = client_as("editor").post(edit_url(own_post), data(kind="event"))
    assert response.status_code == 400
    own_post.refresh_from_db()
    assert own_post.kind == "news" and own_post.title_en == "Original title"


def test_the_edit_form_runs_few_queries(client_as, own_post, django_assert_num_queries):
    client = client_as("editor")
    # session, user, second-factor check, member countries, seats; the post, its countries, the countries to tick
    with django_assert_num_queries(9):
        assert client.get(edit_url(own_post)).status_code == 200


# The admin.


@pytest.mark.parametrize("name", ["announcement", "announcementcomment"])
def test_the_coordinator_manages_posts_and_comments_in_the_admin(client_as, users, own_post, name):
    from members.models import AnnouncementComment

    comment = AnnouncementComment.objects.create(announcement=own_post, author=users["member"], body="Admin comment")
    obj = own_post if name == "announcement" else comment
    coordinator = client_as("coordinator")
    assert coordinator.get(reverse(f"admin:members_{name}_changelist")).status_code == 200
    assert coordinator.get(reverse(f"admin:members_{name}_change", args=[obj.pk])).status_code == 200
    assert client_as("editor").get(reverse(f"admin:members_{name}_changelist")).status_code == 302


def test_the_edit_page_says_when_a_change_waits_for_approval_again(client_as, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    sentence = "after a change, it waits for approval again"
    assert sentence in client_as("editor").get(edit_url(post)).content.decode()
    assert sentence not in client_as("coordinator").get(edit_url(post)).content.decode()
