"""Rebuild every organization's search texts (members/search.py), e.g. after the normalization changed."""

from django.core.management.base import BaseCommand
from django.db import transaction

from members.models import Organization

BATCH = 500


class Command(BaseCommand):
    help = "Rebuild the normalized search texts of every organization (names, descriptions, services)."

    def handle(self, *args, **options):
        changed = 0
        with transaction.atomic():
            for organization in Organization.objects.prefetch_related("services").iterator(chunk_size=BATCH):
                before = [getattr(organization, name) for name in Organization.SEARCH_FIELDS]
                organization.refresh_search_texts(list(organization.services.all()))
                after = {name: getattr(organization, name) for name in Organization.SEARCH_FIELDS}
                if list(after.values()) != before:
                    Organization.objects.filter(pk=organization.pk).update(**after)
                    changed += 1
        self.stdout.write(f"Search texts rebuilt: {changed} organizations changed.")
