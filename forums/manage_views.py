"""Coordinators' pages: forum forms, programme and outcomes, documents, participant import and export,
and the progress updates that steering committee representatives and coordinators post."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.signing import BadSignature, Signer
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from members.forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from members.history import history_entries

from . import notifications, participants_csv, permissions
from .forms import (
    ActionItemFormSet,
    ActionUpdateForm,
    DocumentForm,
    ForumForm,
    ParticipantImportForm,
    SessionFormSet,
    recommendation_formset,
)
from .models import ActionItem, Forum, Recommendation, Session

HISTORY_LIMIT = 200

IMPORT_SESSION_KEY = "forums-participant-import"


@permissions.permission_required(permissions.can_manage_forums)
def forum_create(request):
    return _forum_form(request, Forum())


@login_required
def forum_edit(request, slug):
    return _forum_form(request, permissions.get_manageable_forum(request.user, slug))


def _forum_form(request, forum):
    # Taken before the form is validated: validation writes the new values onto the instance.
    before = notifications.forum_state(forum) if forum.pk else None
    language = edit_language(request)
    form = for_language(ForumForm, language)(request.POST or None, instance=forum)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                forum = form.save()
                notifications.announce_forum(forum, before)
            messages.success(request, _("The forum “%(title)s” was saved.") % {"title": forum})
            return redirect(forum)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "forums/forum_form.html",
        {"form": form, "forum": forum, "content_parameter": CONTENT_PARAMETER, "language_bar": language_bar(forum, language)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def forum_history(request, slug):
    """Who changed what, and when, in a forum's record, programme, recommendations and action items."""
    forum = permissions.get_history_forum(request.user, slug)
    records = list(Forum.history.filter(id=forum.pk).select_related("history_user")[:HISTORY_LIMIT])
    for model in (ActionItem, Session, Recommendation):
        records += model.history.filter(forum_id=forum.pk).select_related("history_user")[:HISTORY_LIMIT]
    return render(
        request, "forums/history.html", {"forum": forum, "entries": history_entries(records, HISTORY_LIMIT)}
    )


# part -> (the formset class for the language being written, title); only recommendations take several languages.
def _recommendations_bar(forum, language):
    bar = language_bar(None, language)
    written = {code for rec in forum.recommendations.all() for code in rec.written_languages}
    for item in bar:
        item["written"] = item["code"] in written
    return bar


FORMSETS = {
    "sessions": (lambda language: SessionFormSet, gettext_lazy("Programme (sessions)")),
    "recommendations": (recommendation_formset, gettext_lazy("Recommendations")),
    "action-items": (lambda language: ActionItemFormSet, gettext_lazy("Action items")),
}


