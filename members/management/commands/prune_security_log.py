"""Delete security log entries older than the retention period (run daily by cron or a systemd timer)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from members.models import SecurityEvent

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = f"Delete security log entries older than {RETENTION_DAYS} days (or --days): the log keeps about a year."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS, help="Keep the entries of this many days.")

    def handle(self, *args, days=RETENTION_DAYS, **options):
        deleted = SecurityEvent.objects.prune(timezone.now() - datetime.timedelta(days=days))
        self.stdout.write(f"Security log entries older than {days} days deleted: {deleted}")
