"""Navigation context: how many membership applications, messages to the secretariat and referral requests wait,
and which pages belong to the directory tab."""

from django.db.models import F, Func, OuterRef, Subquery

from . import permissions
from .models import Application, ContactMessage, Organization, ReferralRequest, User

# URL names under /members/ that highlight the "Directory" tab (not the account, staff or join pages).
DIRECTORY_PAGES = ("directory", "country", "organization", "organization-edit", "organization-history", "staff",
                   "staff-invite", "map", "stale-entries", "service-create", "service-edit", "service-delete")


def _count(queryset):
    """The number of rows of `queryset`, as a subquery."""
    return Subquery(queryset.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count"))


def applications(request):
    context = {"directory_pages": DIRECTORY_PAGES}
    user = request.user
    reviews = permissions.can_review_applications(user)
    answers = permissions.can_answer_contact_messages(user)
    # Referral requests waiting for an answer from the user's organizations (members/views/referrals.py).
    waiting = ReferralRequest.objects.filter(
        status=ReferralRequest.Status.SENT, to_organization__membership_status=Organization.MembershipStatus.MEMBER
    )
    if reviews or answers:
        # The numbers in one query (on every page a coordinator opens), read along the user's own row.
        counts = User.objects.filter(pk=user.pk).order_by().values(
            applications=_count(Application.objects.pending()),
            messages=_count(ContactMessage.objects.filter(status=ContactMessage.Status.NEW)),
            referrals=_count(waiting.filter(to_organization__memberships__user=OuterRef("pk"))),
        )[0]
        if reviews:
            context["pending_applications_count"] = counts["applications"]
        if answers:
            context["new_contact_messages_count"] = counts["messages"]
        context["incoming_referrals_count"] = counts["referrals"]
    elif ids := permissions.referral_organization_ids(user):
        context["incoming_referrals_count"] = waiting.filter(to_organization__in=ids).count()
    return context
