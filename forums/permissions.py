"""Who may see and change what in the forum records. Views and templates ask these; nothing else decides.

Forum records and the follow-up tracker are public. Coordinators manage forums (forms, uploads,
participant imports and exports); steering committee representatives and coordinators post
progress updates on action items. Participants' personal contacts are for coordinators only.
"""

from django.shortcuts import get_object_or_404

from members.permissions import (
    can_see_person,
    can_see_user_name,
    is_coordinator,
    is_network_member,
    is_steering_representative,
    permission_required,  # noqa: F401  the views' decorator, offered here with this app's predicates
    register,
    require,
)
from members.permissions import visible_organizations as visible_directory_organizations

from .models import ActionItem, Forum


def can_manage_forums(user) -> bool:
    return is_coordinator(user)


def can_update_action_items(user) -> bool:
    return is_coordinator(user) or is_steering_representative(user)


def can_see_participant_names(user) -> bool:
    """The public sees participating organizations; network members also see who came."""
    return is_network_member(user)


def visible_participants(user, participants) -> list:
    """The participants whose names the user may see: a person who chose "coordinators only" is named to
    coordinators alone, and an applicant organization (not yet in the public directory) likewise."""
    return [
        participant
        for participant in participants
        if (participant.person is None or can_see_person(user, participant.person))
        and (participant.organization is None or can_see_organization_name(user, participant.organization))
    ]


def can_see_organization_name(user, organization) -> bool:
    """The same rule as the directory's: applicants are named to coordinators only."""
    return is_coordinator(user) or organization.membership_status != organization.MembershipStatus.APPLICANT


def responsible_organizations(user):
    """The organizations that action items may name to this user (the directory's rule: no applicants)."""
    return visible_directory_organizations(user)


def can_see_update_author(user, update) -> bool:
    """A progress update names its author, unless names of the author's country are hidden from the user."""
    return can_see_user_name(user, update.author)


def can_see_participant_contacts(user) -> bool:
    return is_coordinator(user)


def can_export_participants(user) -> bool:
    return is_coordinator(user)


def can_read_forum_history(user) -> bool:
    """Who changed what in a forum's record, its programme, outcomes and action items."""
    return is_coordinator(user)


register(
    "forums",
    can_manage_forums,
    can_update_action_items,
    can_see_participant_names,
    can_see_update_author,
    can_see_participant_contacts,
    can_export_participants,
    can_read_forum_history,
)


def get_visible_forum(user, slug: str) -> Forum:
    """Every forum record is public; an unknown slug is a 404."""
    return get_object_or_404(Forum.objects.select_related("country"), slug=slug)


def get_manageable_forum(user, slug: str) -> Forum:
    forum = get_visible_forum(user, slug)
    require(can_manage_forums(user))
    return forum


def get_history_forum(user, slug: str) -> Forum:
    forum = get_visible_forum(user, slug)
    require(can_read_forum_history(user))
    return forum


def get_updatable_action_item(user, pk: int) -> ActionItem:
    item = get_object_or_404(ActionItem.objects.select_related("forum"), pk=pk)
    require(can_update_action_items(user))
    return item
