"""Countries, organizations, their services and people, and the steering committee."""

import hashlib
import secrets
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models, transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Arabic-script letters that Dari, Pashto and Urdu keyboards type differently: searching
# for "کابل" must find "كابل". Folded to the Persian forms, together with casefolding for
# Latin and Cyrillic, so search behaves the same on SQLite and PostgreSQL.
_ARABIC_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u200c": None,  # ZERO WIDTH NON-JOINER
        "\u0640": None,  # TATWEEL
    }
)


def fold_for_search(text: str) -> str:
    """Normalise text so that a case- and script-variant-insensitive substring match works."""
    text = unicodedata.normalize("NFKC", text or "").translate(_ARABIC_FOLD).casefold()
    # Drop combining marks (Arabic harakat, Cyrillic stress marks) but keep base letters.
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = text.replace("ё", "е")
    return " ".join(text.split())


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


class Country(models.Model):
    """A country of the network, keyed by its ISO 3166 alpha-2 code."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        primary_key=True,
        help_text=_("ISO 3166-1 alpha-2 code, e.g. TJ."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["order", "name"]

    def __str__(self):
        return str(self.name)

    def save(self, *args, **kwargs):
        self.code = self.normalize_code(self.code)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:country", args=[self.slug])

    @staticmethod
    def normalize_code(value: "str | Country") -> str:
        """A country code as stored ("TJ"), from a Country or a code in any case ("tj" in URLs, "Tj" typed)."""
        return (value if isinstance(value, str) else value.pk).upper()

    @staticmethod
    def url_code(value: "str | Country") -> str:
        """A country code as URLs write it ("tj")."""
        return Country.normalize_code(value).lower()

    @property
    def slug(self) -> str:
        return self.url_code(self.code)


def get_country_or_404(code: str) -> Country:
    """The country of a code in a URL or query string, in any case; 404 if there is none."""
    return get_object_or_404(Country, code=Country.normalize_code(code))


class NationalNetwork(models.Model):
    """A country's national network of counter-trafficking NGOs (e.g. ANCTIP, "Umed")."""

    class MouStatus(models.TextChoices):
        NONE = "none", _("No MOU")
        NEGOTIATING = "negotiating", _("In negotiation")
        SIGNED = "signed", _("Signed")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="networks", verbose_name=_("country")
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    founded = models.PositiveSmallIntegerField(
        _("founded (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    description = models.TextField(_("description"), blank=True, max_length=3000)
    mou_status = models.CharField(
        _("MOU with the national TIP commission"),
        max_length=20,
        choices=MouStatus.choices,
        default=MouStatus.NONE,
    )
    mou_date = models.DateField(_("MOU signed on"), null=True, blank=True)
    mou_counterpart = models.CharField(
        _("government counterpart"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")
        ordering = ["country", "name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else str(self.name)


class FocusArea(models.Model):
    """A field of counter-trafficking work an organization is active in."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["order", "name"]

    def __str__(self):
        return str(self.name)


class OrganizationQuerySet(models.QuerySet):
    def members(self):
        """Organizations that are members of the network (not applicants, former members or stakeholders)."""
        return self.filter(membership_status=Organization.MembershipStatus.MEMBER)

    def listed(self):
        """Organizations shown in the public directory: members and non-member stakeholders."""
        return self.exclude(membership_status=Organization.MembershipStatus.APPLICANT)

    def search(self, query: str):
        terms = fold_for_search(query).split()
        qs = self
        for term in terms:
            qs = qs.filter(search_text__contains=term)
        return qs

    def for_directory(self):
        """What a directory card shows, in a fixed number of queries."""
        return self.select_related("country", "national_network").prefetch_related(
            "focus_areas",
            Prefetch("services", queryset=Service.objects.order_by("kind", "name")),
        )


class Organization(models.Model):
    """An organization in the directory: a network member or a stakeholder."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        PUBLIC_ORGANIZATION = "public", _("Public organization")
        MEDIA = "media", _("Media")
        LEGAL_AID = "legal_aid", _("Legal aid organization")
        GOVERNMENT = "government", _("Government agency")
        INTERNATIONAL = "international", _("International organization")

    class MembershipStatus(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        MEMBER = "member", _("Member")
        FORMER = "former", _("Former member")
        STAKEHOLDER = "stakeholder", _("Stakeholder (not a member)")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    name_local = models.CharField(
        _("name in local language"),
        max_length=200,
        blank=True,
        help_text=_("The name as written in Dari, Pashto, Urdu, Russian, Tajik, Turkmen or Uzbek."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="organizations", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NGO)
    membership_status = models.CharField(
        _("membership status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.MEMBER,
    )
    national_network = models.ForeignKey(
        NationalNetwork,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("national network"),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    provinces_covered = models.CharField(
        _("provinces or regions covered"), max_length=300, blank=True
    )
    description = models.TextField(_("description"), blank=True, max_length=3000)
    founded = models.PositiveSmallIntegerField(
        _("founded (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    website = models.URLField(
        _("website"), blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="organizations", verbose_name=_("focus areas")
    )
    populations_served = models.CharField(
        _("populations served"),
        max_length=300,
        blank=True,
        help_text=_("E.g. women, children, labour migrants, returnees."),
    )
    languages = models.CharField(
        _("working languages"), max_length=200, blank=True, help_text=_("E.g. Dari, Pashto, English.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    verified_at = models.DateTimeField(
        _("verified by the secretariat"), null=True, blank=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "membership_status"])]

    def __str__(self):
        return f"{self.name} ({self.distinct_acronym})" if self.distinct_acronym else str(self.name)

    def save(self, *args, **kwargs):
        self.search_text = fold_for_search(
            " ".join([self.name, self.acronym, self.name_local, self.city])
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organization", args=[self.slug])

    @property
    def distinct_acronym(self) -> str:
        """The acronym, unless the name already contains it (NGO “Madina” needs no “(Madina)”)."""
        return "" if self.acronym.casefold() in self.name.casefold() else self.acronym

    @property
    def is_member(self) -> bool:
        return self.membership_status == self.MembershipStatus.MEMBER


class Service(models.Model):
    """A service an organization offers: a hotline, a shelter, legal aid…"""

    class Kind(models.TextChoices):
        HOTLINE = "hotline", _("Hotline")
        SHELTER = "shelter", _("Shelter")
        LEGAL_AID = "legal_aid", _("Legal aid")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
        MEDICAL = "medical", _("Medical care")
        REPATRIATION = "repatriation", _("Repatriation assistance")
        VOCATIONAL = "vocational", _("Vocational training")
        REINTEGRATION = "reintegration", _("Reintegration support")
        AWARENESS = "awareness", _("Awareness raising")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services", verbose_name=_("organization")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    hours = models.CharField(_("hours"), max_length=100, blank=True, help_text=_("E.g. 24/7, Mon–Fri 9–17."))
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    toll_free = models.BooleanField(_("toll-free"), default=False)
    description = models.TextField(_("description"), blank=True, max_length=1000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["kind", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def details(self) -> list[str]:
        """City, hours and languages, those that are filled in."""
        return [part for part in (self.city, self.hours, self.languages) if part]


class Person(models.Model):
    """Someone working in the network. Their own e-mail and phone are never public."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Name public, contacts to network members")
        MEMBERS = "members", _("Network members only")
        COORDINATORS = "coordinators", _("Coordinators only")

    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organization"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="people", verbose_name=_("country")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_visibility = models.CharField(
        _("who may see this person"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_(
            "Personal e-mail and phone are never shown to the public. "
            "Choose who may see this person's name and contacts."
        ),
    )
    user = models.OneToOneField(
        "members.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return str(self.name)


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


class SeatQuerySet(models.QuerySet):
    def current(self):
        return self.filter(term_end__isnull=True)

    def past(self):
        return self.filter(term_end__isnull=False)


class SteeringCommitteeSeat(models.Model):
    """A country's seat on the steering committee, held by one NGO representative for a term."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="seats", verbose_name=_("country")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="seats", verbose_name=_("organization")
    )
    representative = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="seats", verbose_name=_("representative")
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("Leave empty while the term is current.")
    )

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("steering committee seat")
        verbose_name_plural = _("steering committee seats")
        ordering = ["country__order", "-term_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(term_end__isnull=True),
                name="one_current_seat_per_country",
                violation_error_message=_("This country already has a current seat."),
            ),
        ]

    def __str__(self):
        return f"{self.country}: {self.representative} ({self.organization})"

    @property
    def is_current(self) -> bool:
        return self.term_end is None

    def clean(self):
        if self.term_end and self.term_start and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
        if self.organization_id and self.country_id and self.organization.country_id != self.country_id:
            raise ValidationError({"organization": _("The organization must be from this country.")})


def countries_with_member_counts():
    """Countries annotated with how many member organizations each has."""
    return Country.objects.annotate(
        member_count=Count(
            "organizations",
            filter=Q(organizations__membership_status=Organization.MembershipStatus.MEMBER),
        )
    )


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
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "members.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )
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
            organization = Organization.objects.create(
                name=self.name,
                acronym=self.acronym,
                slug=unique_organization_slug(self.acronym or self.name),
                country=self.country,
                kind=self.kind,
                membership_status=Organization.MembershipStatus.MEMBER,
                city=self.city,
                website=self.website,
                description=self.description,
            )
            organization.focus_areas.set(self.focus_areas.all())
            Person.objects.create(
                name=self.contact_name,
                position=self.contact_position,
                organization=organization,
                country=self.country,
                email=self.contact_email,
                phone=self.contact_phone,
            )
            invitation, token = Invitation.issue(organization, self.contact_email, Membership.Role.EDITOR, invited_by=by)
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
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "members.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "members.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    @classmethod
    def issue(cls, organization, email, role, invited_by=None):
        """Create an invitation; returns (invitation, raw token). The raw token exists only in the e-mail."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organization=organization,
            email=email.strip().lower(),
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + INVITATION_VALID_FOR,
        )
        return invitation, token

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


class Topic(models.TextChoices):
    REVIEW_PUBLISHED = "review_published", _("A country review is published")
    OVERVIEW_PUBLISHED = "overview_published", _("A regional overview is published")
    FORUMS = "forums", _("A forum is announced or changed")
    ACTION_ITEMS = "action_items", _("Follow-up actions of my organization are due or overdue")
    NEW_MEMBERS = "new_members", _("A new organization joins the network")


class NotificationPreference(models.Model):
    """Which e-mail updates a user receives, and how often."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately, one e-mail per update")
        WEEKLY = "weekly", _("Weekly digest")

    user = models.OneToOneField(
        "members.User", on_delete=models.CASCADE, related_name="notification_preference", verbose_name=_("user")
    )
    review_published = models.BooleanField(Topic.REVIEW_PUBLISHED.label, default=True)
    review_all_countries = models.BooleanField(
        _("reviews of all countries"), default=True, help_text=_("Untick to choose countries below.")
    )
    review_countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("reviews of these countries")
    )
    overview_published = models.BooleanField(Topic.OVERVIEW_PUBLISHED.label, default=True)
    forums = models.BooleanField(Topic.FORUMS.label, default=True)
    action_items = models.BooleanField(Topic.ACTION_ITEMS.label, default=True)
    new_members = models.BooleanField(Topic.NEW_MEMBERS.label, default=True)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user} ({self.get_frequency_display()})"


class NotificationQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=Notification.Status.QUEUED)


class Notification(models.Model):
    """One e-mail update queued for one user (the outbox); sent later by `send_notifications`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    user = models.ForeignKey(
        "members.User", on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200)
    digest = models.BooleanField(_("weekly digest"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="unique_notification_per_event")
        ]
        indexes = [models.Index(fields=["status", "digest"])]

    def __str__(self):
        return f"{self.subject} → {self.user} ({self.get_status_display()})"
