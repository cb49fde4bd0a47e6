"""A user's own account: name, language, links to password and e-mail, notification settings."""
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from members.models import NotificationPreference, User

from ..factories import make_user


def test_a_user_changes_name_and_language(client_as, users, settings):
    settings.LANGUAGES = settings.ALL_LANGUAGES  # as once the Russian catalogue is compiled
    response = client_as("member").post(
        reverse("members:account"), {"first_name": "Ali", "last_name": "Rahimi", "language": "ru"}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    user = User.objects.get(pk=users["member"].pk)
    assert (user.first_name, user.language) == ("Ali", "ru")


def test_an_unknown_language_is_refused(client_as, users):
    response = client_as("member").post(
        reverse("members:account"), {"first_name": "A", "last_name": "B", "language": "xx"}
    )
    assert response.status_code == 400
    assert User.objects.get(pk=users["member"].pk).language == ""


def test_the_account_page_links_to_password_and_e_mail_management(client_as):
    content = client_as("member").get(reverse("members:account")).content.decode()
    assert reverse("account_change_password") in content
    assert reverse("account_email") in content
    assert reverse("members:notification-settings") in content


def test_e_mail_management_renders_inside_the_portal_layout(client_as):
    response = client_as("member").get(reverse("account_email"))
    assert response.status_code == 200
    assert "portal-header" in response.content.decode()


def test_logging_in_switches_to_the_users_language(client, db, settings):
    make_user("fa.user@example.org", language="fa", second_factor=False)
    response = client.post(reverse("account_login"), {"login": "fa.user@example.org", "password": "test-pass-123"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fa"


def test_logging_in_without_a_language_keeps_the_cookie_alone(client, db, settings):
    make_user("plain@example.org", second_factor=False)
    response = client.post(reverse("account_login"), {"login": "plain@example.org", "password": "test-pass-123"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_logged_in_users_see_my_account_in_the_navigation(client_as):
    assert reverse("members:account") in client_as("member").get("/").content.decode()
    assert reverse("members:account") not in client_as("anonymous").get("/").content.decode()


def test_notification_settings_are_saved(client_as, users):
    response = client_as("member").post(
        reverse("members:notification-settings"),
        {"review_published": "on", "review_countries": ["AF", "PK"], "new_members": "on", "frequency": "immediate"},
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=users["member"])
    assert set(preference.review_countries.values_list("code", flat=True)) == {"AF", "PK"}
    assert not preference.review_all_countries
    assert not preference.forums and not preference.overview_published
    assert preference.new_members
    assert preference.frequency == "immediate"


def test_reviews_of_selected_countries_need_a_country(client_as, users):
    response = client_as("member").post(
        reverse("members:notification-settings"), {"review_published": "on", "frequency": "weekly"}
    )
    assert response.status_code == 400
    assert "at least one country" in response.content.decode()


def test_the_settings_page_shows_the_defaults(client_as):
    response = client_as("member").get(reverse("members:notification-settings"))
    assert response.status_code == 200
    assert re.search(r'value="weekly"[^>]*checked', response.content.decode())


def test_the_directory_tab_is_not_highlighted_on_the_account_page(client_as):
    content = client_as("member").get(reverse("members:account")).content.decode()
    assert re.search(r'class="nav-link active" href="/members/account/"', content)
    assert not re.search(r'class="nav-link active" href="/members/"', content)
    directory = client_as("member").get(reverse("members:directory")).content.decode()
    assert re.search(r'class="nav-link active" href="/members/"', directory)


def test_e_mail_page_uses_the_portal_form_style(client_as):
    content = client_as("member").get(reverse("account_email")).content.decode()
    assert "form-check-input" in content
    assert reverse("members:account") in content


def test_languages_without_a_translation_are_not_offered(client, db, settings):
    settings.LANGUAGES = [("en", "English")]  # no catalogue under locale/ yet
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fa,en;q=0.5")
    html = response.content.decode()
    assert 'lang="en" dir="ltr"' in html
    assert 'name="language"' not in html


def test_a_translated_right_to_left_language_gets_the_rtl_layout(client, db, settings):
    settings.LANGUAGES = settings.ALL_LANGUAGES
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="fa").content.decode()
    assert 'lang="fa" dir="rtl"' in html
    assert "bootstrap.rtl.min.css" in html


def test_switching_language_is_remembered_in_the_cookie_and_the_account(client_as, users):
    client = client_as("member")
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/members/"})
    assert response.status_code == 302
    assert response["Location"] == "/members/"
    assert response.cookies["django_language"].value == "ru"
    users["member"].refresh_from_db()
    assert users["member"].language == "ru"


def test_an_anonymous_visitor_switches_by_cookie_only(client):
    response = client.post("/i18n/setlang/", {"language": "fa", "next": "/"})
    assert response.cookies["django_language"].value == "fa"


def test_an_unknown_language_changes_nothing(client_as, users):
    client_as("member").post("/i18n/setlang/", {"language": "xx", "next": "/"})
    users["member"].refresh_from_db()
    assert users["member"].language == ""


def test_each_language_of_a_page_has_its_own_address_announced_with_hreflang(client, db):
    page = client.get("/members/").content.decode()
    assert '<link rel="alternate" hreflang="fa" href="http://testserver/members/?lang=fa">' in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/members/">' in page
    dari = client.get("/members/?lang=fa")
    assert '<html lang="fa" dir="rtl">' in dari.content.decode()
    assert "django_language" not in dari.cookies  # the visitor's own choice is not changed


def test_switching_language_from_a_lang_address_drops_it(client):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/members/?q=x&lang=fa"})
    assert response["Location"] == "/members/?q=x"


def test_an_expired_confirmation_link_explains_itself_in_the_readers_language(client, db):
    response = client.get("/accounts/confirm-email/not-a-key/")
    assert response.status_code == 200
    assert "This confirmation link has expired or is not valid." in response.content.decode()
    client.cookies["django_language"] = "fa"
    assert "این لینک تأیید منقضی شده یا معتبر نیست." in client.get("/accounts/confirm-email/not-a-key/").content.decode()


@pytest.mark.parametrize(
    ("accept", "lang", "direction"), [("fa-AF,fa;q=0.9", "fa", "rtl"), ("ps", "ps", "rtl"), ("ru-RU", "ru", "ltr")]
)
def test_a_first_visit_follows_the_browsers_languages(client, db, accept, lang, direction):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in page


def test_a_visitor_switches_language_without_a_form_token(db):
    """The language menu of public pages carries no CSRF token (so they can be served from the page cache):
    the switch only sets a cookie for a visitor who is not logged in."""
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post(reverse("set_language"), {"language": "ru", "next": "/members/"})
    assert response.status_code == 302 and response["Location"] == "/members/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_a_logged_in_users_switch_still_needs_the_form_token(users):
    """For a logged-in user the switch also changes the account: another site must not do it for them."""
    member = Client(enforce_csrf_checks=True)
    member.force_login(users["member"])
    response = member.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert response.status_code == 403
    users["member"].refresh_from_db()
    assert users["member"].language != "ru"
    page = member.get("/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = member.post(reverse("set_language"), {"language": "ru", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    users["member"].refresh_from_db()
    assert users["member"].language == "ru"
