"""The action plan and the budget as CSV files: what the reader may see, every cell neutralized (members/exports.py)."""

import csv

from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from members.exports import neutralize
from members.models import Organization
from members.permissions import is_coordinator

from .budget import funder_label, reader_lines
from .models import Activity, ObjectiveActionItem


def write_rows(out, header, rows) -> None:
    """Rows to `out` (a response or file), every cell as neutralized text."""
    writer = csv.writer(out)
    for row in [header, *rows]:
        writer.writerow([neutralize("" if cell is None else str(cell)) for cell in row])


def _organizations(user):
    """Responsible organizations as the directory names them to the user: applicants to coordinators only."""
    organizations = Organization.objects.order_by("name")
    if not is_coordinator(user):
        organizations = organizations.exclude(membership_status=Organization.MembershipStatus.APPLICANT)
    return organizations


def _names(objects) -> str:
    return "; ".join(str(obj) for obj in objects)


def _yes(value: bool) -> str:
    return _("Yes") if value else _("No")


def plan_header() -> list[str]:
    return [_("Objective"), _("Kind"), _("Title"), _("Responsible"), _("Countries"), _("Start"), _("End"),
            _("Status"), _("Overdue"), _("Latest progress note")]


def plan_rows(user, strategy):
    """The activities and the linked forum action items of each objective, in the plan's order."""
    organizations = Prefetch("responsible_organizations", queryset=_organizations(user))
    activities = (
        Activity.objects.filter(objective__goal__strategy=strategy)
        .select_related("objective__goal")
        .prefetch_related(organizations, "responsible_networks", "countries")
        .annotate(latest_note=Max("updates__date"))
    )
    links = (
        ObjectiveActionItem.objects.filter(strategy=strategy)
        .select_related("objective__goal", "action_item")
        .prefetch_related(
            Prefetch("action_item__responsible_organizations", queryset=_organizations(user)),
            "action_item__responsible_countries",
        )
        .annotate(latest_note=Max("action_item__updates__date"))
    )
    entries = [(activity.objective, 0, activity) for activity in activities]
    entries += [(link.objective, 1, link) for link in links]
    entries.sort(key=lambda e: (e[0].goal.order, e[0].goal.code, e[0].order, e[0].code, e[0].pk, e[1]))
    for objective, kind, thing in entries:
        if kind == 0:
            yield [
                objective.code, _("Activity"), thing.localized("title"),
                _names([*thing.responsible_organizations.all(), *thing.responsible_networks.all()]),
                _names(thing.countries.all()), thing.start_date, thing.end_date, thing.get_status_display(),
                _yes(thing.is_overdue), thing.latest_note,
            ]
        else:
            item = thing.action_item
            yield [
                objective.code, _("Forum action item"), item.text, _names(item.responsible_organizations.all()),
                _names(item.responsible_countries.all()), None, item.due_date, item.get_status_display(),
                _yes(item.is_overdue), thing.latest_note,
            ]


def budget_header() -> list[str]:
    return [_("Objective"), _("Activity"), _("Year"), _("Budget item"), _("Funder"), _("Currency"), pgettext("amount", "Planned"),
            _("Secured"), _("Spent"), _("Illustrative")]


def budget_rows(user, strategy):
    for line in reader_lines(user, strategy):
        yield [
            line.activity.objective.code, line.activity.localized("title"), line.year, line.item,
            funder_label(user, line), line.currency, line.planned, line.secured, line.spent, _yes(line.illustrative),
        ]
