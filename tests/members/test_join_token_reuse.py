"""The join form's signed time stamp is good for one application: a script cannot replay one form many times."""

from unittest import mock

from django.urls import reverse

from members.forms.joining import ApplicationForm
from members.models import Application

URL = reverse("members:join")
ALREADY_SENT = "This form was already sent"


def test_the_same_form_sent_twice_stores_one_application(client, join_data):
    assert client.post(URL, join_data).status_code == 302
    response = client.post(URL, join_data)
    assert response.status_code == 400
    page = response.content.decode()
    assert ALREADY_SENT in page
    assert Application.objects.count() == 1
    # The form comes back with what was typed and a fresh time stamp, so it can be sent again on purpose.
    assert "Hayot Women&#x27;s Centre" in page
    assert join_data["started"] not in page


def test_a_time_stamp_from_another_visitors_form_cannot_be_reused(client, join_data):
    assert client.post(URL, join_data).status_code == 302
    client.cookies.clear()
    for _ in range(3):
        assert client.post(URL, dict(join_data, contact_email="bot@example.org")).status_code == 400
    assert Application.objects.count() == 1


def test_forms_with_errors_do_not_use_up_the_time_stamp(client, join_data):
    assert client.post(URL, dict(join_data, contact_email="not an address")).status_code == 400
    assert client.post(URL, join_data).status_code == 302
    assert Application.objects.count() == 1


def test_a_refused_application_over_the_rate_limit_does_not_use_up_the_time_stamp(client, join_data):
    with mock.patch("members.views.joining.JOIN_LIMIT.exceeded", return_value=True):
        assert client.post(URL, join_data).status_code == 429
    assert client.post(URL, join_data).status_code == 302


def test_two_forms_sent_at_the_same_moment_store_one_application(client, join_data):
    """Both pass validation before either is saved (a double click): only the first to claim the stamp is saved."""
    original = ApplicationForm.clean
    other = []

    def clean_while_the_other_is_sent(form):
        cleaned = original(form)
        if not other:
            other.append("sending")
            other.append(client.post(URL, join_data).status_code)
        return cleaned

    with mock.patch.object(ApplicationForm, "clean", clean_while_the_other_is_sent):
        response = client.post(URL, join_data)
    assert other == ["sending", 302]
    assert response.status_code == 400
    assert ALREADY_SENT in response.content.decode()
    assert Application.objects.count() == 1
