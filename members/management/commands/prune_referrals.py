"""Erase referral requests closed more than REFERRAL_RETENTION_DAYS ago (run daily by cron or a systemd timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from members.models import ReferralRequest, SecurityEvent
from members.security import log_event


class Command(BaseCommand):
    help = (
        "Erase referral requests declined, closed or withdrawn more than REFERRAL_RETENTION_DAYS days ago "
        "(default 90); the security log records how many."
    )

    def handle(self, *args, **options):
        _, deleted = ReferralRequest.objects.due_for_erasure().delete()
        erased = deleted.get(ReferralRequest._meta.label, 0)
        if erased:
            log_event(SecurityEvent.Kind.REFERRAL_ERASED, detail=f"{erased} erased")
        days = settings.REFERRAL_RETENTION_DAYS
        self.stdout.write(f"Referral requests closed more than {days} days ago erased: {erased}")
