"""The demo's 2018 annual report: published once, from the demo records of 2018 and the Kabul forum's words."""

import io

import pytest
from django.core.management import call_command

from members.permissions import is_coordinator, is_steering_representative
from network_portal.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_the_2018_report_once(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    report = AnnualReport.objects.get()
    assert report.year == 2018 and report.is_published
    assert is_steering_representative(report.published_by) or is_coordinator(report.published_by)
    assert "present its report annually" in report.introduction_en
    snapshot = report.snapshot
    assert [f["url"] for f in snapshot["forums"]] == ["/forums/kabul-2018/"]
    assert snapshot["overview"] is None  # the demo's only edition is 2017's
    assert {a["url"] for a in snapshot["announcements"]} >= {"/news/anctip-launched/"}
    html = client.get("/reports/2018/").content.decode()
    assert "No regional overview edition for 2018 was published." in html
