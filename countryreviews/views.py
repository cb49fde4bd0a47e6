"""Pages of the country reviews: the list, a review and its revisions, the edit form, the workflow buttons."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from members.models import Country, get_country_or_404
from members.permissions import visible_resources

from . import permissions, workflow
from .forms import ReviewRevisionForm, SendBackForm, StatisticFormSet, WithdrawForm
from .models import MIN_YEAR, CountryReview, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic, max_year


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= max_year():
        raise Http404


def _review_page(user, cc: str, year: int):
    """The review and the revisions the user may read (newest first, with statistics and changes); 404 if none."""
    _check_year(year)
    country = get_country_or_404(cc)
    review = get_object_or_404(CountryReview.objects.select_related("country"), country=country, year=year)
    revisions = list(
        permissions.visible_revisions(user, country)
        .filter(review=review)
        .select_related("created_by", "changed_by", "submitted_by", "published_by")
        .prefetch_related("statistics", Prefetch("changes", queryset=ReviewChange.objects.select_related("user")))
        .order_by("-number")
    )
    if not revisions:
        raise Http404
    for revision in revisions:
        revision.review = review  # links need the review; don't fetch it once per revision
    return review, revisions


def _open_revision(review):
    return review.revisions.open().select_related("changed_by").first() if review else None


def review_list(request):
    """Every review the user may read, by year and country, with the latest overview edition."""
    user = request.user
    revisions = permissions.visible_revisions_everywhere(user).select_related("published_by").order_by("-number")
    reviews = CountryReview.objects.select_related("country").prefetch_related(
        Prefetch("revisions", queryset=revisions, to_attr="visible_revisions")
    )
    rows_by_year: dict[int, list] = {}
    for review in reviews.order_by("-year", "country__order", "country__name"):
        if not review.visible_revisions:
            continue
        published = next((r for r in review.visible_revisions if r.is_published), None)
        open_revision = next((r for r in review.visible_revisions if r.is_open), None)
        rows_by_year.setdefault(review.year, []).append({"review": review, "published": published, "open": open_revision})
    editable_countries = [c for c in Country.objects.all() if permissions.can_edit_review(user, c)]
    return render(
        request,
        "countryreviews/list.html",
        {
            "years": sorted(rows_by_year.items(), reverse=True),
            "overview": RegionalOverview.objects.published().order_by("-year").first(),
            "editable_countries": editable_countries,
            "year_choices": list(range(max_year(), MIN_YEAR - 1, -1)),
            "default_year": max_year() - 2,
        },
    )


def _detail_context(request, review, revisions, shown):
    country = review.country
    order = {value: index for index, value in enumerate(ReviewStatistic.Indicator.values)}
    statistics = sorted(shown.statistics.all(), key=lambda s: (order[s.indicator], s.year))
    return {
        "review": review,
        "country": country,
        "revision": shown,
        "revisions": revisions,
        "latest_published": next((r for r in revisions if r.is_published), None),
        "open_revision": next((r for r in revisions if r.is_open), None),
        "statistics": statistics,
        "has_illustrative": any(s.illustrative for s in statistics),
        "send_back_form": SendBackForm(),
        "withdraw_form": WithdrawForm(),
        "library_resources": _library_resources(request.user, country),
    }


LIBRARY_SHOWN = 5


def _library_resources(user, country) -> list:
    """The latest resources of the library about the country that the reader may read (one query)."""
    resources = visible_resources(user).filter(countries=country)
    return list(resources.order_by(F("year").desc(nulls_last=True), "-created_at", "-pk")[:LIBRARY_SHOWN])


def review_detail(request, cc, year):
    """The review's public text: its latest published revision (or, for the network, its draft)."""
    review, revisions = _review_page(request.user, cc, year)
    shown = next((r for r in revisions if r.is_published), revisions[0])
    return render(request, "countryreviews/detail.html", _detail_context(request, review, revisions, shown))


def revision_detail(request, cc, year, number):
    """One revision, e.g. an earlier published text or the current draft."""
    review, revisions = _review_page(request.user, cc, year)
    shown = next((r for r in revisions if r.number == number), None)
    if shown is None:
        raise Http404
    return render(request, "countryreviews/detail.html", _detail_context(request, review, revisions, shown))


