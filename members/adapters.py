"""django-allauth adapter: the network is invitation-only, so self sign-up stays closed."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False
