"""Unsubscribe links in e-mails work without logging in."""

import time
from unittest import mock

from django.urls import reverse

from members.models import NotificationPreference
from members.tokens import ALL_TOPICS, make_unsubscribe_token


def url(user, topic="forums"):
    return reverse("members:unsubscribe", args=[make_unsubscribe_token(user.pk, topic)])


def test_a_valid_link_asks_then_unsubscribes_from_that_topic(client, users):
    link = url(users["member"])
    response = client.get(link)
    assert response.status_code == 200
    assert "forum is announced" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=users["member"]).exists()
    response = client.post(link)
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    preference = NotificationPreference.objects.get(user=users["member"])
    assert not preference.forums
    assert preference.new_members and preference.review_published


def test_the_digest_link_unsubscribes_from_everything(client, users):
    client.post(url(users["member"], ALL_TOPICS))
    preference = NotificationPreference.objects.get(user=users["member"])
    assert not any([preference.forums, preference.new_members, preference.review_published, preference.action_items])


def test_a_tampered_link_is_refused_clearly(client, users):
    link = url(users["member"]).replace(":", ":x", 1)
    response = client.post(link)
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_an_expired_link_says_so_and_offers_to_log_in(client, users):
    with mock.patch("time.time", return_value=time.time() - 61 * 24 * 3600):
        link = url(users["member"])
    response = client.post(link)
    assert response.status_code == 410
    content = response.content.decode()
    assert "expired" in content
    assert reverse("account_login") in content
    assert not NotificationPreference.objects.exists()


def test_a_link_with_an_unknown_topic_is_refused(client, users):
    assert client.post(url(users["member"], "gossip")).status_code == 400
