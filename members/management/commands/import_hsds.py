"""Load an Open Referral HSDS data package into the directory: new organizations arrive as applicants."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from members.hsds.importer import Importer, PackageError, read_package
from members.security import Kind, log_event


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 data package (a folder or .zip of CSV files with datapackage.json, or a .json file of "
        "organizations as /open-data/hsds/organizations gives them). Organizations already in the directory are "
        "matched (by identifier, or by name, acronym or website in the same country) and only their blank fields "
        "filled; new ones are created as applicants for coordinators to vet. --dry-run shows what would change."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The package: a folder, a .zip or a .json file.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change, and change nothing.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.ALL_LANGUAGES],
            help="The language the package's texts are written in (default: %(default)s).",
        )

    def handle(self, *args, path, dry_run=False, language=None, **options):
        try:
            organizations = read_package(Path(path))
        except (OSError, ValueError, PackageError) as error:
            raise CommandError(f"{path}: {error}") from None
        with transaction.atomic():
            result = Importer(language or settings.LANGUAGE_CODE).run(organizations)
            if dry_run:
                transaction.set_rollback(True)
            else:
                log_event(
                    Kind.HSDS_IMPORTED,
                    target=f"package {Path(path).name}",
                    detail=(
                        f"{result.created} created as applicants, {result.matched} matched, "
                        f"{result.filled} filled in, {result.skipped} skipped"
                    ),
                )
        for line in result.lines:
            self.stdout.write(line)
        self.stdout.write(result.summary())
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        elif result.created:
            vet = reverse("admin:members_organization_changelist") + "?membership_status__exact=applicant"
            self.stdout.write(f"Applicants for coordinators to vet: {settings.PORTAL_BASE_URL}{vet}")
