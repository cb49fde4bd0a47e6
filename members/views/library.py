"""The resource library (/library/): reports, laws, training and awareness material that network members share.

Who reads which resource, and who may add, change, approve or hide one, is members/permissions.py's. Files are
served only through `resource_file`, after the same check as the resource's page: a members-only file never has
a public address.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import permissions
from ..content import CONTENT_LANGUAGES, localized_name
from ..filters import filtered_page
from ..forms.library import LibraryFilter, ResourceForm, member_organizations
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from ..models import Audience, Country, PublicStatus, Resource
from ..uploads import safe_download_name

PAGE_SIZE = 20
WAITING_SHOWN = 20
NEWEST_FIRST = ("-created_at", "-pk")
BY_YEAR = (F("year").desc(nulls_last=True), "-created_at", "-pk")
# What readers read: a change to any of these (or a new file) is a change the public's approval did not cover.
CONTENT_FIELDS = [
    "kind",
    "topic_id",
    "year",
    "languages",
    "link",
    *(localized_name(field, code) for field in Resource.TRANSLATED_FIELDS for code in CONTENT_LANGUAGES),
]


def for_listing(queryset):
    """What a resource's line in a list shows (kind, title, year, languages, countries, format), in two queries."""
    return queryset.select_related("topic").prefetch_related(
        Prefetch("countries", queryset=Country.objects.order_by("order", "name"))
    )


def resource_list(request):
    user = request.user
    filterset = LibraryFilter(request.GET, queryset=for_listing(permissions.visible_resources(user)))
    context = filtered_page(request, filterset, BY_YEAR if filterset.by_year else NEWEST_FIRST, PAGE_SIZE)
    cleaned = filterset.form.cleaned_data  # the valid values, also when another one is not
    waiting = []
    if permissions.can_approve_for_public(user):
        queryset = permissions.posts_awaiting_approval(user, Resource.objects.select_related("organization"))
        waiting = list(queryset.order_by("created_at", "pk")[: WAITING_SHOWN + 1])
    return render(
        request,
        "members/library/list.html",
        {
            **context,
            "resources": context["page_obj"].object_list,
            "query": cleaned.get("q") or "",
            "other_filters": any(request.GET.get(name) for name in LibraryFilter.FILTERS if name != "q"),
            "is_filtered": any(request.GET.get(name) for name in LibraryFilter.FILTERS),
            "can_add": permissions.can_post(user),
            "waiting": waiting[:WAITING_SHOWN],
            "more_waiting": len(waiting) > WAITING_SHOWN,
        },
    )


def resource_detail(request, slug):
    user = request.user
    resource = permissions.get_visible_resource(user, slug)
    can = {
        "edit": permissions.can_edit_post(user, resource),
        "approve": permissions.can_approve_for_public(user, resource),
        "hide": permissions.can_hide_post(user, resource),
    }
    return render(
        request,
        "members/library/detail.html",
        {
            "resource": resource,
            "countries": list(resource.countries.order_by("order", "name")),
            "can": can,
            # The author and those who decide read where it stands and why (waiting, kept for members, hidden).
            "shows_state": any(can.values()) or (user.is_authenticated and resource.author_id == user.pk),
        },
    )


def resource_file(request, slug):
    """The resource's file, to those who may read the resource: images shown in the page, documents downloaded."""
    resource = permissions.get_visible_resource(request.user, slug)
    if not resource.file:
        raise Http404
    try:
        handle = resource.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("The file of this resource is missing.")) from exc
    name = resource.file.name
    extension = "." + name.rsplit(".", 1)[-1] if "." in name.rsplit("/", 1)[-1] else ""
    response = FileResponse(
        handle,
        as_attachment=not resource.is_image,
        filename=safe_download_name(resource.original_name or str(resource), extension),
        content_type=resource.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not resource.is_public:
        response["Cache-Control"] = "private, no-store"  # no shared cache keeps a members-only file
    return response


@permissions.permission_required(permissions.can_post)
def resource_create(request):
    return _resource_form(request, Resource(), organizations=member_organizations(request.user))


@login_required
def resource_edit(request, slug):
    resource = permissions.get_visible_resource(request.user, slug)
    permissions.require(permissions.can_edit_post(request.user, resource))
    return _resource_form(request, resource)


def _resource_form(request, resource, organizations=None):
    creating = resource.pk is None
    # Taken before validation, which writes the form's values onto the instance.
    audience_before, old_file = resource.audience, resource.file.name if resource.file else ""
    content_before = None if creating else _content(resource, resource.countries.values_list("pk", flat=True))
    language = edit_language(request)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = for_language(ResourceForm, language)(data, files, instance=resource, organizations=organizations)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                resource = form.save(commit=False)
                if creating:
                    resource.author = request.user
                    resource.organization = form.chosen_organization()
                    approved = permissions.approves_without_review(request.user, resource.organization)
                    resource.set_audience(form.cleaned_data["audience"], approved=approved)
                    status_before = None
                else:
                    status_before = resource.public_status
                    countries = [country.pk for country in form.cleaned_data["countries"]]
                    changed = form.detected is not None or _content(resource, countries) != content_before
                    _settle_audience(request.user, resource, audience_before, changed)
                replaced = form.store_upload(resource) and old_file
                resource.save()
                form.save_m2m()
                if replaced:
                    storage = resource.file.storage
                    transaction.on_commit(lambda: storage.delete(old_file))
            messages.success(request, _saved_message(resource, creating, status_before))
            return redirect(resource)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/library/form.html",
        {
            "form": form,
            "resource": resource,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(resource, language),
            "can_approve": resource.pk is not None and permissions.can_approve_for_public(request.user, resource),
        },
        status=400 if request.method == "POST" else 200,
    )


def _content(resource, country_codes) -> tuple:
    return tuple(getattr(resource, name) for name in CONTENT_FIELDS), frozenset(country_codes)


def _settle_audience(user, resource, audience_before: str, changed: bool) -> None:
    """After an edit: a resource for everyone changed by someone who may not approve it waits for approval again;
    an approver's change keeps its state. (The form has set `resource.audience` to the chosen audience.)"""
    audience = resource.audience
    if audience == Audience.MEMBERS:
        resource.set_audience(audience, approved=False)
    elif permissions.can_approve_for_public(user, resource):
        if audience_before != Audience.PUBLIC:
            resource.set_audience(audience, approved=True)
    elif changed or audience_before != Audience.PUBLIC:
        resource.set_audience(audience, approved=False)


def _saved_message(resource, creating: bool, status_before) -> str:
    if resource.is_hidden:
        return _("Saved. It stays hidden: only you and the coordinators can see it.")
    if resource.audience == Audience.MEMBERS:
        return (
            _("Added to the library. Network members can read it now.")
            if creating
            else _("Saved. Network members can read it; the public does not see it.")
        )
    if resource.public_status == PublicStatus.APPROVED:
        return _("Added to the library. Everyone can read it now.") if creating else _("Saved. Everyone can read it.")
    if resource.public_status == PublicStatus.DECLINED:
        return _("Saved. It is still kept for network members; the public does not see it.")
    if creating:
        return _(
            "Added to the library. Network members can read it now; the public will once a coordinator or your "
            "country's steering committee representative approves it."
        )
    if status_before == PublicStatus.APPROVED:
        return _(
            "Saved. As it was changed, it waits for approval again: network members read the new version now, the "
            "public once a coordinator or your country's steering committee representative approves it."
        )
    return _(
        "Saved. Network members can read it now; the public will once a coordinator or your country's steering "
        "committee representative approves it."
    )
