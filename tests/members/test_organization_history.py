"""Change history of organizations, services, people and staff."""

import pytest
from django.urls import reverse

from ..factories import make_service


def edit_profile(client, organization, **changes):
    """Save the real edit form with some fields changed."""
    data = {
        "description_en": organization.description_en or "",
        "city": organization.city,
        "services-TOTAL_FORMS": 0,
        "services-INITIAL_FORMS": 0,
        "people-TOTAL_FORMS": 0,
        "people-INITIAL_FORMS": 0,
    }
    form = client.get(reverse("members:organization-edit", args=[organization.slug])).context["form"]
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or name == "logo":
            continue
        if name == "focus_areas":
            value = [getattr(v, "pk", v) for v in value]
        data.setdefault(name, value)
    data.update(changes)
    return client.post(reverse("members:organization-edit", args=[organization.slug]), data)


def test_an_edit_records_who_changed_what(client_as, users, organization):
    response = edit_profile(client_as("editor"), organization, city="Khujand")
    assert response.status_code == 302, response.content.decode()[:2000]
    record = organization.history.latest()
    assert record.history_user == users["editor"]
    assert record.history_type == "~"
    delta = record.diff_against(record.prev_record)
    # The form's first save writes "" where no text was (None): not a change, and the history does not show it.
    assert [(c.field, c.new) for c in delta.changes if c.old or c.new] == [("city", "Khujand")]


def test_the_history_page_shows_the_change_to_editors_and_coordinators(client_as, organization):
    edit_profile(client_as("editor"), organization, city="Khujand")
    make_service(organization, name="Helpline 1313")
    for role in ("editor", "coordinator"):
        content = (
            client_as(role).get(reverse("members:organization-history", args=[organization.slug])).content.decode()
        )
        assert "Khujand" in content
        assert "editor@example.org" in content
        assert "Helpline 1313" in content


@pytest.mark.parametrize(
    "role, expected", [("member", 403), ("other_editor", 403), ("steering", 403), ("anonymous", 302)]
)
def test_others_cannot_read_the_history(client_as, organization, role, expected):
    assert (
        client_as(role).get(reverse("members:organization-history", args=[organization.slug])).status_code == expected
    )


def test_the_history_page_runs_a_fixed_number_of_queries(client_as, organization, django_assert_max_num_queries):
    for n in range(15):
        service = make_service(organization, name=f"Service {n}")
        service.city = "Dushanbe"
        service.save()
    client = client_as("editor")
    with django_assert_max_num_queries(14):
        assert client.get(reverse("members:organization-history", args=[organization.slug])).status_code == 200


def test_recent_changes_lists_changes_across_the_network(
    client_as, organization, other_organization, django_assert_max_num_queries
):
    for n in range(10):
        make_service(other_organization, name=f"PK service {n}")
    client = client_as("coordinator")
    with django_assert_max_num_queries(24):
        content = client.get(reverse("members:recent-changes")).content.decode()
    assert "PK service 9" in content
    assert "Madina Test NGO" in content
    assert reverse("members:organization-history", args=[other_organization.slug]) in content


def test_deleting_a_service_is_recorded(client_as, organization):
    service = make_service(organization, name="Old shelter")
    service.delete()
    content = (
        client_as("coordinator").get(reverse("members:organization-history", args=[organization.slug])).content.decode()
    )
    assert "deleted" in content


def test_accepting_an_invitation_records_the_new_user_in_the_history(client, users, organization):
    from members.models import Invitation, Membership

    _, token = Invitation.issue(organization, "new@example.org", "member", users["editor"])
    password = "Kabul-forum-2018!"
    client.post(
        reverse("members:invitation", args=[token]),
        {"first_name": "A", "last_name": "B", "password1": password, "password2": password},
    )
    record = Membership.history.latest()
    assert record.history_user.email == "new@example.org"


def test_role_changes_show_readable_values(client_as, users, organization):
    from members.models import Membership

    client_as("editor").post(
        reverse("members:staff-role", args=[organization.slug, Membership.objects.get(user=users["member"]).pk]),
        {"role": "editor"},
    )
    content = client_as("editor").get(reverse("members:organization-history", args=[organization.slug])).content.decode()
    assert "<del>Member</del> <span class=\"forward-arrow\" aria-hidden=\"true\">→</span> <span>Editor</span>" in content


def test_recent_changes_show_what_changed(client_as, organization):
    edit_profile(client_as("editor"), organization, city="Dushanbe")
    edit_profile(client_as("editor"), organization, city="Khujand")
    content = client_as("coordinator").get(reverse("members:recent-changes")).content.decode()
    arrow = '<span class="forward-arrow" aria-hidden="true">→</span>'
    assert f"<strong>City</strong>: <del>Dushanbe</del> {arrow} <span>Khujand</span>" in content
    assert "editor@example.org" in content


def test_recent_changes_show_what_changed_with_a_fixed_number_of_queries(
    client_as, organization, other_organization, django_assert_max_num_queries
):
    for n in range(30):
        service = make_service(other_organization if n % 2 else organization, name=f"Service {n}")
        service.city = f"City {n}"
        service.save()
    client = client_as("coordinator")
    with django_assert_max_num_queries(24):
        content = client.get(reverse("members:recent-changes")).content.decode()
    assert content.count("<strong>City</strong>:") == 30


def test_recent_changes_compare_the_oldest_shown_change_with_the_row_before_it(client_as, organization, monkeypatch):
    from members import history

    service = make_service(organization, name="Helpline")
    service.city = "Khorog"
    service.save()
    monkeypatch.setattr(history, "RECENT_LIMIT", 1)
    content = client_as("coordinator").get(reverse("members:recent-changes")).content.decode()
    assert "→</span> <span>Khorog</span>" in content


def test_history_times_show_their_offset_from_utc(client_as, organization, settings):
    settings.TIME_ZONE = "Asia/Kabul"
    edit_profile(client_as("editor"), organization, city="Khujand")
    for url in (reverse("members:recent-changes"), reverse("members:organization-history", args=[organization.slug])):
        assert "(UTC+0430)" in client_as("coordinator").get(url).content.decode()


def test_long_changed_values_are_cut_at_a_word_with_an_ellipsis(client_as, organization):
    words = [f"word{n:02d}" for n in range(60)]
    edit_profile(client_as("editor"), organization, description_en=" ".join(words))
    content = client_as("coordinator").get(reverse("members:recent-changes")).content.decode()
    assert "<strong>Description (English)</strong>" in content
    assert "word39 …" in content
    assert "word40" not in content

