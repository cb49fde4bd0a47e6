"""Announcements (/news/): the list, a post with its comments, posting and editing, and comments.

Who reads, posts, edits and comments is members/permissions.py's; approving, keeping for members and hiding
are members/views/moderation.py's. A new post reaches the list-serve at once (members/announcements.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..announcements import announce, commenter_name, member_organizations, notify_comment, withdraw_comment_emails
from ..content import CONTENT_LANGUAGES, localized_name
from ..filters import filtered_page
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from ..forms.news import AnnouncementFilter, AnnouncementForm, CommentForm
from ..models import Announcement, AnnouncementComment, Audience, Membership, PublicStatus
from ..permissions import (
    approves_without_review,
    can_approve_for_public,
    can_comment,
    can_delete_comment,
    can_edit_post,
    can_post,
    can_read_comments,
    get_visible_announcement,
    is_coordinator,
    permission_required,
    posts_awaiting_approval,
    require,
    visible_announcements,
)

PAGE_SIZE = 20
AWAITING_LIMIT = 20  # the approver's list on /news/; the oldest first
HOME_COUNT = 3


def announcement_list(request):
    """The posts the reader may read, newest first, filtered by kind and country."""
    user = request.user
    queryset = visible_announcements(user).select_related("organization").prefetch_related("countries")
    filterset = AnnouncementFilter(request.GET, queryset=queryset)
    context = filtered_page(request, filterset, ("-created_at", "-pk"), PAGE_SIZE)
    awaiting = []
    if can_approve_for_public(user):
        awaiting = (
            posts_awaiting_approval(user, visible_announcements(user))
            .select_related("organization")
            .order_by("created_at", "pk")[:AWAITING_LIMIT]
        )
    return render(
        request,
        "members/news/list.html",
        {**context, "announcements": context["page_obj"].object_list, "awaiting": awaiting, "can_post": can_post(user)},
    )


def announcement_detail(request, slug):
    announcement = get_visible_announcement(request.user, slug)
    return _detail(request, announcement, CommentForm())


def _detail(request, announcement, comment_form, status=200):
    """The post's page; its comments only for network members, who alone may read them."""
    user = request.user
    comments = None
    if can_read_comments(user):
        memberships = Membership.objects.select_related("organization")
        comments = list(
            announcement.comments.select_related("author").prefetch_related(
                Prefetch("author__memberships", queryset=memberships)
            )
        )
        for comment in comments:
            comment.by = commenter_name(comment.author)
            comment.deletable = can_delete_comment(user, comment)
    may_approve = can_approve_for_public(user, announcement)
    return render(
        request,
        "members/news/detail.html",
        {
            "announcement": announcement,
            "countries": list(announcement.countries.all()),
            "link": _safe_link(announcement.link),
            "comments": comments,
            "comment_form": comment_form if can_comment(user, announcement) else None,
            # The post's state (waiting, kept for members, hidden, and why) is for its author and its approvers.
            "show_state": may_approve or is_coordinator(user) or (user.is_authenticated and announcement.author_id == user.pk),
            "may_approve": may_approve,
        },
        status=status,
    )


def _safe_link(link: str) -> str:
    """Only web addresses become links (the admin could store another scheme)."""
    return link if link.lower().startswith(("http://", "https://")) else ""


@permission_required(can_post)
def announcement_create(request):
    user = request.user
    organizations = member_organizations(user)
    for_network = is_coordinator(user)  # coordinators may post for the network itself
    language = edit_language(request)
    form = for_language(AnnouncementForm, language)(
        request.POST or None, instance=Announcement(), organizations=organizations, for_network=for_network
    )
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                announcement = form.save(commit=False)
                announcement.author = user
                if "organization" in form.fields:
                    announcement.organization = form.cleaned_data["organization"]
                else:
                    announcement.organization = organizations[0] if organizations else None
                announcement.set_audience(
                    form.cleaned_data["audience"], approved=approves_without_review(user, announcement.organization)
                )
                announcement.save()
                form.save_m2m()
                announce(announcement)
            messages.success(request, _created_message(announcement))
            return redirect(announcement)
        messages.error(request, _("Nothing was posted. Please correct the errors below."))
    return _form_page(request, form, None, language)