@login_required
def review_edit(request, cc, year):
    """Edit the open draft; if there is none, offer to start one (copied from the newest revision)."""
    _check_year(year)
    country, review = permissions.get_editable_review(request.user, cc, year)
    revision = _open_revision(review)
    if revision is None:
        latest = review.revisions.order_by("-number").first() if review else None
        return render(request, "countryreviews/start.html", {"country": country, "year": year, "latest": latest})

    data = request.POST if request.method == "POST" else None
    language = edit_language(request)
    revision_form = for_language(ReviewRevisionForm, language)
    form = revision_form(data, instance=revision)
    statistics = StatisticFormSet(data, instance=revision, prefix="stats")
    conflict = None
    if request.method == "POST" and form.is_valid() and statistics.is_valid():
        try:
            changed = workflow.save_draft(revision, form.cleaned_data["version"], form, statistics, request.user)
        except workflow.EditConflict as exc:
            conflict = _conflict(form, statistics, exc.current)
            messages.error(request, str(exc))
            form = revision_form(instance=exc.current)
            statistics = StatisticFormSet(instance=exc.current, prefix="stats")
        except workflow.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect(review.get_absolute_url())
        else:
            if changed:
                messages.success(request, _("Your changes to the draft were saved."))
            else:
                messages.info(request, _("Nothing had changed; the draft was not saved again."))
            return redirect(f"{revision.review.get_edit_url()}?{urlencode({CONTENT_PARAMETER: language})}")
    elif request.method == "POST":
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    status = 200
    if request.method == "POST":
        status = 409 if conflict else 400
    return render(
        request,
        "countryreviews/edit.html",
        {
            "country": country,
            "review": review,
            "revision": form.instance,
            "form": form,
            "statistics": statistics,
            "conflict": conflict,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(form.instance, language, ReviewRevision.TRANSLATED_FIELDS),
        },
        status=status,
    )


def _conflict(form, statistics, current):
    """Their submitted text next to the saved text, field by field, so nothing they typed is lost."""
    fields = []
    content_fields = ReviewRevision.stored_content_fields()
    for name in form.fields:
        if name not in content_fields:
            continue
        mine = form.cleaned_data.get(name)
        saved = getattr(current, name)
        if (mine or "") != (saved or ""):
            fields.append({"label": form.fields[name].label, "mine": mine, "saved": saved})
    mine_stats = [
        f.cleaned_data
        for f in statistics.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("indicator")
    ]
    return {
        "fields": fields,
        "statistics": [{**s, "indicator_label": ReviewStatistic.Indicator(s["indicator"]).label} for s in mine_stats],
        "current": current,
        "saved_statistics": list(current.statistics.all()),
    }


@login_required
def review_go_edit(request):
    """The "write a review" picker on the list page: country and year to the edit page."""
    cc = request.GET.get("cc", "")  # the cc converter writes it in lower case
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        raise Http404 from None
    if len(cc) != 2 or not (cc.isascii() and cc.isalpha()):
        raise Http404
    _check_year(year)  # a year the edit page's address cannot hold (-5) is not found, not an error
    return redirect("countryreviews:edit", cc=cc, year=year)


@login_required
@require_POST
def review_start(request, cc, year):
    _check_year(year)
    country, review = permissions.get_editable_review(request.user, cc, year)
    revision = _open_revision(review)
    if revision is None:
        revision = workflow.start_revision(country, year, request.user)
        messages.success(
            request,
            _("Revision %(number)s was started as a draft. Published text stays as it is until this one is published.")
            % {"number": revision.number},
        )
    return redirect("countryreviews:edit", cc=cc, year=year)


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _transition(request, revision, step, success_message, *args):
    try:
        with transaction.atomic():
            revision = step(revision, request.user, *args)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success_message)
    return redirect(revision.get_absolute_url())


@login_required
@require_POST
def revision_submit(request, cc, year, number):
    revision = permissions.get_revision_to_submit(request.user, cc, year, number)
    return _transition(
        request,
        revision,
        workflow.submit,
        _("The draft was submitted to the steering committee representative for publication."),
        _version(request),
    )


@login_required
@require_POST
def revision_publish(request, cc, year, number):
    revision = permissions.get_revision_to_decide(request.user, cc, year, number)
    return _transition(
        request,
        revision,
        workflow.publish,
        _("Revision %(number)s is published. It can no longer change.") % {"number": number},
        _version(request),
    )


@login_required
@require_POST
def revision_send_back(request, cc, year, number):
    revision = permissions.get_revision_to_decide(request.user, cc, year, number)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should be changed before sending the draft back."))
        return redirect(revision.get_absolute_url())
    return _transition(
        request, revision, workflow.send_back, _("The draft was sent back to its authors."), form.cleaned_data["comment"]
    )


@login_required
@require_POST
def revision_withdraw(request, cc, year, number):
    revision = permissions.get_revision_to_decide(request.user, cc, year, number)
    form = WithdrawForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _transition(
        request,
        revision,
        workflow.withdraw,
        _("Revision %(number)s was withdrawn from the public pages.") % {"number": number},
        comment,
    )
