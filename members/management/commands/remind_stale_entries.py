"""Remind the editors of directory entries that may be out of date (run weekly by cron or a systemd timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from members import verification


class Command(BaseCommand):
    help = (
        "E-mail the editors of each organization whose entry or services were not confirmed for VERIFICATION_MONTHS "
        "months (default 12), in their own language, once per such period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show who would be reminded of what; send nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = verification.send_reminders(dry_run=dry_run, report=self.stdout.write)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            f"Reminders (entries not confirmed for {settings.VERIFICATION_MONTHS} months) {verb}: "
            f"{counts['emails']} e-mails to the editors of {counts['organizations']} organizations; "
            f"failed (will retry): {counts['failed']}; organizations without an editor: {counts['without_editors']}"
        )
