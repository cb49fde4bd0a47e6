"""The directory: countries, national networks, organizations, their services and people."""


from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..content import MultilingualModel
from ..search import query_terms, search_key, search_text

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

    def for_directory(self):
        """What a directory card shows, in a fixed number of queries."""
        return self.select_related("country", "national_network").prefetch_related(
            "focus_areas",
            Prefetch("services", queryset=Service.objects.order_by("kind", "name")),
        )


class Organization(MultilingualModel):
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
    verified_at = models.DateTimeField(
        _("verified by the secretariat"), null=True, blank=True
    )
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
            *(text for service in services for text in service.all_texts("name")),
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

    def get_absolute_url(self):
        return reverse("members:organization", args=[self.slug])

    @property
    def distinct_acronym(self) -> str:
        """The acronym, unless the name already contains it (NGO “Madina” needs no “(Madina)”)."""
        return "" if self.acronym.casefold() in self.name.casefold() else self.acronym

    @property
    def is_member(self) -> bool:
        return self.membership_status == self.MembershipStatus.MEMBER


class Service(MultilingualModel):
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
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    hours = models.CharField(_("hours"), max_length=100, blank=True, help_text=_("E.g. 24/7, Mon–Fri 9–17."))
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    toll_free = models.BooleanField(_("toll-free"), default=False)
    description = models.TextField(_("notes"), blank=True, max_length=1000)

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
