"""Load the demo data of every app from the seed documents (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from countryreviews import demo as countryreviews_demo
from forums import demo as forums_demo
from members import demo as members_demo
from members import demo_agreements, demo_laws, demo_library, demo_news, demo_referrals
from members.models import Organization
from network_portal import demo_report
from strategy import demo as strategy_demo

# Order matters: everything refers to the directory's countries, organizations and users, and the forums list
# the library's outcome documents; the registers link to the library and to the forums' recommendations; the
# strategy's plan links to forum action items; the annual report is assembled from all of them.
DEMO_MODULES = [
    members_demo,
    demo_news,
    demo_library,
    demo_referrals,
    demo_laws,
    countryreviews_demo,
    forums_demo,
    demo_agreements,
    strategy_demo,
    demo_report,
]


class Command(BaseCommand):
    help = "Load the demo network (organizations, people, accounts, reviews, forums). Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (never on a real portal).")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the directory already has organizations (used by `make run`, so edits survive).",
        )

    def handle(self, *args, force=False, if_empty=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: demo accounts share a published password. "
                "Use --force if this really is a demo server."
            )
        if if_empty and Organization.objects.exists():
            self.stdout.write("The directory already has data; demo data not loaded again.")
            return
        # The seed documents are in English: their texts go into the English columns of multilingual fields
        # (django-modeltranslation writes a plain `description=` into the active language's column).
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            for module in DEMO_MODULES:
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
