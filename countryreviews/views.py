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
from members.laws import in_force, laws_only
from members.models import Country, get_country_or_404
from members.permissions import visible_resources

from . import permissions, workflow
from .disclosure import disclosed_statistics
from .forms import ReviewRevisionForm, SendBackForm, StartForm, StatisticFormSet, WithdrawForm
from .models import MIN_YEAR, CountryReview, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic, max_year

STATISTICS_PREFIX = "stats"  # of the edit page's statistics formset


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
            "default_year": max_year() - 1,
        },
    )


def _detail_context(request, review, revisions, shown):
    country = review.country
    # Small numbers hidden as published; only the editors of an open revision see its exact values.
    statistics = disclosed_statistics(shown, exact=shown.is_open and permissions.can_edit_review(request.user, country))
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
        **legal_framework(country, review.year),
    }


def legal_framework(country, year) -> dict:
    """The country's laws and plans in force in the review's year, from the legislation register (two queries);
    where it has none, the review's page shows the law an old revision typed in."""
    entries = in_force(year, [country]).get(country.code, [])
    return {"register_laws": entries, "register_key_laws": laws_only(entries)}


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
        return _start_page(request, country, year, review)

    data = request.POST if request.method == "POST" else None
    adding_row = data is not None and "add_statistic" in data
    if adding_row:
        data = _with_one_more_statistic(data)
    language = edit_language(request)
    revision_form = for_language(ReviewRevisionForm, language)
    form = revision_form(data, instance=revision)
    statistics = StatisticFormSet(data, instance=revision, prefix=STATISTICS_PREFIX)
    conflict = None
    if adding_row:
        messages.info(request, _("A row was added. Nothing was saved yet: save the draft when you are done."))
    elif request.method == "POST" and form.is_valid() and statistics.is_valid():
        try:
            changed = workflow.save_draft(revision, form.cleaned_data["version"], form, statistics, request.user)
        except workflow.EditConflict as exc:
            conflict = _conflict(form, statistics, exc.current)
            messages.error(request, str(exc))
            form = revision_form(instance=exc.current)
            statistics = StatisticFormSet(instance=exc.current, prefix=STATISTICS_PREFIX)
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
    if request.method == "POST" and not adding_row:
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
            **legal_framework(country, year),
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(form.instance, language, ReviewRevision.TRANSLATED_FIELDS),
        },
        status=status,
    )


def _with_one_more_statistic(data):
    """The posted edit form with one more (empty) statistics row, up to the formset's maximum."""
    data = data.copy()
    key = f"{STATISTICS_PREFIX}-TOTAL_FORMS"
    try:
        total = int(data.get(key, ""))
    except ValueError:
        return data  # a broken management form: the formset reports it
    data[key] = str(min(total + 1, StatisticFormSet.max_num))
    return data


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


def _copy_source(user, country, year: int):
    """The revision a country's new review may start from: of its newest earlier review, the newest published
    revision, else the newest the user may see. A withdrawn text is never offered: it was taken down on purpose."""
    earlier = (
        permissions.visible_revisions(user, country)
        .filter(review__country=country, review__year__lt=year)
        .exclude(status=ReviewRevision.Status.WITHDRAWN)
        .select_related("review")
        .order_by("-review__year", "-number")
    )
    newest = earlier.first()
    if newest is None:
        return None
    return earlier.published().filter(review=newest.review).first() or newest


def _start_page(request, country, year, review, form=None, status=200):
    """No open draft: offer a new revision; a review's first one may start from an earlier year's text."""
    latest = review.revisions.order_by("-number").first() if review else None
    previous = None if latest else _copy_source(request.user, country, year)
    if previous and form is None:
        form = StartForm(previous=previous)
    context = {"country": country, "year": year, "latest": latest, "previous": previous, "start_form": form}
    return render(request, "countryreviews/start.html", context, status=status)


@login_required
@require_POST
def review_start(request, cc, year):
    _check_year(year)
    country, review = permissions.get_editable_review(request.user, cc, year)
    if _open_revision(review) is not None:
        return redirect("countryreviews:edit", cc=cc, year=year)
    copy_from = None
    if review is None or not review.revisions.exists():
        copy_from = _copy_source(request.user, country, year)
        if copy_from is not None:
            form = StartForm(request.POST, previous=copy_from)
            if not form.is_valid():
                messages.error(request, _("Nothing was started. Please correct the errors below."))
                return _start_page(request, country, year, review, form=form, status=400)
            if form.cleaned_data["start_from"] == StartForm.EMPTY:
                copy_from = None
    revision = workflow.start_revision(country, year, request.user, copy_from=copy_from)
    if copy_from is not None and revision.number == 1:
        message = _(
            "The draft was started from the %(year)s review. Read every section and bring it up to date: "
            "nothing of it is published until you publish this draft."
        ) % {"year": copy_from.review.year}
    else:
        message = _("Revision %(number)s was started as a draft. Published text stays as it is until this one is published.") % {
            "number": revision.number
        }
    messages.success(request, message)
    return redirect("countryreviews:edit", cc=cc, year=year)


def _version(request):
    """The revision's version when the user loaded the page that sent them here (None if not given)."""
    try:
        return int((request.POST if request.method == "POST" else request.GET).get("version", ""))
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
def revision_publish(request, cc, year, number):
    """Publishing asks first: the page lists what is still empty; only a POST with `confirm` publishes."""
    revision = permissions.get_revision_to_decide(request.user, cc, year, number)
    try:
        workflow.check_publishable(revision)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(revision.get_absolute_url())
    if request.method == "POST" and request.POST.get("confirm"):
        return _transition(
            request,
            revision,
            workflow.publish,
            _("Revision %(number)s is published. It can no longer change.") % {"number": number},
            _version(request),
        )
    status = 200
    if request.method == "POST":
        messages.error(request, _("Nothing was published: confirm with the button on this page."))
        status = 400
    return render(request, "countryreviews/publish.html", _publish_context(request, revision), status=status)


def _publish_context(request, revision):
    statistics = list(revision.statistics.all())
    version = _version(request)
    labels = {name: ReviewRevision._meta.get_field(name).verbose_name for name in ReviewRevision.REPORTED_SECTIONS}
    return {
        "review": revision.review,
        "country": revision.review.country,
        "revision": revision,
        "unreported": [labels[name] for name in revision.unreported_sections()],
        "statistics_count": len(statistics),
        "illustrative_count": sum(s.illustrative for s in statistics),
        "version": revision.version if version is None else version,
        "stale": version is not None and version != revision.version,
    }


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
