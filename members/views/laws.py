"""Pages of the laws register (issue 17): /laws/, one law or plan, and the forms that keep them.

The register is public. Who keeps which country's entries is members/permissions.py's (`can_keep_laws`); a link to
a text in the library is shown only to readers who may read that library item.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..content import localized_name
from ..forms.laws import LawFilterForm, LegalAmendmentForm, LegalInstrumentForm
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from ..models import Country, LegalAmendment, LegalInstrument, unique_slug
from ..permissions import (
    can_add_laws,
    can_keep_laws,
    get_editable_instrument,
    permission_required,
    steering_countries,
    visible_resources,
)


def _instruments():
    """Instruments with what their pages show: country, library item, successor, amendments (two queries)."""
    return LegalInstrument.objects.select_related("country", "resource", "replaced_by").prefetch_related(
        Prefetch("amendments", queryset=LegalAmendment.objects.select_related("resource"))
    )


def _attach_readable_texts(user, instruments) -> None:
    """Set `text` on each instrument and amendment: its library item if the user may read it, else None (one
    query)."""
    ids = {i.resource_id for i in instruments} | {a.resource_id for i in instruments for a in i.amendments.all()}
    ids.discard(None)
    readable = set(visible_resources(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    for instrument in instruments:
        for item in (instrument, *instrument.amendments.all()):
            item.text = item.resource if item.resource_id in readable else None


def timeline(countries, instruments) -> dict:
    """The five countries side by side: the years in which something happened, a lane per country with its marks
    (adopted, amended) in each of those years."""
    marks: dict[tuple[str, int], list] = {}
    for instrument in instruments:
        marks.setdefault((instrument.country_id, instrument.year_adopted), []).append(("adopted", instrument))
        for amendment in instrument.amendments.all():
            marks.setdefault((instrument.country_id, amendment.year), []).append(("amended", instrument))
    years = sorted({year for _country, year in marks})
    lanes = [{"country": c, "cells": [marks.get((c.code, year), []) for year in years]} for c in countries]
    return {"years": years, "lanes": lanes}


def law_list(request):
    user = request.user
    form = LawFilterForm(request.GET or None)
    country, kind = form.value("country"), form.value("kind")
    instruments = _instruments()
    if kind:
        instruments = instruments.filter(kind=kind)
    instruments = list(instruments)
    _attach_readable_texts(user, instruments)
    countries = list(Country.objects.all())
    shown = [c for c in countries if not country or c.slug == country]
    return render(
        request,
        "members/laws/list.html",
        {
            "form": form,
            "is_filtered": bool(country or kind),
            "sections": [(c, [i for i in instruments if i.country_id == c.code]) for c in shown],
            "timeline": timeline(countries, instruments),
            "has_any": bool(instruments),
            "can_add": can_add_laws(user),
            "kept_countries": steering_countries(user),
        },
    )


def law_detail(request, slug):
    instrument = get_object_or_404(_instruments().prefetch_related("replaces"), slug=slug)
    _attach_readable_texts(request.user, [instrument])
    return render(
        request,
        "members/laws/detail.html",
        {
            "instrument": instrument,
            "amendments": list(instrument.amendments.all()),
            "replaces": list(instrument.replaces.all()),
            "can_keep": can_keep_laws(request.user, instrument.country_id),
        },
    )


@permission_required(can_add_laws)
def law_create(request):
    return _instrument_form(request, LegalInstrument())


@login_required
def law_edit(request, slug):
    return _instrument_form(request, get_editable_instrument(request.user, slug))


def _instrument_form(request, instrument):
    creating = instrument.pk is None
    language = edit_language(request)
    data = request.POST if request.method == "POST" else None
    form = for_language(LegalInstrumentForm, language)(data, instance=instrument, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            instrument = form.save(commit=False)
            if creating:
                title = form.cleaned_data[localized_name("title", language)]
                instrument.slug = unique_slug(LegalInstrument, title, fallback="law", reserved={"new"})
            instrument.save()
            messages.success(request, _("Saved in the legislation register."))
            return redirect(instrument)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/laws/form.html",
        {
            "form": form,
            "instrument": instrument,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(instrument, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def amendment_create(request, slug):
    instrument = get_editable_instrument(request.user, slug)
    return _amendment_form(request, instrument, LegalAmendment(instrument=instrument))


@login_required
def amendment_edit(request, slug, pk):
    instrument = get_editable_instrument(request.user, slug)
    return _amendment_form(request, instrument, get_object_or_404(instrument.amendments, pk=pk))


def _amendment_form(request, instrument, amendment):
    language = edit_language(request)
    data = request.POST if request.method == "POST" else None
    form = for_language(LegalAmendmentForm, language)(data, instance=amendment, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved in the legislation register."))
            return redirect(instrument)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/laws/amendment_form.html",
        {
            "form": form,
            "instrument": instrument,
            "amendment": amendment,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(amendment, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def amendment_delete(request, slug, pk):
    instrument = get_editable_instrument(request.user, slug)
    get_object_or_404(instrument.amendments, pk=pk).delete()
    messages.success(request, _("The amendment was removed from the register."))
    return redirect(instrument)
