"""Who may see, start, edit and publish the network's annual report. Views and templates ask these.

- Published reports are public.
- Drafts are visible only to those who manage reports; to everyone else they do not exist (404).
- The report is published like an overview edition: any steering committee representative or a coordinator
  starts, edits and publishes it (countryreviews.permissions.can_manage_overview); others get 403 on a
  published report they can see.
"""

from django.shortcuts import get_object_or_404

from countryreviews.permissions import can_manage_overview
from members.permissions import permission_required, register, require  # noqa: F401  (the views' decorator)

from .models import AnnualReport


def can_manage_annual_reports(user) -> bool:
    return can_manage_overview(user)


def visible_reports(user):
    if can_manage_annual_reports(user):
        return AnnualReport.objects.all()
    return AnnualReport.objects.published()


def get_visible_report(user, year: int) -> AnnualReport:
    return get_object_or_404(visible_reports(user).select_related("published_by"), year=year)


def get_manageable_report(user, year: int) -> AnnualReport:
    """A report to edit or publish: 404 if unseen (drafts), 403 if published but not theirs to manage."""
    report = get_visible_report(user, year)
    require(can_manage_annual_reports(user))
    return report


register("network_portal", can_manage_annual_reports)
