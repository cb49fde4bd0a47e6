"""The public "Join the network" form."""

from unittest import mock

import pytest
from django.urls import reverse

from members.models import Application

from ..factories import make_user
from .conftest import started

URL = reverse("members:join")


def test_anonymous_sees_the_form(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="started"' in response.content
    assert b'name="homepage"' in response.content


def test_a_good_application_is_stored_as_pending(client, join_data):
    response = client.post(URL, join_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("members:join-thanks")
    application = Application.objects.get()
    assert application.status == Application.Status.PENDING
    assert application.contact_email == "dilnoza@example.org"
    assert application.country_id == "TJ"
    assert application.focus_areas.count() == 1


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", ""),
        ("contact_email", "not-an-e-mail"),
        ("consent", ""),
        ("description", ""),
        ("website", "ftp://x.org"),
    ],
)
def test_a_bad_application_is_refused(client, join_data, field, value):
    join_data[field] = value
    response = client.post(URL, join_data)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, join_data):
    join_data["homepage"] = "http://spam.example.com"
    response = client.post(URL, join_data)
    assert response.status_code == 302
    assert not Application.objects.exists()


def test_a_form_sent_within_seconds_is_refused(client, join_data):
    join_data["started"] = started(seconds_ago=1)
    response = client.post(URL, join_data)
    assert response.status_code == 400
    assert "very fast" in response.content.decode()
    assert not Application.objects.exists()


def test_a_form_older_than_a_day_is_refused_with_a_fresh_time_stamp(client, join_data):
    import time

    with mock.patch("time.time", return_value=time.time() - 2 * 24 * 3600):
        join_data["started"] = started(seconds_ago=0)
    response = client.post(URL, join_data)
    assert response.status_code == 400
    assert "more than a day" in response.content.decode()
    assert join_data["started"] not in response.content.decode()
    assert not Application.objects.exists()


def test_a_tampered_time_stamp_is_refused(client, join_data):
    join_data["started"] = join_data["started"][:-2] + "xx"
    response = client.post(URL, join_data)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_missing_time_stamp_is_refused(client, join_data):
    del join_data["started"]
    assert client.post(URL, join_data).status_code == 400
    assert not Application.objects.exists()


def test_the_sixth_application_in_an_hour_from_one_address_is_refused_keeping_what_was_typed(
    client, join_data, settings
):
    settings.DEFAULT_FROM_EMAIL = "CTIP Secretariat <secretariat@ctip.example.org>"
    for _ in range(5):
        assert client.post(URL, dict(join_data, started=started())).status_code == 302
    response = client.post(URL, dict(join_data, started=started()))
    assert response.status_code == 429
    assert Application.objects.count() == 5
    page = response.content.decode()
    assert 'value="Hayot Women&#x27;s Centre"' in page
    assert "Shelter and legal aid for women returning from labour migration." in page
    assert "secretariat@ctip.example.org" in page
    assert "Send the application" in page


def test_forms_with_errors_do_not_count_towards_the_limit(client, join_data):
    bad = dict(join_data, contact_email="not an address")
    for _ in range(10):
        assert client.post(URL, bad).status_code == 400
    assert client.post(URL, join_data).status_code == 302
    assert Application.objects.count() == 1


def test_the_too_many_attempts_page_names_the_secretariat_address(rf, settings):
    from django.contrib.auth.models import AnonymousUser

    from members import ratelimit

    settings.DEFAULT_FROM_EMAIL = "CTIP Secretariat <secretariat@ctip.example.org>"
    request = rf.get("/")
    request.user = AnonymousUser()
    response = ratelimit.too_many_attempts(request)
    assert response.status_code == 429
    assert 'href="mailto:secretariat@ctip.example.org"' in response.content.decode()


def test_the_answer_does_not_reveal_that_an_e_mail_has_an_account(client, join_data):
    first = client.post(URL, join_data)
    make_user("existing@example.org")
    join_data["contact_email"] = "existing@example.org"
    join_data["started"] = started()
    second = client.post(URL, join_data, follow=True)
    assert first["Location"] == reverse("members:join-thanks")
    assert second.redirect_chain[-1][0] == reverse("members:join-thanks")
    assert "account" not in second.content.decode().lower().split("<main")[1]
    assert Application.objects.count() == 2


def test_the_thanks_page_explains_what_happens_next(client, db):
    response = client.get(reverse("members:join-thanks"))
    assert response.status_code == 200
    assert "The secretariat of the network will review it." in response.content.decode()


def test_anonymous_visitors_see_join_in_the_navigation(client, db):
    assert URL.encode() in client.get("/").content
