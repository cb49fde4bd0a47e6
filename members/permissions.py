"""Who may see and change what in the member directory. Views and templates ask these; nothing else decides.

Roles: anonymous public; network member (a user linked to an organization); organization
editor; steering committee representative (holds a country's current seat); coordinator.

The access vocabulary of the whole portal, used by every app's `permissions.py`:
- predicates `can_…(user[, obj])` decide; the apps register them by name with `register()`, so a
  template asks the same predicate as `{% has_perm "members.can_edit_organization" user organization as … %}`
  (or `perms.members.can_review_applications` when there is no object);
- views declare what they need with `@permission_required(predicate)`, or get their object through a
  `get_…` helper that returns 404 for what the user may not see and calls `require()` (403) for what they
  may see but not change. `require()` is the one place that refuses with 403.
"""

from functools import wraps

import rules
from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import (
    Agreement,
    Announcement,
    AnnouncementComment,
    Country,
    LegalInstrument,
    Membership,
    Organization,
    Person,
    ReferralRequest,
    Resource,
    Service,
    SteeringCommitteeSeat,
    User,
)


def register(app_label: str, *predicates) -> None:
    """Offer predicates to templates and `user.has_perm()` as "<app_label>.<predicate name>"."""
    for predicate in predicates:
        rules.add_perm(f"{app_label}.{predicate.__name__}", predicate)


def require(allowed: bool) -> None:
    """Refuse with 403 unless the user is allowed: the portal's one way of saying "you may not"."""
    if not allowed:
        raise PermissionDenied


def permission_required(predicate):
    """View decorator: anonymous users are sent to log in; users for whom `predicate(user)` is false get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            require(predicate(request.user))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_coordinator or user.is_superuser))


def is_network_member(user) -> bool:
    """A logged-in user who belongs to an organization of the network (or coordinates it)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if is_coordinator(user):
        return True
    return bool(member_countries(user))


def member_countries(user) -> set[str]:
    """Codes of the countries whose member organizations the user belongs to.

    Staff of applicants, former members and stakeholders (e.g. a government commission) have
    accounts but are not network members: they see what the public sees.
    """
    return set(member_organizations(user).values())


def member_organizations(user) -> dict[int, str]:
    """The member organizations the user is staff of, as {organization id: country code}; one query per request
    (member_countries() and referral_organization_ids() share it)."""
    if not (user.is_authenticated and user.is_active):
        return {}
    cached = getattr(user, "_member_organizations", None)
    if cached is None:
        cached = dict(
            user.memberships.filter(organization__membership_status=Organization.MembershipStatus.MEMBER)
            .values_list("organization_id", "organization__country_id")
        )
        user._member_organizations = cached
    return cached


def is_member_in(user, country) -> bool:
    """Staff of a member organization of the country (a Country or its code)."""
    return Country.normalize_code(country) in member_countries(user)


