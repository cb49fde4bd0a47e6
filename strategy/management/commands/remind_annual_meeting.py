"""Remind the coordinators of a year without an annual network meeting (run daily by a systemd timer)."""

from django.core.management.base import BaseCommand

from strategy.reminders import remind_missing_annual_meeting


class Command(BaseCommand):
    help = (
        "E-mail every active coordinator, once per year, when the previous year of the strategy in force has no "
        "annual network meeting in the forum records. Safe to run daily: a year is never reminded of twice."
    )

    def handle(self, *args, **options):
        reminder = remind_missing_annual_meeting()
        if reminder is None:
            self.stdout.write("No reminder due.")
        else:
            self.stdout.write(f"Reminded {reminder.recipients} coordinators: no annual network meeting in {reminder.year}.")
