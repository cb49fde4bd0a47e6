"""The demo annual report of 2018, assembled from the demo records of that year and published.

Its introduction comes from the seed documents: at the second regional NGO forum (Kabul, 27–28 August 2018;
000_*) the NGOs agreed that the regional network "present its report annually". The demo has no 2018 edition
of the regional overview (the 2017 one was published in August 2018), so that section says there is none.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from members.models import User

from .annual_report import snapshot_of
from .models import AnnualReport

YEAR = 2018
PUBLISHED = datetime.datetime(2019, 1, 31, 10, 0, tzinfo=datetime.UTC)

INTRODUCTION = (
    "At the second regional NGO forum, held in Kabul on 27–28 August 2018, civil society organizations of "
    "Afghanistan, Pakistan, Tajikistan, Turkmenistan and Uzbekistan agreed that a regional network of civil "
    "societies be formed, that it prepare a five-year strategy, an action plan and a budget, convene annual "
    "meetings and present its report annually. This is the network's first annual report.\n\n"
    "In 2018 the national network of Afghanistan, ANCTIP, was officially launched in May, and the Kabul forum "
    "discussed a roadmap and an action plan for the regional network, cooperation across borders, a hotline "
    "with one number for the region and easier visas among the countries. The report lists the forums held "
    "in the year and the state of the actions they agreed, the organizations that joined the network, the "
    "laws and agreements that changed, and what the network announced publicly."
)


def seed(stdout=None):
    """Create and publish the 2018 report once; running it again changes nothing."""
    if AnnualReport.objects.filter(year=YEAR).exists():
        return
    publisher = (
        User.objects.filter(email="steering.af@example.org").first()
        or User.objects.filter(email="coordinator@example.org").first()
    )
    with transaction.atomic():
        report = AnnualReport(
            year=YEAR,
            introduction_en=INTRODUCTION,
            original_language="en",
            created_by=publisher,
            created_at=PUBLISHED - datetime.timedelta(days=20),
        )
        report.save()
        report.snapshot = snapshot_of(report, today=timezone.localdate(PUBLISHED))
        report.status = AnnualReport.Status.PUBLISHED
        report.published_at = report.updated_at = PUBLISHED
        report.published_by = publisher
        report.save()
    if stdout:
        stdout.write(f"Annual report: {YEAR}, published, {len(report.snapshot['forums'])} forums held.")
