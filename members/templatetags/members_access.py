"""Template filters that ask members.permissions, so templates decide nothing themselves."""

from django import template

from members import permissions

register = template.Library()


@register.filter
def can_manage_staff(user, organization) -> bool:
    return permissions.can_manage_staff(user, organization)


@register.filter
def can_read_history(user, organization) -> bool:
    return permissions.can_read_history(user, organization)