@login_required
def forum_part_edit(request, slug, part):
    """One page per part of a forum's record: its sessions, recommendations or action items."""
    forum = permissions.get_manageable_forum(request.user, slug)
    formset_for, title = FORMSETS[part]
    language = edit_language(request)
    formset = formset_for(language)(request.POST or None, instance=forum, prefix=part)
    if request.method == "POST":
        if formset.is_valid():
            with transaction.atomic():
                formset.save()
            messages.success(request, _("%(part)s of “%(title)s” saved.") % {"part": title, "title": forum})
            return redirect(forum)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "forums/part_form.html",
        {
            "forum": forum,
            "formset": formset,
            "title": title,
            "content_parameter": CONTENT_PARAMETER,
            # The recommendations' languages: a language is written when any recommendation has text in it.
            "language_bar": _recommendations_bar(forum, language) if part == "recommendations" else None,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def documents(request, slug):
    forum = permissions.get_manageable_forum(request.user, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                document = form.save(commit=False)
                document.forum = forum
                document.uploaded_by = request.user
                document.save()
            messages.success(request, _("“%(title)s” was uploaded.") % {"title": document.title})
            return redirect("forums:documents", slug=forum.slug)
        messages.error(request, _("The document was not uploaded. Please correct the errors below."))
    return render(
        request, "forums/documents.html", {"forum": forum, "form": form, "documents": forum.documents.all()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def document_delete(request, slug, pk):
    forum = permissions.get_manageable_forum(request.user, slug)
    document = get_object_or_404(forum.documents, pk=pk)
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: document.file.delete(save=False))
    messages.success(request, _("“%(title)s” was deleted.") % {"title": document.title})
    return redirect("forums:documents", slug=forum.slug)


def _signer(forum):
    return Signer(salt=f"forums.participant-import.{forum.pk}")


@login_required
def participants_import(request, slug):
    """Upload → preview, row by row (new, update, unchanged, problem) → confirm. Nothing is saved before confirming.

    Between the two steps the parsed rows and their plan stay in the server-side session (signed with the
    forum, so a preview of one forum cannot be confirmed into another); the client only sends back a token.
    """
    forum = permissions.get_manageable_forum(request.user, slug)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_import(request, forum)
    form = ParticipantImportForm(request.POST or None, request.FILES or None)
    context = {"forum": forum, "form": form, "header": ",".join(participants_csv.HEADER)}
    if request.method == "POST" and form.is_valid():
        try:
            rows = participants_csv.read_rows(form.cleaned_data["file"].read())
        except participants_csv.CsvFileError as exc:
            form.add_error("file", str(exc))
        else:
            checked = participants_csv.check_rows(forum, rows)
            context.update(checked=checked, has_errors=participants_csv.has_errors(checked))
            context.update(_import_summary(checked))
            if participants_csv.importable(checked):
                token = secrets.token_hex(8)  # not from the content: the same file may be imported again later
                request.session[IMPORT_SESSION_KEY] = {
                    "forum": forum.pk, "token": token, "rows": rows, "plan": participants_csv.plan(checked),
                }
                context["token"] = _signer(forum).sign(token)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "forums/participants_import.html", context, status=status)


def _import_summary(checked):
    counts = {status: 0 for status in ("new", "update", "unchanged", "problem")}
    for row in checked:
        counts[row.status] += 1
    return {
        "counts": counts,
        "error_count": counts["problem"],
        "skipped_lines": ", ".join(str(row.line) for row in checked if row.errors),
    }


def _confirm_import(request, forum):
    stored = request.session.get(IMPORT_SESSION_KEY)
    try:
        token = _signer(forum).unsign(request.POST.get("token", ""))
    except BadSignature:
        token = None
    if not stored or stored.get("forum") != forum.pk or stored.get("token") != token:
        messages.error(request, _("This preview has expired or was replaced by another upload. Upload the file again."))
        return redirect("forums:participants-import", slug=forum.slug)
    try:
        result = participants_csv.import_rows(
            forum, stored["rows"], token=token, user=request.user, expected=stored.get("plan")
        )
    except participants_csv.AlreadyImported:
        messages.info(request, _("These participants were already imported (the import was confirmed twice)."))
        return redirect(reverse("forums:detail", args=[forum.slug]) + "#participants")
    except ValueError:
        messages.error(request, _("The participants changed since the preview. Nothing was imported: upload the file again."))
        return redirect("forums:participants-import", slug=forum.slug)
    finally:
        request.session.pop(IMPORT_SESSION_KEY, None)
    message = ngettext(
        "Participants imported: %(created)s added, %(updated)s updated, %(skipped)s line skipped.",
        "Participants imported: %(created)s added, %(updated)s updated, %(skipped)s lines skipped.",
        len(result.skipped),
    )
    messages.success(request, message % {"created": result.created, "updated": result.updated, "skipped": len(result.skipped)})
    return redirect(reverse("forums:detail", args=[forum.slug]) + "#participants")


@login_required
def participants_export(request, slug):
    forum = permissions.get_visible_forum(request.user, slug)
    permissions.require(permissions.can_export_participants(request.user))
    response = HttpResponse(
        "\ufeff" + participants_csv.export_participants(forum), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{forum.slug}-participants.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def action_item_update(request, pk):
    """Post a dated progress update on an action item, optionally changing its status."""
    item = permissions.get_updatable_action_item(request.user, pk)
    form = ActionUpdateForm(request.POST or None, item=item)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                update = form.save(commit=False)
                update.item = item
                update.author = request.user
                update.save()
                if update.new_status and update.new_status != item.status:
                    item.status = update.new_status
                    item.save(update_fields=["status", "updated_at"])
            messages.success(request, _("Your progress update was posted."))
            return redirect(reverse("forums:follow-up") + f"#action-{item.pk}")
        messages.error(request, _("The update was not posted. Please correct the errors below."))
    updates = item.updates.select_related("author")
    return render(
        request, "forums/action_update.html", {"item": item, "form": form, "updates": updates},
        status=400 if request.method == "POST" else 200,
    )
