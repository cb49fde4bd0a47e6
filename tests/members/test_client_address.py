"""The visitor's address that rate limits, the security log and the list of sessions count by."""

from django.test import RequestFactory

from members.ratelimit import client_ip


def _request():
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")


def test_without_a_proxy_the_connections_address_counts_and_x_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request()) == "10.0.0.2"


def test_behind_one_proxy_the_address_it_appended_counts_not_the_one_the_client_sent(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request()) == "203.0.113.7"
