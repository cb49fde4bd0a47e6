"""The network's annual report: who sees and publishes it, what it contains, and that a published one is frozen."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from countryreviews.models import ReviewRevision
from forums.models import ActionItem, Forum
from members.models import Application, Audience, Notification, NotificationPreference, Organization, PublicStatus, Topic
from network_portal.annual_report import ReportError, publish_report, snapshot_of
from network_portal.models import AnnualReport

from ..countryreviews.factories import make_overview, make_revision
from ..factories import make_announcement, make_organization
from ..forums.factories import make_action_item, make_forum, make_recommendation

YEAR = 2018
MANAGERS = ["steering", "coordinator"]
OTHERS = ["member", "editor", "other_editor", "stakeholder"]


def at(year, month=6, day=15):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def make_report(year=YEAR, published=False, **extra):
    report = AnnualReport.objects.create(year=year, **extra)
    if published:
        publish_report(report, None)
        report.refresh_from_db()
    return report


def page(client, year=YEAR, query=""):
    response = client.get(reverse("annual-report", args=[year]) + query)
    return response, response.content.decode()


@pytest.fixture
def kabul(db):
    """A forum held in 2018 with two recommendations and an action item in each state."""
    forum = make_forum("kabul-2018", start=datetime.date(2018, 8, 27), end=datetime.date(2018, 8, 28),
                       country="AF", city="Kabul", title="Kabul forum")
    make_recommendation(forum)
    make_recommendation(forum)
    make_action_item(forum, status=ActionItem.Status.DONE)
    make_action_item(forum, status=ActionItem.Status.IN_PROGRESS, due_date=datetime.date(2099, 1, 1))
    make_action_item(forum, status=ActionItem.Status.PLANNED, due_date=datetime.date(2018, 12, 31))  # overdue
    make_action_item(forum, status=ActionItem.Status.DROPPED)
    return forum


# --- who sees what --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", *OTHERS, *MANAGERS])
def test_a_published_report_is_public_and_a_draft_only_for_managers(client_as, role, db):
    make_report(2018, published=True)
    make_report(2017)
    client = client_as(role)
    assert page(client, 2018)[0].status_code == 200
    assert page(client, 2017)[0].status_code == (200 if role in MANAGERS else 404)
    listing = client.get(reverse("annual-reports")).content.decode()
    assert "/reports/2018/" in listing
    assert ("/reports/2017/" in listing) == (role in MANAGERS)
    assert ('action="/reports/new/"' in listing) == (role in MANAGERS)


@pytest.mark.parametrize("role", OTHERS)
def test_others_may_not_start_edit_or_publish(client_as, role, db):
    make_report(2017)
    make_report(2018, published=True)
    client = client_as(role)
    assert client.post(reverse("annual-report-create"), {"year": 2016}).status_code == 403
    assert client.get(reverse("annual-report-edit", args=[2017])).status_code == 404  # a draft they cannot see
    assert client.post(reverse("annual-report-publish", args=[2017])).status_code == 404
    assert client.get(reverse("annual-report-edit", args=[2018])).status_code == 403  # published: seen, not theirs
    assert client.post(reverse("annual-report-publish", args=[2018])).status_code == 403
    assert AnnualReport.objects.get(year=2017).status == AnnualReport.Status.DRAFT
    assert not AnnualReport.objects.filter(year=2016).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    make_report(2017)
    for name, args in [("annual-report-create", []), ("annual-report-edit", [2017]), ("annual-report-publish", [2017])]:
        response = client.post(reverse(name, args=args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert AnnualReport.objects.get(year=2017).status == AnnualReport.Status.DRAFT


@pytest.mark.parametrize("role", MANAGERS)
def test_managers_start_a_report_for_a_past_or_current_year_only(client_as, role, db):
    client = client_as(role)
    future = timezone.localdate().year + 1
    response = client.post(reverse("annual-report-create"), {"year": future})
    assert response.status_code == 400
    assert "The year cannot be in the future." in response.content.decode()
    assert client.post(reverse("annual-report-create"), {"year": "x"}).status_code == 400
    response = client.post(reverse("annual-report-create"), {"year": 2018})
    assert response.status_code == 302 and response["Location"] == "/reports/2018/"
    assert AnnualReport.objects.get(year=2018).status == AnnualReport.Status.DRAFT
    assert client.post(reverse("annual-report-create"), {"year": 2018}).status_code == 400  # one per year
    assert AnnualReport.objects.count() == 1


def test_the_title_and_introduction_are_written_one_language_at_a_time(client_as, db):
    make_report(2018, title_en="Report 2018", introduction_en="English introduction.")
    client = client_as("steering")
    url = reverse("annual-report-edit", args=[2018])
    form = client.get(url + "?content=ru").content.decode()
    assert 'name="introduction_ru"' in form and 'name="introduction_en"' not in form
    response = client.post(url + "?content=ru", {"title_ru": "Отчёт 2018", "introduction_ru": "Введение."})
    assert response.status_code == 302
    report = AnnualReport.objects.get(year=2018)
    assert (report.introduction_en, report.introduction_ru) == ("English introduction.", "Введение.")
    assert report.title_ru == "Отчёт 2018"
    bad = client.post(url + "?content=en", {"title_en": "Bad\x07title", "introduction_en": "x"})
    assert bad.status_code == 400


def test_a_published_report_cannot_be_edited_or_published_again(client_as, db):
    make_report(2018, published=True, introduction_en="Frozen.")
    client = client_as("coordinator")
    response = client.post(reverse("annual-report-edit", args=[2018]), {"title_en": "New", "introduction_en": "Changed."})
    assert response.status_code == 302
    assert AnnualReport.objects.get(year=2018).introduction_en == "Frozen."
    report = AnnualReport.objects.get(year=2018)
    with pytest.raises(ReportError):
        publish_report(report, None)
    response = client.post(reverse("annual-report-publish", args=[2018]), follow=True)
    assert "already published" in response.content.decode()


# --- publishing ------------------------------------------------------------------------------------------------


def test_the_confirmation_page_lists_what_will_be_frozen_and_the_empty_sections(client_as, kabul):
    make_report(2018)
    response = client_as("steering").get(reverse("annual-report-publish", args=[2018]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 forum held" in html
    assert "These sections have nothing to report" in html
    assert "Announcements</li>" in html and "Forums held</li>" not in html
    assert AnnualReport.objects.get(year=2018).status == AnnualReport.Status.DRAFT  # a GET publishes nothing


def test_publishing_freezes_the_report_and_announces_it_once(client_as, users, kabul):
    make_report(2018)
    NotificationPreference.objects.create(user=users["member"], annual_report=False)
    client = client_as("steering")
    response = client.post(reverse("annual-report-publish", args=[2018]))
    assert response.status_code == 302
    report = AnnualReport.objects.get(year=2018)
    assert report.is_published and report.published_by == users["steering"]
    assert report.snapshot["forums"][0]["recommendations"] == 2
    sent = Notification.objects.filter(topic=Topic.ANNUAL_REPORT)
    recipients = set(sent.values_list("user", flat=True))
    assert users["editor"].pk in recipients and users["member"].pk not in recipients  # who turned it off
    assert users["stakeholder"].pk not in recipients  # not a network member
    assert sent.filter(user=users["editor"]).get().url == "/reports/2018/"
    count = sent.count()
    assert client.post(reverse("annual-report-publish", args=[2018])).status_code == 302
    assert Notification.objects.filter(topic=Topic.ANNUAL_REPORT).count() == count


def test_a_published_report_does_not_change_when_its_records_do(client, kabul):
    make_report(2018, published=True)
    html = page(client)[1]
    assert "Kabul forum" in html
    Forum.objects.filter(pk=kabul.pk).update(title_en="Renamed forum")
    ActionItem.objects.filter(forum=kabul).update(status=ActionItem.Status.DONE)
    make_forum("later", start=datetime.date(2018, 10, 1), title="Added later")
    after = page(client)[1]
    assert "Renamed forum" not in after and "Added later" not in after
    assert after == html


def test_a_draft_shows_the_records_as_they_are_now(client_as, kabul):
    make_report(2018)
    client = client_as("coordinator")
    Forum.objects.filter(pk=kabul.pk).update(title_en="Renamed forum")
    assert "Renamed forum" in page(client)[1]


def test_each_reader_gets_the_stored_texts_in_their_language(client, kabul):
    Forum.objects.filter(pk=kabul.pk).update(title_ru="Кабульский форум")
    make_report(2018, published=True)
    Forum.objects.filter(pk=kabul.pk).update(title_ru="", title_en="Changed")
    assert "Кабульский форум" in page(client, query="?lang=ru")[1]
    html = page(client, query="?lang=fa")[1]
    assert "Kabul forum" in html and "Changed" not in html
    # Choice labels are stored as codes and translated when shown.
    assert AnnualReport.objects.get(year=2018).snapshot["forums"][0]["kind"] == Forum.Kind.REGIONAL_NGO


# --- what the sections contain ---------------------------------------------------------------------------------


def test_only_the_years_held_forums_are_in_it_with_their_follow_up(kabul):
    make_forum("dushanbe", start=datetime.date(2017, 6, 22), title="Dushanbe forum")
    make_forum("planned-2018", start=datetime.date(2018, 11, 1), title="Planned", status=Forum.Status.PLANNED)
    data = snapshot_of(AnnualReport(year=2018), today=datetime.date(2019, 1, 31))
    assert [f["url"] for f in data["forums"]] == ["/forums/kabul-2018/"]
    assert data["forums"][0]["actions"] == {"done": 1, "in_progress": 1, "overdue": 1, "dropped": 1}
    assert data["figures"] | {"members_by_country": None} == {
        "members_by_country": None, "forums": 1, "recommendations": 2, "actions_done": 1, "actions": 4
    }


def test_only_public_announcements_of_the_year_are_in_it(users, organization):
    member = users["member"]
    make_announcement(member, organization, title="Public 2018", created_at=at(2018))
    make_announcement(member, organization, title="Members 2018", audience=Audience.MEMBERS, created_at=at(2018))
    make_announcement(member, organization, title="Waiting 2018", public_status=PublicStatus.PENDING, created_at=at(2018))
    hidden = make_announcement(member, organization, title="Hidden 2018", created_at=at(2018))
    hidden.hide(users["coordinator"], "A reason.")
    hidden.save()
    make_announcement(member, organization, title="Public 2017", created_at=at(2017))
    titles = [a["title"]["texts"]["en"] for a in snapshot_of(AnnualReport(year=2018))["announcements"]]
    assert titles == ["Public 2018"]


def test_membership_changes_name_members_and_former_members_never_applicants(db):
    joined = make_organization("TJ", name="Joined NGO")
    left = make_organization("PK", name="Left NGO")
    applicant = make_organization("TJ", name="Applicant NGO", membership_status=Organization.MembershipStatus.APPLICANT)
    Organization.history.model.objects.filter(id__in=[joined.pk, left.pk, applicant.pk]).update(history_date=at(2018, 3))
    left.membership_status = Organization.MembershipStatus.FORMER
    left.save()
    Organization.history.model.objects.filter(id=left.pk, membership_status="former").update(history_date=at(2018, 9))
    approved = make_organization("UZ", name="Approved NGO")  # joined this year by its history, 2018 by its application
    Application.objects.create(
        name="Approved NGO", country_id="UZ", description="x", contact_name="A", contact_email="a@example.org",
        status=Application.Status.APPROVED, decided_at=at(2018, 10), organization=approved,
    )
    data = snapshot_of(AnnualReport(year=2018))
    assert [o["name"] for o in data["members"]["joined"]] == ["Left NGO", "Joined NGO", "Approved NGO"]
    assert [o["name"] for o in data["members"]["left"]] == ["Left NGO"]
    assert "Applicant NGO" not in str(data)
    by_country = {row["code"]: row["count"] for row in data["figures"]["members_by_country"]}
    # At the end of 2018: the Tajik member; the Pakistani one had left; the Uzbek one joined later by its history.
    assert (by_country["TJ"], by_country["PK"], by_country["UZ"]) == (1, 0, 0)


def test_the_years_published_overview_is_in_it(db):
    revision = make_revision("TJ", 2018, ReviewRevision.Status.PUBLISHED, summary="S.")
    make_overview(2018, [revision], published=True, introduction="What the overview says.")
    data = snapshot_of(AnnualReport(year=2018))
    assert data["overview"]["url"] == "/reviews/overview/2018/"
    assert data["overview"]["introduction"] == "What the overview says."
    assert [c["code"] for c in data["overview"]["countries"]] == ["TJ"]
    assert snapshot_of(AnnualReport(year=2017))["overview"] is None


def test_a_draft_overview_is_not_in_it(client_as, db):
    make_overview(2018, introduction="Draft overview text.")
    make_report(2018)
    html = page(client_as("coordinator"))[1]
    assert "Draft overview text." not in html
    assert "No regional overview edition for 2018 was published." in html


def test_laws_and_agreements_of_the_year_are_in_it(db):
    from members.models import Agreement, AgreementStatusChange, LegalAmendment, LegalInstrument

    law = LegalInstrument.objects.create(country_id="TJ", title_en="Law of 2018", slug="law-2018", year_adopted=2018)
    old = LegalInstrument.objects.create(country_id="AF", title_en="Law of 2008", slug="law-2008", year_adopted=2008)
    LegalAmendment.objects.create(instrument=old, year=2018, summary_en="Amended in 2018.")
    LegalAmendment.objects.create(instrument=law, year=2019 if timezone.localdate().year >= 2019 else 2018, summary_en="Later.")
    agreement = Agreement.objects.create(title_en="MOU", slug="mou", status=Agreement.Status.SIGNED)
    AgreementStatusChange.objects.create(agreement=agreement, status=Agreement.Status.SIGNED, date=datetime.date(2018, 5, 1))
    AgreementStatusChange.objects.create(agreement=agreement, status=Agreement.Status.PROPOSED, date=datetime.date(2017, 5, 1))
    data = snapshot_of(AnnualReport(year=2018))
    assert [row["title"]["texts"]["en"] for row in data["laws"]["adopted"]] == ["Law of 2018"]
    assert [row["summary"]["texts"]["en"] for row in data["laws"]["amended"]] == ["Amended in 2018."]
    assert [(row["status"], row["date"]) for row in data["agreements"]] == [("signed", "2018-05-01")]


# --- the page ---------------------------------------------------------------------------------------------------


def test_the_page_links_its_print_stylesheet_and_offers_a_printable_version(client, db):
    make_report(2018, published=True)
    response, html = page(client)
    assert 'href="/static/css/reports-print.css" media="print"' in html
    assert 'href="?print=1"' in html and "/static/js/print-button.js" in html
    assert 'href="/static/css/reports-print.css" media="all"' in page(client, query="?print=1")[1]
    assert "<script>" not in html  # the Content-Security-Policy forbids inline scripts


def test_the_feed_lists_only_published_reports(client, django_assert_num_queries, db):
    make_report(2018, published=True, title_en="Published report")
    make_report(2017, title_en="Draft report")
    for name in ["feeds:reports", "feeds:reports-rss"]:
        with django_assert_num_queries(1):
            body = client.get(reverse(name)).content.decode()
        assert "Published report" in body and "Draft report" not in body
    assert reverse("feeds:reports") in client.get(reverse("annual-reports")).content.decode()


def test_the_notification_settings_offer_the_annual_report(client_as, users):
    client = client_as("member")
    assert 'name="annual_report"' in client.get(reverse("members:notification-settings")).content.decode()


@pytest.mark.parametrize("published", [True, False])
def test_the_report_page_runs_a_fixed_number_of_queries(client_as, users, organization, published):
    client = client_as("coordinator")

    def add_records(n):
        for _ in range(n):
            forum = make_forum(start=datetime.date(2018, 5, 1))
            make_recommendation(forum)
            make_action_item(forum)
            make_announcement(users["member"], organization, created_at=at(2018))

    add_records(1)
    report = make_report(2018)
    if published:
        publish_report(report, None)
    client.get(reverse("annual-report", args=[2018]))  # warm up the session's caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("annual-report", args=[2018])).status_code == 200
    add_records(5)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("annual-report", args=[2018])).status_code == 200
    assert len(many) == len(few)
    # The session, the user, the report (and the referrals badge); a draft adds the eleven queries of its sections
    # (the strategy section: two without a strategy in force; tests/reports/test_annual_report_strategy.py pins it).
    assert len(few) == (5 if published else 16)


def test_the_unsubscribe_link_of_an_annual_report_e_mail_turns_it_off(client, users):
    from members.tokens import make_unsubscribe_token

    token = make_unsubscribe_token(users["editor"].pk, Topic.ANNUAL_REPORT)
    url = reverse("members:unsubscribe", args=[token])
    assert "annual report" in client.get(url).content.decode()
    assert client.post(url).status_code == 200
    preference = NotificationPreference.objects.get(user=users["editor"])
    assert not preference.annual_report and preference.forums
