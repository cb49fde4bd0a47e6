"""Accounts: the portal's users and their memberships of organizations."""


from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .directory import Organization


class UserManager(BaseUserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_coordinator", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A portal account, identified by its e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    is_coordinator = models.BooleanField(
        _("network coordinator"),
        default=False,
        help_text=_("Secretariat staff who manage accounts, organizations, seats and forums."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        choices=settings.ALL_LANGUAGES,
        help_text=_("The portal and its e-mails use this language after you log in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


class Membership(models.Model):
    """A user's role in an organization: editor (keeps the profile current) or member."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        "members.User", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} – {self.organization} ({self.get_role_display()})"

    @property
    def is_editor(self) -> bool:
        return self.role == self.Role.EDITOR

    def _ensure_another_editor(self):
        """An organization always keeps at least one editor; locks its editor rows while checking."""
        editors = list(
            Membership.objects.select_for_update()
            .filter(organization_id=self.organization_id, role=self.Role.EDITOR)
            .values_list("pk", flat=True)
        )
        if self.pk in editors and len(editors) == 1:
            raise ValidationError(
                _("An organization must keep at least one editor. Make someone else an editor first.")
            )

    def change_role(self, role: str):
        """Give this member another role, refusing to demote the organization's last editor."""
        with transaction.atomic():
            if self.role == self.Role.EDITOR and role != self.Role.EDITOR:
                self._ensure_another_editor()
            self.role = role
            self.save(update_fields=["role"])

    def remove(self):
        """Take this user out of the organization, refusing to remove its last editor."""
        with transaction.atomic():
            if self.role == self.Role.EDITOR:
                self._ensure_another_editor()
            self.delete()
