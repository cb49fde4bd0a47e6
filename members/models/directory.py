"""The directory: countries, national networks, organizations, their services and people."""


from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..content import MultilingualModel
from ..search import query_terms, search_key, search_text
from .fields import user_reference

# The names of the network's countries as stored (seeded by a data migration), for the catalogues.
COUNTRY_NAMES = [
    gettext_noop("Afghanistan"),
    gettext_noop("Pakistan"),
    gettext_noop("Tajikistan"),
    gettext_noop("Turkmenistan"),
    gettext_noop("Uzbekistan"),
]
# The focus areas as seeded (migration 0002), for the catalogues.
FOCUS_AREA_NAMES = [
    gettext_noop("Prevention & awareness"),
    gettext_noop("Protection & shelter"),
    gettext_noop("Legal aid & prosecution support"),
    gettext_noop("Hotline"),
    gettext_noop("Livelihoods"),
    gettext_noop("Reintegration"),
    gettext_noop("Research"),
    gettext_noop("Media"),
    gettext_noop("Capacity building"),
    gettext_noop("Child protection"),
]


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
    hide_names_publicly = models.BooleanField(
        _("hide people's names from the public"),
        default=False,
        help_text=_(
            "Where staff are at risk: the public sees no person's name from this country on any page, feed "
            "or export; network members still do."
        ),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["order", "name"]

    def __str__(self):
        """The name in the reader's language (the network's five are in the catalogues; others as stored)."""
        return gettext(self.name)

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


class NationalNetwork(MultilingualModel):
    """A country's national network of counter-trafficking NGOs (e.g. ANCTIP, "Umed")."""

    TRANSLATED_FIELDS = ("name", "description")

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
    # Its MOUs with the government are in the agreements register (Agreement.networks).

    class Meta:
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")
        ordering = ["country", "name"]

    def __str__(self):
        name = self.localized("name")
        return f"{name} ({self.acronym})" if self.acronym else str(name)


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
        """The name in the reader's language (the seeded ones are in the catalogues; others as stored)."""
        return gettext(self.name)


def verification_period() -> timedelta:
    """How long a verified entry stays current: settings.VERIFICATION_MONTHS (12 by default), as days."""
    return timedelta(days=round(30.44 * settings.VERIFICATION_MONTHS))


def stale_since():
    """Entries last verified before this moment "may be out of date"."""
    return timezone.now() - verification_period()


def stale_entries() -> Q:
    """The entries (organizations, services) never verified, or not for the verification period."""
    return Q(verified_at__isnull=True) | Q(verified_at__lt=stale_since())


class VerifiedBy(models.TextChoices):
    """Who last confirmed an entry: its own organization's editor, or the network's coordinators."""

    ORGANIZATION = "organization", _("Confirmed by the organization")
    SECRETARIAT = "secretariat", _("Verified by the secretariat")


class VerifiedEntry(models.Model):
    """An entry of the directory that someone confirms from time to time (an organization, a service).

    `verified_at` is when it was last confirmed correct, `verified_as` whether by its organization's editor or
    by a coordinator, `verified_by` the account. An entry never confirmed, or confirmed longer than the
    verification period ago (settings.VERIFICATION_MONTHS), "may be out of date".
    """

    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_as = models.CharField(_("verified by"), max_length=20, choices=VerifiedBy.choices, blank=True)
    verified_by = user_reference(_("verified by (account)"))

    class Meta:
        abstract = True

    @property
    def is_stale(self) -> bool:
        return self.verified_at is None or self.verified_at < stale_since()

    def mark_verified(self, user, *, as_secretariat: bool, at=None) -> None:
        """Record that `user` confirmed this entry now (the caller saves)."""
        self.verified_at = at or timezone.now()
        self.verified_as = VerifiedBy.SECRETARIAT if as_secretariat else VerifiedBy.ORGANIZATION
        self.verified_by = user


class CodeListField:
    """A choice of several codes kept in one text column as ",fa,ps," (filterable with `__contains=",fa,"`)."""

    def __init__(self, column: str):
        self.column = column

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return [code for code in (getattr(instance, self.column) or "").split(",") if code]

    def __set__(self, instance, codes):
        codes = [code for code in codes if code]
        setattr(instance, self.column, "," + ",".join(codes) + "," if codes else "")


# Languages a service may be reached in: the portal's eight, and others spoken in the region.
SPOKEN_LANGUAGES = [
    *settings.ALL_LANGUAGES,
    ("bal", _("Balochi")),
    ("pa", _("Punjabi")),
    ("sd", _("Sindhi")),
    ("ky", _("Kyrgyz")),
    ("kk", _("Kazakh")),
    ("ar", _("Arabic")),
    ("hi", _("Hindi")),
]
SPOKEN_LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


def spoken_language_names(codes) -> list[str]:
    """The names, in the reader's language, of SPOKEN_LANGUAGES codes (an unknown code as it is)."""
    return [str(SPOKEN_LANGUAGE_NAMES.get(code, code)) for code in codes]


class Population(models.TextChoices):
    """Who a service is for."""

    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    CHILDREN = "children", _("Children")
    MIGRANTS = "migrants", _("Labour migrants")
    RETURNEES = "returnees", _("Returnees")
    REFUGEES = "refugees", _("Refugees")
    DISPLACED = "displaced", _("Internally displaced people")
    DISABILITIES = "disabilities", _("People with disabilities")
    FAMILIES = "families", _("Families of victims")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class OrganizationQuerySet(models.QuerySet):
    def members(self):
        """Organizations that are members of the network (not applicants, former members or stakeholders)."""
        return self.filter(membership_status=Organization.MembershipStatus.MEMBER)

    def listed(self):
        """Organizations shown in the public directory: members and non-member stakeholders."""
        return self.exclude(membership_status=Organization.MembershipStatus.APPLICANT)

    def search(self, query: str):
        """Organizations whose names, descriptions or services contain every word of `query`, however it is
        spelled or in whichever script; those found by name first (annotated `search_rank`: 0 name, 1 other).

        A plain substring test on the normalized texts kept by `Organization.save()` (see members/search.py).
        """
        terms = query_terms(query)
        if not terms:
            return self
        in_text, in_names = Q(), Q()
        for folded, key in terms:
            in_text &= Q(search_text__contains=folded) | Q(search_text_latin__contains=key)
            in_names &= Q(search_names__contains=folded) | Q(search_names_latin__contains=key)
        rank = Case(When(in_names, then=Value(0)), default=Value(1), output_field=IntegerField())
        return self.filter(in_text).annotate(search_rank=rank)

    def stale(self):
        """Entries never verified, or not for the verification period: "may be out of date"."""
        return self.filter(stale_entries())

    def for_directory(self, services=None):
        """What a directory card shows, in a fixed number of queries. `services`: those the reader may see
        (`permissions.visible_services(user)`); the public ones if not given."""
        services = Service.objects.public() if services is None else services
        return self.select_related("country", "national_network").prefetch_related(
            "focus_areas",
            Prefetch("services", queryset=services.order_by("kind", "name")),
        )


class Organization(VerifiedEntry, MultilingualModel):
    """An organization in the directory: a network member or a stakeholder."""

    TRANSLATED_FIELDS = ("description",)

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
    # When its editors were last reminded that the entry may be out of date (once per verification period).
    reminded_at = models.DateTimeField(_("editors reminded"), null=True, blank=True, editable=False)
    # The entry's identifier in an imported HSDS data set (manage.py import_hsds), to match it on the next import.
    source_id = models.CharField(_("identifier in an imported data set"), max_length=100, blank=True, db_index=True)
    # What search matches, normalized on save (members/search.py): names alone, to rank name matches
    # first, and everything (names, descriptions in every language, services); each folded and as its
    # Latin key. Kept out of the history.
    search_names = models.TextField(editable=False, blank=True, default="")
    search_names_latin = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")
    search_text_latin = models.TextField(editable=False, blank=True, default="")

    SEARCH_FIELDS = ("search_names", "search_names_latin", "search_text", "search_text_latin")

    objects = OrganizationQuerySet.as_manager()
    # History: registered in members/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "membership_status"]),
            # The directory's pages are in name order: with 10,000 organizations its first page took 87 ms
            # (a full scan and sort of wide rows) and takes 0.1 ms with this index.
            models.Index(fields=["name", "id"], name="members_org_name_id_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.distinct_acronym})" if self.distinct_acronym else str(self.name)

    def save(self, *args, **kwargs):
        self.refresh_search_texts()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *self.SEARCH_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organization", args=[self.slug])

    def refresh_search_texts(self, services=None):
        """Rebuild what search matches from the names, the descriptions in every language and the services."""
        if services is None:
            services = list(self.services.all()) if self.pk else []
        names = [self.name, self.acronym, self.name_local]
        everything = [
            *names,
            self.city,
            self.provinces_covered,
            *self.all_texts("description"),
            # A members-only service's name is never matched: the public would learn which organization offers it.
            *(text for service in services if not service.members_only for text in service.all_texts("name")),
        ]
        self.search_names, self.search_names_latin = search_text(*names), search_key(*names)
        self.search_text, self.search_text_latin = search_text(*everything), search_key(*everything)

    @classmethod
    def refresh_search_of(cls, pk):
        """Rebuild one organization's search texts after its services changed (two queries)."""
        organization = cls.objects.filter(pk=pk).prefetch_related("services").first()
        if organization is not None:
            organization.refresh_search_texts(list(organization.services.all()))
            cls.objects.filter(pk=pk).update(**{name: getattr(organization, name) for name in cls.SEARCH_FIELDS})

    @property
    def distinct_acronym(self) -> str:
        """The acronym, unless the name already contains it (NGO “Madina” needs no “(Madina)”)."""
        return "" if self.acronym.casefold() in self.name.casefold() else self.acronym

    @property
    def is_member(self) -> bool:
        return self.membership_status == self.MembershipStatus.MEMBER


class ServiceQuerySet(models.QuerySet):
    def public(self):
        """Services the public may see: not members-only, of an organization listed in the public directory."""
        return self.filter(members_only=False).exclude(
            organization__membership_status=Organization.MembershipStatus.APPLICANT
        )

    def stale(self):
        return self.filter(stale_entries())


class Service(VerifiedEntry, MultilingualModel):
    """A service an organization offers: a hotline, a shelter, legal aid…"""

    TRANSLATED_FIELDS = ("name", "hours", "description")

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
    # How to reach it: each channel is a number or address; "walk-in" means people may come in person.
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    toll_free = models.BooleanField(_("the phone number is toll-free"), default=False)
    sms = models.CharField(_("SMS"), max_length=40, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    telegram = models.CharField(
        _("Telegram"), max_length=40, blank=True, help_text=_("A number, or a user name such as @helpline.")
    )
    signal = models.CharField(_("Signal"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    walk_in = models.BooleanField(_("people may walk in"), default=False)
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Shown to network members only, never to the public. Leave a shelter's address empty if in doubt."),
    )
    areas_served = models.CharField(_("provinces or areas served"), max_length=300, blank=True)
    # Opening hours: round the clock, or per weekday {"0": "09:00-17:00", …} (Monday is "0"; a missing day is closed).
    open_24_7 = models.BooleanField(_("open 24 hours, 7 days a week"), default=False)
    opening_hours = models.JSONField(_("opening hours"), default=dict, blank=True)
    hours = models.CharField(
        _("notes on opening hours"), max_length=100, blank=True, help_text=_("E.g. closed on public holidays.")
    )
    # Languages spoken (SPOKEN_LANGUAGES codes, as ",fa,ps,") and who it serves (Population, as ",women,children,").
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    populations = models.CharField(_("who it serves"), max_length=200, blank=True)
    members_only = models.BooleanField(
        _("network members only"),
        default=False,
        help_text=_("Not shown to the public, in the help finder, the map, feeds or open data."),
    )
    description = models.TextField(_("notes"), blank=True, max_length=1000)

    spoken_languages = CodeListField("languages")
    served_populations = CodeListField("populations")

    objects = ServiceQuerySet.as_manager()

    # History: registered in members/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["kind", "name"]

    def __str__(self):
        return f"{self.localized('name')} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Organization.refresh_search_of(self.organization_id)

    def spoken_language_names(self) -> list[str]:
        return spoken_language_names(self.spoken_languages)

    def population_names(self) -> list[str]:
        labels = dict(Population.choices)
        return [str(labels.get(code, code)) for code in self.served_populations]

    def weekly_hours(self) -> list[tuple[str, str]]:
        """(weekday name, "09:00-17:00") for each day it is open, Monday first; empty if no hours are given."""
        return [(str(name), self.opening_hours[str(day)]) for day, name in WEEKDAYS if self.opening_hours.get(str(day))]

    @property
    def channels(self) -> list[tuple[str, str]]:
        """The ways to reach it that are filled in, as (channel, value), in the order a person in need tries them."""
        return [(name, getattr(self, name)) for name in self.CHANNELS if getattr(self, name)]

    CHANNELS = ("phone", "sms", "whatsapp", "telegram", "signal", "email")

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        Organization.refresh_search_of(self.organization_id)
        return result


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


def countries_with_member_counts():
    """Countries annotated with how many member organizations each has."""
    return Country.objects.annotate(
        member_count=Count(
            "organizations",
            filter=Q(organizations__membership_status=Organization.MembershipStatus.MEMBER),
        )
    )
