"""Delete messages to the secretariat older than CONTACT_MESSAGE_DAYS (run daily by cron or a systemd timer)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from members.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Delete messages to the secretariat received more than CONTACT_MESSAGE_DAYS days ago (default 365; "
        "or --days), answered or not."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep the messages of this many days.")

    def handle(self, *args, days=None, **options):
        days = settings.CONTACT_MESSAGE_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Messages to the secretariat older than {days} days deleted: {deleted}")