def steering_countries(user) -> set[str]:
    """Codes of the countries whose current steering committee seat the user holds."""
    if not (user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_steering_countries", None)
    if cached is None:
        cached = set(
            SteeringCommitteeSeat.objects.current()
            .filter(representative__user=user)
            .values_list("country_id", flat=True)
        )
        user._steering_countries = cached
    return cached


def is_steering_representative(user, country=None) -> bool:
    """Holds a current seat (for the given country, or for any country)."""
    seats = steering_countries(user)
    if country is None:
        return bool(seats)
    return Country.normalize_code(country) in seats


def must_set_up_second_factor(user) -> bool:
    """Powers over what others see (coordinator, staff, a steering seat, editing an organization) need a second
    factor: until the user has one, the portal sends them to its set-up page (members/middleware.py).

    One query per request of a logged-in user, whatever they hold.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_must_set_up_second_factor", None)
    if cached is None:
        row = (
            User.objects.filter(pk=user.pk)
            .annotate(
                has_factor=Exists(
                    Authenticator.objects.filter(
                        user=OuterRef("pk"), type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
                    )
                ),
                edits=Exists(Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.EDITOR)),
                holds_seat=Exists(SteeringCommitteeSeat.objects.current().filter(representative__user=OuterRef("pk"))),
            )
            .values_list("has_factor", "edits", "holds_seat")
            .first()
        )
        has_factor, edits, holds_seat = row or (False, False, False)
        privileged = user.is_coordinator or user.is_staff or user.is_superuser or edits or holds_seat
        cached = user._must_set_up_second_factor = bool(privileged and not has_factor)
    return cached


def can_edit_organization(user, organization: Organization) -> bool:
    if is_coordinator(user):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    return organization.pk in editable_organization_ids(user)


def editable_organization_ids(user) -> set[int]:
    if not (user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_editable_org_ids", None)
    if cached is None:
        cached = set(
            user.memberships.filter(role=Membership.Role.EDITOR).values_list("organization_id", flat=True)
        )
        user._editable_org_ids = cached
    return cached


def visible_organizations(user) -> QuerySet:
    """Applicants are only visible to coordinators; everyone sees members, former members and stakeholders."""
    if is_coordinator(user):
        return Organization.objects.all()
    return Organization.objects.listed()


def people_visibility_filter(user) -> Q:
    """Which people's names the user may see, as a Q usable in Prefetch querysets: by their chosen visibility,
    and never, for the public, people of a country that hides names (theirs or their organization's)."""
    if is_coordinator(user):
        return Q()
    if is_network_member(user):
        return ~Q(contact_visibility=Person.Visibility.COORDINATORS)
    visible = Q(contact_visibility=Person.Visibility.PUBLIC)
    hiding = name_hiding_countries(user)
    if hiding:
        visible &= ~Q(country__in=hiding) & (Q(organization__isnull=True) | ~Q(organization__country__in=hiding))
    return visible


def visible_people(user, queryset: QuerySet | None = None) -> QuerySet:
    """People whose name the user may see, by their chosen visibility and their country."""
    queryset = Person.objects.all() if queryset is None else queryset
    return queryset.filter(people_visibility_filter(user))


def can_see_person(user, person: Person) -> bool:
    """May the user see this person's name (the same rule as visible_people, for one person)."""
    if is_coordinator(user):
        return True
    if is_network_member(user):
        return person.contact_visibility != Person.Visibility.COORDINATORS
    if person.contact_visibility != Person.Visibility.PUBLIC:
        return False
    hiding = name_hiding_countries(user)
    if person.country_id in hiding:
        return False
    return not (hiding and person.organization_id and person.organization.country_id in hiding)


def name_hiding_countries(user) -> set[str]:
    """Codes of the countries whose people's names are hidden from this user: those set to hide names from the
    public (`Country.hide_names_publicly`, where staff are at risk), for anyone who is not a network member or
    coordinator; none for network members. One query per request."""
    if is_network_member(user):
        return set()
    cached = getattr(user, "_name_hiding_countries", None)
    if cached is None:
        cached = set(Country.objects.filter(hide_names_publicly=True).values_list("code", flat=True))
        user._name_hiding_countries = cached
    return cached


def hides_names_from(user, country) -> bool:
    """Does the country (a Country or its code) hide its people's names from this user? For pages that name
    someone without a Person (a forum participant typed in, a country's representative in a text)."""
    if country is None or is_network_member(user):
        return False
    if isinstance(country, Country):
        return country.hide_names_publicly
    return Country.normalize_code(country) in name_hiding_countries(user)


def can_see_user_name(user, account) -> bool:
    """May the user see the name of an account holder where a page says who did something (a progress update,
    who published a review)? Not the public, if the account holder is of a country that hides names: their
    directory entry's country or organization's, or that of an organization they are staff of."""
    if account is None:
        return False
    hiding = name_hiding_countries(user)
    if not hiding:
        return True
    cached = getattr(user, "_hidden_account_ids", None)
    if cached is None:
        cached = set(
            User.objects.filter(
                Q(person__country__in=hiding)
                | Q(person__organization__country__in=hiding)
                | Q(memberships__organization__country__in=hiding)
            ).values_list("pk", flat=True)
        )
        user._hidden_account_ids = cached
    return account.pk not in cached


def can_see_personal_contacts(user, person: Person) -> bool:
    """A person's own e-mail and phone: never to the public; to members unless restricted to coordinators."""
    if is_coordinator(user):
        return True
    if not is_network_member(user):
        return False
    return person.contact_visibility != Person.Visibility.COORDINATORS


def can_change_seat_holder_contact(user, person: Person) -> bool:
    """May the user change this person's name and e-mail (on top of can_edit_organization)?

    Not an editor's if the person is or was a steering committee seat's representative: the seat names them, and
    an e-mail an editor could change is one they could invite and accept into the seat. Coordinators only.
    """
    return is_coordinator(user) or not (person.pk and person.seats.exists())


def get_visible_organization(user, slug: str) -> Organization:
    return get_object_or_404(visible_organizations(user).select_related("country", "national_network"), slug=slug)


def get_editable_organization(user, slug: str) -> Organization:
    """The organization to edit: 404 if the user may not see it, 403 if they may see but not edit it."""
    organization = get_visible_organization(user, slug)
    require(can_edit_organization(user, organization))
    return organization


# Joining, staff and history (issue 6).


def can_review_applications(user) -> bool:
    """Coordinators approve or decline membership applications."""
    return is_coordinator(user)


def can_manage_staff(user, organization: Organization) -> bool:
    """Coordinators (any organization) and the organization's editors invite people and change their roles."""
    return can_edit_organization(user, organization)


def can_read_history(user, organization: Organization) -> bool:
    """Coordinators read every organization's change history; editors their own organization's."""
    return can_edit_organization(user, organization)


def can_see_recent_changes(user) -> bool:
    return is_coordinator(user)


def can_read_security_log(user) -> bool:
    """Logins, changed passwords, roles and seats of everyone: the secretariat's to read, nobody's to change."""
    return is_coordinator(user)


register(
    "members",
    is_coordinator,
    is_network_member,
    can_see_person,
    can_see_user_name,
    hides_names_from,
    can_see_personal_contacts,
    can_edit_organization,
    can_change_seat_holder_contact,
    can_review_applications,
    can_manage_staff,
    can_read_history,
    can_see_recent_changes,
    can_read_security_log,
)


def get_staff_organization(user, slug: str) -> Organization:
    """The organization whose staff to manage: 404 if not visible, 403 if visible but not theirs to manage."""
    organization = get_visible_organization(user, slug)
    require(can_manage_staff(user, organization))
    return organization


def get_history_organization(user, slug: str) -> Organization:
    organization = get_visible_organization(user, slug)
    require(can_read_history(user, organization))
    return organization


def network_member_users() -> QuerySet:
    """The users for whom is_network_member() holds, as a queryset: active coordinators and superusers, and
    active staff of member organizations (not of applicants, former members or stakeholders)."""
    staff_of_members = Membership.objects.filter(organization__membership_status=Organization.MembershipStatus.MEMBER)
    return User.objects.filter(is_active=True).filter(
        Q(is_coordinator=True) | Q(is_superuser=True) | Q(pk__in=staff_of_members.values("user_id"))
    )


# What the network shares (issue 15): announcements, the resource library, messages to the secretariat.
#
# A post (an announcement or a library resource) is read by network members at once, unless a coordinator hid
# it; by the public only once approved for everyone. A hidden post stays readable by its author, who reads
# the reason, and by coordinators. Everyone else gets 404 for what they may not read.


def visible_posts(user, queryset: QuerySet) -> QuerySet:
    """The announcements or resources of `queryset` the user may read."""
    if is_coordinator(user):
        return queryset
    if is_network_member(user):
        return queryset.filter(Q(hidden_at__isnull=True) | Q(author=user))
    if user.is_authenticated:
        return queryset.filter(Q(pk__in=queryset.public().values("pk")) | Q(author=user))
    return queryset.public()


def visible_announcements(user) -> QuerySet:
    return visible_posts(user, Announcement.objects.all())


def visible_resources(user) -> QuerySet:
    return visible_posts(user, Resource.objects.all())


def can_read_post(user, item) -> bool:
    """The same rule as visible_posts, for one announcement or resource (e-mails are checked with it)."""
    if is_coordinator(user):
        return True
    if user.is_authenticated and item.author_id == user.pk:
        return True
    if item.is_hidden:
        return False
    return item.is_public or is_network_member(user)


def can_post(user) -> bool:
    """Network members post announcements and add to the library, for their organization."""
    return is_network_member(user)


def can_edit_post(user, item) -> bool:
    """Its author while it is not hidden, and coordinators."""
    if is_coordinator(user):
        return True
    return bool(is_network_member(user) and item.author_id == user.pk and not item.is_hidden)


def can_approve_for_public(user, item=None) -> bool:
    """Coordinators, and the steering committee representative of the poster's country, approve a post for
    everyone (or keep it for members). Without an item: may the user approve anything at all."""
    if is_coordinator(user):
        return True
    if item is None:
        return is_steering_representative(user)
    return item.approval_country_id is not None and is_steering_representative(user, item.approval_country_id)


def approves_without_review(user, organization) -> bool:
    """A post for everyone by a coordinator, or by the representative of its organization's country, needs
    nobody else's approval."""
    if is_coordinator(user):
        return True
    return organization is not None and is_steering_representative(user, organization.country_id)


def posts_awaiting_approval(user, queryset: QuerySet) -> QuerySet:
    """The posts waiting for this user's approval: all for coordinators, their country's for a representative."""
    waiting = queryset.awaiting_approval()
    if is_coordinator(user):
        return waiting
    return waiting.filter(organization__country__in=steering_countries(user))


def can_hide_post(user, item=None) -> bool:
    """Coordinators hide any post, with a reason shown to its author."""
    return is_coordinator(user)


def can_comment(user, announcement=None) -> bool:
    """Network members comment on announcements that are not hidden; comments are never public."""
    if not is_network_member(user):
        return False
    return announcement is None or not announcement.is_hidden


def can_read_comments(user) -> bool:
    return is_network_member(user)


def can_delete_comment(user, comment: AnnouncementComment) -> bool:
    return is_coordinator(user) or bool(user.is_authenticated and comment.author_id == user.pk)


def can_answer_contact_messages(user) -> bool:
    """Messages to the secretariat carry the sender's e-mail address: coordinators only."""
    return is_coordinator(user)


register(
    "members",
    can_post,
    can_edit_post,
    can_approve_for_public,
    can_hide_post,
    can_comment,
    can_read_comments,
    can_delete_comment,
    can_answer_contact_messages,
)


def get_visible_announcement(user, slug: str) -> Announcement:
    return get_object_or_404(
        visible_announcements(user).select_related("organization__country", "author"), slug=slug
    )


def get_visible_resource(user, slug: str) -> Resource:
    return get_object_or_404(visible_resources(user).select_related("organization__country", "topic"), slug=slug)



# A verified directory for help across borders (issue 16): services, verification, referral requests.


def visible_services(user, queryset: QuerySet | None = None) -> QuerySet:
    """Services the user may see: members-only ones to network members and coordinators; the public sees the
    others, of organizations in the public directory. Every page, feed and export listing services asks this."""
    queryset = Service.objects.all() if queryset is None else queryset
    if is_coordinator(user):
        return queryset
    if is_network_member(user):
        return queryset.exclude(organization__membership_status=Organization.MembershipStatus.APPLICANT)
    return queryset.public()


def can_see_service(user, service: Service) -> bool:
    if is_coordinator(user):
        return True
    if service.organization.membership_status == Organization.MembershipStatus.APPLICANT:
        return False
    return is_network_member(user) or not service.members_only


def can_see_service_address(user, service: Service | None = None) -> bool:
    """A service's street address (a shelter's above all) is for network members and coordinators, never the public."""
    return is_network_member(user)


def can_confirm_entry(user, organization: Organization) -> bool:
    """The organization's editors (and coordinators) confirm in one step that its entry is still correct."""
    return can_edit_organization(user, organization)


def can_verify_entries(user, organization: Organization | None = None) -> bool:
    """Coordinators mark an entry verified by the secretariat, and see the list of stale entries."""
    return is_coordinator(user)


def referral_organization_ids(user) -> set[int]:
    """The member organizations whose staff the user is: they send and answer referral requests for them."""
    return set(member_organizations(user))


def can_send_referrals(user) -> bool:
    """Staff of a member organization refer cases to member organizations in other countries."""
    return bool(referral_organization_ids(user))


def can_see_referrals(user) -> bool:
    return is_coordinator(user) or can_send_referrals(user)


def visible_referrals(user) -> QuerySet:
    """Only the staff of the two organizations and the coordinators see a referral request."""
    if is_coordinator(user):
        return ReferralRequest.objects.all()
    return ReferralRequest.objects.involving(referral_organization_ids(user))


def can_answer_referral(user, referral: ReferralRequest) -> bool:
    """The receiving organization's staff accept or decline a request waiting for an answer."""
    return (
        referral.status == ReferralRequest.Status.SENT
        and referral.to_organization_id in referral_organization_ids(user)
    )


def can_close_referral(user, referral: ReferralRequest) -> bool:
    """Either organization closes an accepted request once the case is handed over; coordinators too."""
    if referral.status != ReferralRequest.Status.ACCEPTED:
        return False
    ids = referral_organization_ids(user)
    return is_coordinator(user) or referral.from_organization_id in ids or referral.to_organization_id in ids


def can_withdraw_referral(user, referral: ReferralRequest) -> bool:
    """The sender withdraws a request not yet answered."""
    return (
        referral.status == ReferralRequest.Status.SENT
        and referral.from_organization_id in referral_organization_ids(user)
    )


def get_visible_referral(user, pk: int) -> ReferralRequest:
    return get_object_or_404(
        visible_referrals(user).select_related(
            "from_organization__country", "to_organization__country", "created_by", "answered_by"
        ),
        pk=pk,
    )


def referral_receivers(user) -> QuerySet:
    """Member organizations the user's organizations may refer to: not their own, and in another country than the
    sender (with organizations in several countries, the form checks the pair)."""
    senders = member_organizations(user)
    countries = set(senders.values())
    receivers = Organization.objects.filter(membership_status=Organization.MembershipStatus.MEMBER).exclude(
        pk__in=senders
    )
    if len(countries) == 1:
        receivers = receivers.exclude(country__in=countries)
    return receivers


def can_refer_to(user, organization: Organization) -> bool:
    """Staff of a member organization refer a case to a member organization of another country (its page's
    "Refer a case" button)."""
    senders = member_organizations(user)
    return (
        organization.membership_status == Organization.MembershipStatus.MEMBER
        and organization.pk not in senders
        and any(country != organization.country_id for country in senders.values())
    )


register("members", can_refer_to)
# Coordinators hold every permission (members/backends.py), but only staff of a member organization refer a case:
# templates ask the rule itself, `{% test_rule "members.can_refer_to" user organization as … %}`.
rules.add_rule("members.can_refer_to", can_refer_to)


register(
    "members",
    can_see_service,
    can_see_service_address,
    can_confirm_entry,
    can_verify_entries,
    can_send_referrals,
    can_see_referrals,
    can_answer_referral,
    can_close_referral,
    can_withdraw_referral,
)


# Agreements register (issue 17): MOUs and agreements with their parties and status history, for everyone to read.
# Coordinators and any steering representative add one; the representative of a party country, or a coordinator,
# keeps it. Applicant organizations are named as parties only to those who see them in the directory.


def can_add_agreements(user) -> bool:
    return is_coordinator(user) or is_steering_representative(user)


def can_keep_agreement(user, agreement) -> bool:
    """Edit the agreement and record its status changes."""
    if is_coordinator(user):
        return True
    return any(is_steering_representative(user, country) for country in agreement.countries.all())


register("members", can_add_agreements, can_keep_agreement)


def get_visible_agreement(user, slug: str):
    return get_object_or_404(Agreement.objects.select_related("resource"), slug=slug)


def get_editable_agreement(user, slug: str):
    """The agreement to keep: 404 if there is none, 403 if it is not the user's to keep."""
    agreement = get_visible_agreement(user, slug)
    require(can_keep_agreement(user, agreement))
    return agreement


# Legislation register (issue 17). The register is public: every law, plan and amendment is public record. The
# steering committee representative of a country and the coordinators keep its entries.


def can_keep_laws(user, country) -> bool:
    """Coordinators, and the steering committee representative of the country (a Country or its code)."""
    return is_coordinator(user) or is_steering_representative(user, country)


def can_add_laws(user) -> bool:
    """Coordinators and any steering committee representative (for the countries they keep)."""
    return is_coordinator(user) or is_steering_representative(user)


def law_countries(user) -> QuerySet:
    """The countries whose register entries the user keeps."""
    if is_coordinator(user):
        return Country.objects.all()
    return Country.objects.filter(code__in=steering_countries(user))


def get_editable_instrument(user, slug: str):
    """A law or plan to change: 404 if there is none, 403 if it is not the user's to keep."""
    instrument = get_object_or_404(LegalInstrument.objects.select_related("country"), slug=slug)
    require(can_keep_laws(user, instrument.country_id))
    return instrument


register("members", can_keep_laws, can_add_laws)
