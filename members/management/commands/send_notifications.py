"""Send queued notification e-mails (run by cron or a systemd timer, never in a request)."""

from django.core.management.base import BaseCommand

from members import notifications


class Command(BaseCommand):
    help = "Send queued notification e-mails: immediate ones, or with --digest the weekly digests."

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="Send the weekly digests instead.")
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many immediate e-mails.")

    def handle(self, *args, digest=False, limit=None, **options):
        if digest:
            sent, failed = notifications.send_digests()
            self.stdout.write(f"Digests sent: {sent}, failed (will retry): {failed}")
        else:
            sent, failed = notifications.send_immediate(limit=limit)
            self.stdout.write(f"Notifications sent: {sent}, failed (will retry): {failed}")
