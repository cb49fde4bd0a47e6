"""Queue e-mail reminders of follow-up actions due soon or overdue (run daily by cron, before send_notifications)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from forums.notifications import REMINDER_DAYS, queue_action_reminders


class Command(BaseCommand):
    help = (
        f"Queue reminders to the staff of the responsible organizations for open follow-up actions due within "
        f"{REMINDER_DAYS} days or overdue; each state is announced once, so it is safe to run daily."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            items, queued = queue_action_reminders()
        self.stdout.write(f"Action items due soon or overdue: {items}; reminders queued: {queued}")
