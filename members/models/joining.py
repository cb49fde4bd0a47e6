"""Joining the network: membership applications and staff invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..content import CONTENT_LANGUAGES, localized_name
from .accounts import Membership, User
from .directory import Country, FocusArea, Organization, Person
from .fields import user_reference


def validate_decline_reason(reason: str) -> None:
    """A declined applicant is always told why."""
    if not reason.strip():
        raise ValidationError(_("Give the applicant a reason."), code="required")


class ApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Application.Status.PENDING)


class Application(models.Model):
    """An organization's request to join the network, sent through the public form."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("organization name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=Organization.Kind.choices, default=Organization.Kind.NGO
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[URLValidator(schemes=["http", "https"])])
    description = models.TextField(_("what the organization does"), max_length=3000)
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="+", verbose_name=_("focus areas"))
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_position = models.CharField(_("position"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.ALL_LANGUAGES,
        help_text=_("The language the application was written in; e-mails to the applicant use it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = user_reference(_("decided by"))
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=2000)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="applications",
        verbose_name=_("organization created"),
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.country_id}, {self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def _lock_pending(self):
        """Re-read this application locked; a decision already taken (e.g. in another tab) is refused."""
        current = Application.objects.select_for_update().get(pk=self.pk)
        if current.status != self.Status.PENDING:
            raise ValidationError(_("This application was already decided."))

    def approve(self, by):
        """Create the member organization, its contact person and an editor invitation; returns (invitation, token)."""
        with transaction.atomic():
            self._lock_pending()
            written_in = self.language if self.language in CONTENT_LANGUAGES else settings.LANGUAGE_CODE
            organization = Organization.objects.create(
                name=self.name,
                acronym=self.acronym,
                slug=unique_organization_slug(self.acronym or self.name),
                country=self.country,
                kind=self.kind,
                membership_status=Organization.MembershipStatus.MEMBER,
                city=self.city,
                website=self.website,
                # The description in the language the applicant wrote in, which is its original.
                original_language=written_in,
                **{localized_name("description", written_in): self.description},
            )
            organization.focus_areas.set(self.focus_areas.all())
            Person.objects.create(
                name=self.contact_name,
                position=self.contact_position,
                organization=organization,
                country=self.country,
                email=self.contact_email,
                phone=self.contact_phone,
                # The join form promises that only the secretariat sees the contact person's details; the
                # person (or an editor) may open them up later.
                contact_visibility=Person.Visibility.COORDINATORS,
            )
            invitation, token = Invitation.issue(
                organization, self.contact_email, Membership.Role.EDITOR, invited_by=by, language=self.language
            )
            self.status = self.Status.APPROVED
            self.organization = organization
            self.decided_by = by
            self.decided_at = timezone.now()
            self.save(update_fields=["status", "organization", "decided_by", "decided_at"])
        return invitation, token

    def decline(self, by, reason: str):
        validate_decline_reason(reason)
        with transaction.atomic():
            self._lock_pending()
            self.status = self.Status.DECLINED
            self.decline_reason = reason.strip()
            self.decided_by = by
            self.decided_at = timezone.now()
            self.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])


def unique_organization_slug(text: str) -> str:
    base = slugify(text)[:70].strip("-") or "organization"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


INVITATION_VALID_FOR = timedelta(days=14)


class InvitationUnusable(Exception):
    """The invitation was used, revoked or expired meanwhile."""


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed, single-use, expiring invitation to join an organization's staff. Only a hash of the token is kept."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("organization")
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.ALL_LANGUAGES,
        help_text=_("The language of the invitation e-mail."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = user_reference(_("invited by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = user_reference(_("accepted by"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    @classmethod
    def issue(cls, organization, email, role, invited_by=None, language=""):
        """Create an invitation; returns (invitation, raw token). The raw token exists only in the e-mail."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organization=organization,
            email=email.strip().lower(),
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            language=language,
            expires_at=timezone.now() + INVITATION_VALID_FOR,
        )
        return invitation, token

    def accept(self, user) -> Membership:
        """Use the invitation exactly once: claim it, then make the user a member (never demoting an editor).

        Raises InvitationUnusable if it was used, revoked or expired meanwhile.
        """
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=self.pk).pending().update(accepted_at=timezone.now(), accepted_by=user)
            if not claimed:
                raise InvitationUnusable
            membership = Membership.objects.filter(user=user, organization=self.organization).first()
            if membership is None:
                membership = Membership(user=user, organization=self.organization, role=self.role)
                membership._history_user = user  # the request may have started anonymous
                membership.save()
            elif self.role == Membership.Role.EDITOR and not membership.is_editor:
                membership._history_user = user
                membership.change_role(Membership.Role.EDITOR)
            # Never a steering committee seat's representative (current or past): the seat's powers follow the
            # account a coordinator links in the admin, not whoever receives mail at an address an editor typed.
            person = (
                Person.objects.filter(
                    organization=self.organization, email__iexact=user.email, user__isnull=True, seats=None
                )
                .order_by("pk")
                .first()
            )
            if person is not None and not Person.objects.filter(user=user).exists():
                person.user = user
                person._history_user = user
                person.save(update_fields=["user"])
        return membership

    @property
    def email_language(self) -> str:
        """The invitee's own preference if they already have an account, else the language chosen for them."""
        account = User.objects.filter(email__iexact=self.email).values_list("language", flat=True).first()
        return account or self.language or settings.LANGUAGE_CODE

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.is_expired:
            return "expired"
        return "pending"