def _created_message(announcement) -> str:
    if announcement.audience == Audience.MEMBERS:
        return _("Your announcement was posted. Network members can read it now, and it goes to them by e-mail.")
    if announcement.is_public:
        return _("Your announcement was posted. Everyone can read it now, and it goes out by e-mail.")
    return _(
        "Your announcement was posted. Network members can read it now, and it goes to them by e-mail; the public "
        "will see it once a coordinator or the steering committee representative of your country approves it."
    )


# What an edit may change that the approval of a post for everyone was given for.
CONTENT_FIELDS = (
    "kind", "event_start", "event_end", "place", "deadline", "link",
    *(localized_name(field, code) for field in Announcement.TRANSLATED_FIELDS for code in CONTENT_LANGUAGES),
)


def _content(announcement, countries) -> tuple:
    return (*(getattr(announcement, name) for name in CONTENT_FIELDS), frozenset(c.pk for c in countries))


@login_required
def announcement_edit(request, slug):
    """Its author (while it is not hidden) and coordinators edit a post, in any of the portal's languages.
    A change by someone who may not approve it sends a post for everyone back to waiting for approval."""
    user = request.user
    announcement = get_visible_announcement(user, slug)
    require(can_edit_post(user, announcement))
    language = edit_language(request)
    before = _content(announcement, announcement.countries.all()) if request.method == "POST" else None
    before_audience, was_public = announcement.audience, announcement.is_public
    form = for_language(AnnouncementForm, language)(request.POST or None, instance=announcement)
    if request.method == "POST":
        if form.is_valid():
            sent_back = False
            with transaction.atomic():
                announcement = form.save(commit=False)
                approver = approves_without_review(user, announcement.organization)
                if announcement.audience != before_audience:
                    announcement.set_audience(announcement.audience, approved=approver)
                elif (
                    announcement.audience == Audience.PUBLIC
                    and not approver
                    and announcement.public_status != PublicStatus.PENDING
                    and _content(announcement, form.cleaned_data["countries"]) != before
                ):
                    announcement.set_audience(Audience.PUBLIC, approved=False)
                    sent_back = True
                announcement.save()
                form.save_m2m()
                if announcement.is_public and not was_public:
                    announce(announcement)  # those who are not members get it now; nobody gets it twice
            messages.success(request, _edited_message(announcement, sent_back))
            return redirect(announcement)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return _form_page(request, form, announcement, language)


def _edited_message(announcement, sent_back: bool) -> str:
    if sent_back:
        return _(
            "Your changes were saved. Network members can read them now; as the post is for everyone, it is waiting "
            "for approval again before the public sees it."
        )
    if announcement.is_waiting_for_approval:
        return _("Your changes were saved. The post is waiting for approval before the public sees it.")
    return _("Your changes were saved.")


def _form_page(request, form, announcement, language):
    return render(
        request,
        "members/news/form.html",
        {
            "form": form,
            "announcement": announcement,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(announcement, language),
            # Whether a change to a post for everyone sends it back to waiting for approval.
            "changes_need_approval": announcement is not None
            and not approves_without_review(request.user, announcement.organization),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def comment_add(request, slug):
    announcement = get_visible_announcement(request.user, slug)
    require(can_comment(request.user, announcement))
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your comment was not added. Please correct the errors below."))
        return _detail(request, announcement, form, status=400)
    with transaction.atomic():
        comment = form.save(commit=False)
        comment.announcement = announcement
        comment.author = request.user
        comment.save()
        notify_comment(comment)
    messages.success(request, _("Your comment was added."))
    return redirect(f"{announcement.get_absolute_url()}#comment-{comment.pk}")


@login_required
@require_POST
def comment_delete(request, pk):
    """Its writer or a coordinator deletes a comment; its e-mails not yet sent are withdrawn."""
    user = request.user
    if not can_read_comments(user):  # comments are not theirs to see at all
        raise Http404
    comment = get_object_or_404(
        AnnouncementComment.objects.filter(announcement__in=visible_announcements(user)).select_related("announcement"),
        pk=pk,
    )
    require(can_delete_comment(user, comment))
    with transaction.atomic():
        withdraw_comment_emails(comment)
        comment.delete()
    messages.success(request, _("The comment was deleted."))
    return redirect(f"{comment.announcement.get_absolute_url()}#comments")


def home_section(request):
    """The latest posts the reader may read, for the home page (network_portal/home.py)."""
    latest = visible_announcements(request.user).select_related("organization").order_by("-created_at", "-pk")
    latest = list(latest[:HOME_COUNT])
    if not latest:
        return None
    return {"template": "members/news/_home_section.html", "announcements": latest}
