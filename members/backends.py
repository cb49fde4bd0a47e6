"""How accounts log in and where permissions come from.

Login is allauth's (by e-mail). Permissions are never granted per user or per group in the database:
coordinators may do everything (the Django admin included, as the design says), and everyone else has
exactly what the apps' `permissions.py` predicates allow, through django-rules' backend.
"""

from allauth.account.auth_backends import AuthenticationBackend

from . import permissions


class PortalBackend(AuthenticationBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return permissions.is_coordinator(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return permissions.is_coordinator(user_obj)
