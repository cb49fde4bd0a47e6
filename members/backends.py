"""Coordinators may do everything in the Django admin, as the design says, without per-model grants."""

from django.contrib.auth.backends import BaseBackend

from . import permissions


class CoordinatorBackend(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None):
        return permissions.is_coordinator(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return permissions.is_coordinator(user_obj)
