"""A user's e-mail settings, and unsubscribing from a link in an e-mail without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .. import notifications
from ..forms.notifications import NotificationPreferenceForm
from ..models import NotificationPreference, Topic, User
from ..tokens import ALL_TOPICS, read_unsubscribe_token


@login_required
def notification_settings(request):
    preference, _created = NotificationPreference.objects.get_or_create(user=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Your e-mail settings were saved."))
        return redirect("members:notification-settings")
    return render(
        request, "members/notification_settings.html", {"form": form}, status=400 if request.method == "POST" else 200
    )


@csrf_exempt  # the signed token is the credential; mail clients POST here for one-click unsubscribe (RFC 8058)
def unsubscribe(request, token):
    """GET shows what the link does; POST unsubscribes. Works without logging in."""
    try:
        user_id, topic = read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return render(request, "members/unsubscribe.html", {"problem": "expired"}, status=410)
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return render(request, "members/unsubscribe.html", {"problem": "invalid"}, status=400)
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or (topic != ALL_TOPICS and topic not in Topic.values):
        return render(request, "members/unsubscribe.html", {"problem": "invalid"}, status=400)
    topic_label = Topic(topic).label if topic != ALL_TOPICS else None
    if request.method == "POST":
        notifications.unsubscribe(user, topic)
        return render(request, "members/unsubscribe.html", {"done": True, "topic_label": topic_label})
    return render(request, "members/unsubscribe.html", {"topic_label": topic_label, "email": user.email})
