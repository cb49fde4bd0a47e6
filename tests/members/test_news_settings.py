"""The announcement choices of /members/account/notifications/: on or off, which kinds, which countries, comments."""

import re

import pytest
from django.urls import reverse

from members.models import NotificationPreference

URL = reverse("members:notification-settings")


def settings_data(**changes) -> dict:
    data = {
        "review_published": "on",
        "review_all_countries": "on",
        "announcements": "on",
        "announcement_kinds": ["news", "event", "call", "publication", "vacancy"],
        "announcement_all_countries": "on",
        "comments": "on",
        "frequency": "immediate",
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def preference(users) -> NotificationPreference:
    return NotificationPreference.objects.get(user=users["member"])


def test_the_page_shows_the_announcement_choices_ticked_by_default(client_as, users):
    html = client_as("member").get(URL).content.decode()
    assert "Announcements of the network" in html
    for kind in ("news", "event", "call", "publication", "vacancy"):
        assert re.search(rf'type="checkbox"[^>]*name="announcement_kinds" value="{kind}"[^>]*checked', html), kind
    assert re.search(r'name="announcements"[^>]*checked', html)
    assert re.search(r'name="announcement_all_countries"[^>]*checked', html)
    assert re.search(r'name="comments"[^>]*checked', html)
    assert 'name="announcement_countries" value="AF"' in html


def test_chosen_kinds_are_saved_and_shown_again(client_as, users):
    client = client_as("member")
    response = client.post(URL, settings_data(announcement_kinds=["event", "vacancy"]))
    assert response.status_code == 302
    assert preference(users).announcement_kinds == ",event,vacancy,"
    html = client.get(URL).content.decode()
    assert re.search(r'name="announcement_kinds" value="event"[^>]*checked', html)
    assert not re.search(r'name="announcement_kinds" value="news"[^>]*checked', html)


def test_chosen_countries_are_saved(client_as, users):
    response = client_as("member").post(
        URL, settings_data(announcement_all_countries=None, announcement_countries=["AF", "TJ"])
    )
    assert response.status_code == 302
    saved = preference(users)
    assert not saved.announcement_all_countries
    assert set(saved.announcement_countries.values_list("code", flat=True)) == {"AF", "TJ"}


def test_announcements_and_comments_are_turned_off(client_as, users):
    response = client_as("member").post(
        URL, settings_data(announcements=None, comments=None, announcement_kinds=[], announcement_all_countries=None)
    )
    assert response.status_code == 302
    saved = preference(users)
    assert not saved.announcements and not saved.comments


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"announcement_kinds": []}, "Choose at least one kind of announcement, or turn announcements off."),
        ({"announcement_all_countries": None}, "Choose at least one country, or tick"),
        ({"announcement_kinds": ["gossip"]}, "Select a valid choice. gossip is not one of the available choices."),
        ({"announcement_all_countries": None, "announcement_countries": ["XX"]}, "Select a valid choice."),
    ],
)
def test_bad_choices_are_refused_and_nothing_is_saved(client_as, users, changes, message):
    response = client_as("member").post(URL, settings_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&quot;", '"')
    assert not NotificationPreference.objects.filter(user=users["member"], frequency="immediate").exists()


def test_the_settings_page_needs_a_login(client):
    assert client.get(URL).status_code == 302
