"""Print the current second-factor code of the demo accounts (demo data only)."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the authenticator code that the demo accounts accept now (their published demo secret)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (never on a real portal).")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("The demo accounts exist only on a demo server (DEBUG on); use --force on one.")
        now = int(time.time())
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, now // 30))
        self.stdout.write(f"{code}  (valid for {30 - now % 30} more seconds, and the 30 after)")
