"""An organization's services on pages of their own: its editors (and coordinators) add, edit and delete them.

Saving a service counts as its organization confirming that the service is correct now (a coordinator's save
as the secretariat verifying it).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import permissions
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from ..forms.services import DAY_FIELDS, ServiceForm
from ..models import SecurityEvent, Service
from ..security import log_event


def _service(organization, pk) -> Service:
    """A service of this organization; a service of another one is not found here."""
    return get_object_or_404(organization.services.all(), pk=pk)


def _services_list(organization) -> str:
    return reverse("members:organization-edit", args=[organization.slug]) + "#services"


@login_required
def service_create(request, slug):
    organization = permissions.get_editable_organization(request.user, slug)
    return _edit(request, organization, Service(organization=organization))


@login_required
def service_edit(request, slug, pk):
    organization = permissions.get_editable_organization(request.user, slug)
    return _edit(request, organization, _service(organization, pk))


def _edit(request, organization, service):
    language = edit_language(request)
    data = request.POST if request.method == "POST" else None
    form = for_language(ServiceForm, language)(data, instance=service)
    if data is not None and form.is_valid():
        as_secretariat = permissions.is_coordinator(request.user)
        with transaction.atomic():
            service = form.save(commit=False)
            service.mark_verified(request.user, as_secretariat=as_secretariat)
            service.save()
            if as_secretariat:
                log_event(
                    SecurityEvent.Kind.ENTRY_VERIFIED,
                    actor=request.user,
                    target=f"service {service.pk} of organization {organization.slug}",
                )
        messages.success(request, _("The service %(name)s was saved.") % {"name": service.localized("name")})
        return redirect(_services_list(organization))
    if data is not None:
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/service_form.html",
        {
            "organization": organization,
            "service": service,
            "form": form,
            "day_fields": [form[name] for name in DAY_FIELDS],
            "language_bar": language_bar(service, language),
            "content_parameter": CONTENT_PARAMETER,
            "editing_language": language,
        },
        status=400 if data is not None else 200,
    )


@login_required
def service_delete(request, slug, pk):
    """A confirmation page; the service goes on POST."""
    organization = permissions.get_editable_organization(request.user, slug)
    service = _service(organization, pk)
    if request.method == "POST":
        name = service.localized("name")
        service.delete()
        messages.success(request, _("The service %(name)s was deleted.") % {"name": name})
        return redirect(_services_list(organization))
    return render(request, "members/service_delete.html", {"organization": organization, "service": service})
