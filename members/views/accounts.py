"""A user's own account: name, language and e-mail addresses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from ..forms.accounts import AccountForm
from ..middleware import set_language_cookie


@login_required
def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        if user.language:
            translation.activate(user.language)
        messages.success(request, _("Your account was saved."))
        response = redirect("members:account")
        if user.language:
            set_language_cookie(response, user.language)
        return response
    return render(
        request,
        "members/account.html",
        {"form": form, "memberships": request.user.memberships.select_related("organization")},
        status=400 if request.method == "POST" else 200,
    )
